import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, type TestApp } from '../../../../test/helpers.js';
import { newProject, openFieldPhase } from './factories.js';
import { checkAnswers, type Definition } from '../questionnaire-definition.js';

let t: TestApp;
let codes: string[] = [];
let projectId = '';
beforeAll(async () => {
  t = await createTestApp({ SURVEY_RATE_LIMIT: '1000' });
  const lpr = await loginAs(t.app, 'lpr_staff');
  projectId = await newProject(t, lpr);
  codes = await openFieldPhase(t, lpr, projectId);
});
afterAll(async () => { await t?.close(); });

const post = (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => t.app.inject({ method, url: `/api/public/survey/${url}`, payload });
const rows = async (query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
const count = (table: 'survey_responses' | 'survey_pool' | 'survey_drafts') => rows(table === 'survey_drafts'
  ? sql`select count(*)::int as n from survey_drafts`
  : sql`select count(*)::int as n from ${sql.identifier(table)} where project_id = ${projectId}`);
const good = { AF01: 3, IN01: { IN01_a: 4, IN01_b: 2 }, SD01: 3, SD02: 1, SD03: 2, FP01: [{ lat: 50.545, lon: 12.785, reason: 1, time: 2 }] };

describe('answering online', () => {
  it('opens with the code from the letter (any case, with or without dash) and rejects unknown codes in German', async () => {
    const res = await post('open', { code: codes[0]!.toLowerCase().replace('-', ' ') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revision: 1, answers: {} });
    expect(res.json().surveyJson.pages.length).toBeGreaterThan(3);
    const unknown = await post('open', { code: 'AAAA-AAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('Zugangscode');
  });

  it('saves unfinished answers and resumes them with the same code', async () => {
    expect((await post('draft', { code: codes[1], answers: { AF01: 2 } }, 'PUT')).json()).toEqual({ saved: true });
    expect((await post('open', { code: codes[1] })).json().answers).toEqual({ AF01: 2 });
  });

  it('refuses answers off the scale and too many places, storing nothing', async () => {
    const before = await count('survey_pool');
    const res = await post('submit', { code: codes[2], submissionId: randomUUID(), answers: { ...good, AF01: 7 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('AF01');
    const places = await post('submit', { code: codes[2], submissionId: randomUUID(), answers: { FP01: Array(6).fill(good.FP01[0]) } });
    expect(places.json().detail).toBe('Bitte höchstens 5 Orte markieren.');
    expect(await count('survey_pool')).toBe(before);
    expect((await post('open', { code: codes[2] })).statusCode).toBe(200);
  });

  it('takes a submission once, into the mixing pool, however often it is retried', async () => {
    const submissionId = randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => post('submit', { code: codes[1], submissionId, answers: good })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    // Not a response yet: it waits in the pool until at least k answers can be stored together.
    expect(await count('survey_pool')).toBe(1);
    expect(await count('survey_responses')).toBe(0);
    expect(await count('survey_drafts')).toBe(0);
    const again = await post('submit', { code: codes[1], submissionId, answers: good });
    expect(again.json()).toEqual({ status: 'already_received' });
    const reuse = await post('submit', { code: codes[1], submissionId: randomUUID(), answers: good });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().code).toBe('code_used');
    const pooled = await t.database.db.execute(sql`select * from survey_pool where project_id = ${projectId}`) as unknown as { rows: Record<string, unknown>[] };
    expect(Object.keys(pooled.rows[0]!).sort()).toEqual(['answers', 'mode', 'project_id', 'questionnaire_revision', 'stratum_key']);
    expect(pooled.rows[0]).toMatchObject({ mode: 'online', questionnaire_revision: 1, answers: good });
    // The sampling stratum (for the weighting) is kept, shared by many people, and is not the code.
    const stratum = await t.database.db.execute(sql`select a.stratum_key from access_codes a join survey_used_codes u on u.code_hash = a.code_hash where a.project_id = ${projectId} limit 1`) as unknown as { rows: { stratum_key: string }[] };
    expect(pooled.rows[0]!.stratum_key).toBe(stratum.rows[0]!.stratum_key);
    expect(JSON.stringify(pooled.rows[0])).not.toContain(codes[1]!.replace('-', ''));
    expect(JSON.stringify(pooled.rows[0])).not.toContain(submissionId);
    const columns = async (table: string) => ((await t.database.db.execute(sql`select column_name from information_schema.columns where table_name = ${table}`)) as unknown as { rows: { column_name: string }[] }).rows.map((r) => r.column_name).sort();
    expect(await columns('access_codes')).toEqual(['code_hash', 'project_id', 'stratum_key', 'used']);
    expect(await columns('survey_responses')).toEqual(['answers', 'batch', 'id', 'mode', 'project_id', 'questionnaire_revision', 'stratum_key', 'submitted_on']);
    expect(await columns('survey_used_codes')).toEqual(['code_hash', 'project_id', 'receipt']);
    const receipt = await t.database.db.execute(sql`select receipt from survey_used_codes where project_id = ${projectId}`) as unknown as { rows: { receipt: string }[] };
    expect(receipt.rows[0]!.receipt).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.rows[0]!.receipt).not.toContain(submissionId);
  });

  it('refuses fields the questionnaire does not define, at any depth, and texts that cannot be stored', async () => {
    const place = good.FP01[0]!;
    // Texts PostgreSQL cannot store are refused by the shared input rules (400), fields the questionnaire
    // does not define by the questionnaire check (422); either way nothing is stored.
    const cases: [Record<string, unknown>, number, string][] = [
      [{ FP01: [{ ...place, tracking: 'x'.repeat(1000) }] }, 422, 'FP01.1'],
      [{ FP01: ['nowhere'] }, 422, 'FP01.1'],
      [{ IN01: { IN01_a: 4, IN01_zz: 1 } }, 422, 'IN01.IN01_zz'],
      [{ IN01: [4] }, 422, 'IN01'],
      [{ XX99: 1 }, 422, 'XX99'],
      [{ ME02: 'Licht\u0000bitte' }, 400, 'answers.ME02'],
      [{ ME02: 'lone \ud800 surrogate' }, 400, 'answers.ME02'],
      [{ FP01: [{ ...place, note: 'a\u0000b' }] }, 400, 'answers.FP01'],
    ];
    const before = await count('survey_pool');
    for (const [answers, status, field] of cases) {
      const res = await post('submit', { code: codes[6], submissionId: randomUUID(), answers });
      expect(res.statusCode, JSON.stringify(answers).slice(0, 80)).toBe(status);
      expect(res.json().field).toBe(field);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const draft = await post('draft', { code: codes[6], answers }, 'PUT');
      expect(draft.statusCode).toBe(status);
    }
    // The questionnaire check refuses them on its own too (the paper entry and any caller rely on it).
    const definition = (await t.database.db.execute(sql`select definition from questionnaires where project_id = ${projectId} and status = 'frozen'`) as unknown as { rows: { definition: Definition }[] }).rows[0]!.definition;
    expect(checkAnswers(definition, { ME02: 'Licht\u0000bitte' })[0]!.field).toBe('ME02');
    expect(checkAnswers(definition, { FP01: [{ ...place, note: '\udc00' }] })[0]!.field).toBe('FP01.1');
    expect(await count('survey_pool')).toBe(before);
    // Coordinates are kept to about a metre: finer digits could carry a tracking id.
    expect((await post('submit', { code: codes[6], submissionId: randomUUID(), answers: { FP01: [{ ...place, lat: 50.5451234567891, lon: 12.7850000000042 }] } })).statusCode).toBe(201);
    const stored = await t.database.db.execute(sql`select answers from survey_pool where project_id = ${projectId} and answers ? 'FP01' and not answers ? 'AF01'`) as unknown as { rows: { answers: { FP01: { lat: number; lon: number }[] } }[] };
    expect(stored.rows[0]!.answers.FP01[0]).toEqual({ lat: 50.54512, lon: 12.785, reason: 1, time: 2 });
  });

  it('takes the survey and revision the page was shown, as the survey page sends them', async () => {
    const opened = (await post('open', { code: codes[4] })).json();
    expect(opened.survey).toBe(projectId);
    const res = await post('submit', { code: codes[4], submissionId: randomUUID(), answers: good, survey: opened.survey, revision: opened.revision });
    expect(res.statusCode).toBe(201);
    const wrongSurvey = await post('submit', { code: codes[5], submissionId: randomUUID(), answers: good, survey: randomUUID(), revision: 1 });
    expect(wrongSurvey.statusCode).toBe(410);
  });

  it('closes with the field phase', async () => {
    const lpr = await loginAs(t.app, 'lpr_staff');
    const p = (await t.app.inject({ url: `/api/analyses/${projectId}`, headers: lpr.headers })).json();
    const field = p.phases.find((x: { key: string }) => x.key === 'field');
    await t.app.inject({ method: 'PUT', url: `/api/analyses/${projectId}/phases/field`, headers: lpr.headers, payload: { status: 'done', version: field.version } });
    const res = await post('submit', { code: codes[3], submissionId: randomUUID(), answers: good });
    expect(res.statusCode).toBe(410);
    expect(res.json().detail).toContain('Befragung ist beendet');
  });
});

describe('rate limiting', () => {
  it('slows down a client that sends too many requests, with Retry-After', async () => {
    const limited = await createTestApp({ SURVEY_RATE_LIMIT: '3', DEMO_DATA: 'false' });
    try {
      const codes = [1, 2, 3, 4].map(() => limited.app.inject({ method: 'POST', url: '/api/public/survey/open', payload: { code: 'AAAA-AAAA' } }));
      const results = await Promise.all(codes);
      expect(results.map((r) => r.statusCode)).toEqual([404, 404, 404, 429]);
      expect(Number(results[3]!.headers['retry-after'])).toBeGreaterThan(0);
    } finally { await limited.close(); }
  });
});
