import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { buildPlatformApp } from '../../../platform/app.js';
import { createMailer } from '../../../server/mail/mailer.js';
import type { App } from '../../../server/modules.js';
import { DEMO_ACCESS_CODES } from '../access-codes.js';

let t: TestApp;
let production: App;
beforeAll(async () => {
  t = await createTestApp({ SURVEY_RATE_LIMIT: '1000' });
  // The same database served as in production (the code check must not rely on the demo seed being absent).
  production = await buildPlatformApp({ config: { ...t.config, production: true, serverSecret: 'x'.repeat(40) }, database: t.database, mailer: createMailer(t.config.mail), logger: false });
});
afterAll(async () => { await production?.close(); await t?.close(); });

const call = (app: App, method: 'POST' | 'PUT', path: string, payload: object) => app.inject({ method, url: `/api/public/survey/${path}`, payload });

describe('demo codes of the running 2026 wave', () => {
  it('open the demo survey locally, however typed', async () => {
    for (const code of DEMO_ACCESS_CODES) {
      const res = await call(t.app, 'POST', 'open', { code: code.toLowerCase().replace('-', ' ') });
      expect(res.statusCode, code).toBe(200);
      expect(res.json().title).toBe('Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)');
    }
    expect((await call(t.app, 'PUT', 'draft', { code: DEMO_ACCESS_CODES[0], answers: { AF01: 2 } })).statusCode).toBe(200);
  });

  it('are unknown in production (open, save, submit), while the same database answers them outside it', async () => {
    const code = DEMO_ACCESS_CODES[1];
    const open = await call(production, 'POST', 'open', { code });
    expect(open.statusCode).toBe(404);
    expect(open.json()).toMatchObject({ code: 'code_unknown', field: 'code' });
    expect((await call(production, 'PUT', 'draft', { code, answers: { AF01: 2 } })).json().code).toBe('code_unknown');
    const opened = (await call(t.app, 'POST', 'open', { code })).json();
    const submit = await call(production, 'POST', 'submit', { code, submissionId: crypto.randomUUID(), answers: { AF01: 2 }, survey: opened.survey, revision: opened.revision });
    expect(submit.json().code).toBe('code_unknown');
    // Nothing was used: the code still opens locally.
    expect((await call(t.app, 'POST', 'open', { code })).statusCode).toBe(200);
  });

});
