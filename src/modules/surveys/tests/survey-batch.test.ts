/**
 * One bad submission never fails another: submissions are checked before they join a write batch, and a
 * batch that still fails is written again member by member. Meant for the real server (CI's PostgreSQL
 * pass), where a NUL byte used to fail a whole batch; runs on PGlite too.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, type TestApp } from '../../../../test/helpers.js';
import { newProject, openFieldPhase } from './factories.js';
import { SubmitBatcher } from '../submit-batcher.js';
import { hashCode } from '../access-codes.js';
import { Problem } from '../../../server/http/problem.js';

let t: TestApp;
let projectId = '';
let codes: string[] = [];
beforeAll(async () => {
  t = await createTestApp({ SURVEY_RATE_LIMIT: '100000', SURVEY_MIX_INTERVAL_SECONDS: '3600' });
  const lpr = await loginAs(t.app, 'lpr_staff');
  projectId = await newProject(t, lpr);
  codes = await openFieldPhase(t, lpr, projectId, 200);
}, 120_000);
afterAll(async () => { await t?.close(); });

const count = async (table: 'survey_pool' | 'survey_used_codes') =>
  ((await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where project_id = ${projectId}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
const place = { lat: 50.545, lon: 12.785, reason: 1, time: 2 };

describe('survey submissions in write batches', () => {
  it('stores and acknowledges every good submission sent together with bad ones', async () => {
    const bad = [
      { FP01: [{ ...place, note: 'Licht\u0000aus' }] },
      { ME02: 'geteilt \ud83d und kaputt' },
      { FP01: [{ ...place, id: 'tracking-4711' }] },
      { AF01: 2147483648 },
    ];
    const requests = codes.slice(0, 140).map((code, i) => {
      const isBad = i % 4 === 3;
      const answers = isBad ? bad[(i >> 2) % bad.length]! : { AF01: (i % 4) + 1, ME02: `Antwort ${i}`, FP01: [place] };
      return { isBad, send: () => t.app.inject({ method: 'POST', url: '/api/public/survey/submit', payload: { code, submissionId: randomUUID(), answers } }) };
    });
    const results = await Promise.all(requests.map((r) => r.send()));
    const good = requests.filter((r) => !r.isBad).length;
    results.forEach((res, i) => {
      if (requests[i]!.isBad) {
        expect([400, 422]).toContain(res.statusCode);
        expect(res.headers['content-type']).toContain('application/problem+json');
      } else expect(res.statusCode, res.body).toBe(201);
    });
    expect(await count('survey_pool')).toBe(good);
    expect(await count('survey_used_codes')).toBe(good);
  });

  it('writes the members of a failing batch one by one, so only the bad one fails', async () => {
    const batcher = new SubmitBatcher(t.database.db, 200, 1);
    const item = (code: string, answers: string) => ({ codeHash: hashCode(code), projectId, revision: 1, answers, keyHash: randomUUID() });
    const before = await count('survey_pool');
    // The first holds the only write slot, so all others queue and go as one batch, with the broken one inside.
    const first = batcher.submit(item(codes[150]!, JSON.stringify({ AF01: 1 })));
    const rest = codes.slice(151, 181).map((code, i) => batcher.submit(item(code, i === 17 ? '{"ME02": "abgeschnitten' : JSON.stringify({ AF01: 2 }))));
    const settled = await Promise.allSettled([first, ...rest]);
    const rejected = settled.filter((s) => s.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason as Problem;
    expect(reason).toBeInstanceOf(Problem);
    expect(reason.status).toBe(422);
    expect(settled.filter((s) => s.status === 'fulfilled' && s.value === true)).toHaveLength(30);
    expect(await count('survey_pool')).toBe(before + 30);
  });
});
