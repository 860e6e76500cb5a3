import { afterAll, beforeAll, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { ROLES } from '../src/server/auth/roles.js';
import { createTestApp, roleCaller, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
it('probe', async () => {
  const call = await roleCaller(t.app, [...ROLES]);
  const out: Record<string, unknown> = {};
  for (const r of ROLES) { const res = await call(r, 'GET', '/api/dashboard'); out[r] = res.statusCode === 200 ? res.json() : res.body; }
  writeFileSync('/tmp/dash/probe.json', JSON.stringify(out, null, 1));
}, 300_000);
