import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from './helpers.js';
import { ROLES } from '../src/server/auth/roles.js';
import { DEMO_ACCESS_CODES } from '../src/modules/surveys/access-codes.js';
import { MIX_JOB } from '../src/modules/surveys/mixing.js';
import { surveyPool } from '../src/modules/surveys/schema.js';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

/** The value of one sample in Prometheus text format (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

let t: TestApp;
const scrape = async () => {
  const res = await t.app.inject({ url: '/metrics', headers: auth });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return res.body;
};
beforeAll(async () => { t = await createTestApp({ METRICS_TOKEN: TOKEN, SURVEY_RATE_LIMIT: '1000', SURVEY_MIX_INTERVAL_SECONDS: '1' }); });
afterAll(async () => { await t?.close(); });

describe('/metrics', () => {
  it('answers only with the operator token: 401 without it, with a wrong one and for every signed-in role', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const res = await t.app.inject({ url: '/metrics', headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).not.toContain('http_request_duration_seconds');
    }
    for (const role of ROLES) {
      const res = await t.app.inject({ url: '/metrics', headers: (await loginAs(t.app, role)).headers });
      expect(res.statusCode, role).toBe(401);
    }
  });

  it('is not part of the API documentation', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).not.toContain('/metrics');
  });

  it('times requests by route pattern, never by address', async () => {
    await t.app.inject('/api/communes/14521550');
    await t.app.inject('/api/communes/14521035');
    await t.app.inject('/api/communes/99999999');
    await t.app.inject('/api/gibt-es-nicht/4711');
    const text = await scrape();
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/communes/:ags', status_code: '200' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/communes/:ags', status_code: '404' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_bucket', { route: '/api/communes/:ags', status_code: '200', le: '+Inf' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/14521550|14521035|gibt-es-nicht|4711/);
    // Node's own figures and the database connections of this process (the embedded database: one).
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'asskomm_db_pool_max_connections')).toBe(t.database.kind === 'pglite' ? 1 : 20);
    expect(sample(text, 'asskomm_db_pool_open_connections')).toBeGreaterThanOrEqual(1);
  });

  it('counts the survey answers waiting in the mixing pool, and the mix job that ran after the submission', async () => {
    const waiting = async () => ((await t.database.db.select({ n: count() }).from(surveyPool))[0]!.n);
    const before = sample(await scrape(), 'asskomm_survey_pool_answers');
    expect(before).toBe(await waiting());
    const code = DEMO_ACCESS_CODES[2];
    const opened = (await t.app.inject({ method: 'POST', url: '/api/public/survey/open', payload: { code } })).json();
    const submit = await t.app.inject({ method: 'POST', url: '/api/public/survey/submit', payload: { code, submissionId: randomUUID(), answers: { AF01: 2 }, survey: opened.survey, revision: opened.revision } });
    expect(submit.statusCode, submit.body).toBe(201);
    // One answer more than before, unless the mix job already moved a full pool (k answers) on.
    const after = sample(await scrape(), 'asskomm_survey_pool_answers');
    expect(after).toBe(await waiting());
    if (after! >= before!) expect(after).toBe(before! + 1);
    // The submission asked for a mix a second later: it runs in this process (with the pg-boss workers it started).
    await expect.poll(async () => sample(await scrape(), 'asskomm_jobs_total', { queue: MIX_JOB, outcome: 'completed' }), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    const text = await scrape();
    expect(sample(text, 'asskomm_job_duration_seconds_count', { queue: MIX_JOB })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'asskomm_jobs_total', { queue: MIX_JOB, outcome: 'failed' }) ?? 0).toBe(0);
    // The queue depth gauge reads pg-boss's counts once its workers run; every queue has its states.
    for (const state of ['queued', 'deferred', 'active', 'failed']) expect(sample(text, 'asskomm_job_queue_jobs', { queue: MIX_JOB, state }), state).toBeGreaterThanOrEqual(0);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let plain: TestApp;
  beforeAll(async () => { plain = await createTestApp(); });
  afterAll(async () => { await plain?.close(); });

  it('does not exist (404), whatever is sent', async () => {
    for (const headers of [{}, auth]) {
      const res = await plain.app.inject({ url: '/metrics', headers });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('refuses a token shorter than 32 characters at start', async () => {
    const { loadConfig } = await import('../src/server/config.js');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
