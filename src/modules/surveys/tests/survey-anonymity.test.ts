/**
 * The attack on the survey's anonymity, as someone with full database, log and file access would run it:
 * answers are submitted one at a time (online and on paper), then every system column (xmin, ctid, physical
 * order), every date and every raw page is joined against the codes, the paper sheets and the names still
 * in sample_persons. Nothing may link a response better than chance among at least k of the same survey.
 * Runs on PGlite and, in CI's second pass, on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../../test/helpers.js';
import { newProject, openFieldPhase } from './factories.js';
import { hashCode, normaliseCode } from '../access-codes.js';
import { MIX_JOB } from '../mixing.js';

const K = 10;
const ONLINE = 27;
const PAPER = 12;

let t: TestApp;
let lpr: Session;
let projectId = '';
let codes: string[] = [];
const logLines: string[] = [];
/** Ground truth the attacker wants: which marker (in the free-text answer) came with which code or sheet. */
const truth = new Map<string, { code: string | null; sheet: string | null; order: number }>();

const rows = async <T>(query: SQL) => ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const post = (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => t.app.inject({ method, url: `/api/public/survey/${url}`, payload });
const answersWith = (marker: string, i: number) => ({ AF01: (i % 4) + 1, IN01: { IN01_a: (i % 4) + 1 }, ME02: marker, FP01: [{ lat: 50.545, lon: 12.785, reason: 1, time: 2 }] });
const poolCount = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from survey_pool where project_id = ${projectId}`))[0]!.n;
const responseCount = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from survey_responses where project_id = ${projectId}`))[0]!.n;
/** Mix jobs still running: a mix commits before it scrubs its tables, and the scrub is what the file checks see. */
const runningMixes = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = ${MIX_JOB} and state = 'active'`))[0]!.n;
/** Waits for the background mixing job (no time is asserted; the limit only ends a broken run). */
async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}
/** The raw bytes of a table file, page by page, as pageinspect reads them. */
async function tableFile(table: string) {
  const [size] = await rows<{ n: number }>(sql`select (pg_relation_size(${table}) / current_setting('block_size')::int)::int as n`);
  const out: Buffer[] = [];
  for (let b = 0; b < size!.n; b++) {
    const [page] = await rows<{ p: Uint8Array | string }>(sql`select get_raw_page(${table}, ${b}) as p`);
    const p = page!.p;
    out.push(typeof p === 'string' ? Buffer.from(p.replace(/^\\x/, ''), 'hex') : Buffer.from(p));
  }
  return { raw: Buffer.concat(out).toString('latin1'), pages: size!.n };
}
/** Line pointers that are not a live row (dead, redirected or freed): none after a table is rewritten. */
async function notLive(table: string) {
  const { pages } = await tableFile(table);
  let n = 0;
  for (let b = 0; b < pages; b++) n += (await rows<{ n: number }>(sql`select count(*)::int as n from heap_page_items(get_raw_page(${table}, ${b})) where lp_flags <> 1`))[0]!.n;
  return n;
}
let samplingXmins: string[] = [];
const codeXmins = async () => (await rows<{ x: string }>(sql`select distinct xmin::text as x from access_codes where project_id = ${projectId} order by 1`)).map((r) => r.x);
const ctidKey = (ctid: string) => { const [b, o] = ctid.slice(1, -1).split(',').map(Number); return b! * 10_000 + o!; };

beforeAll(async () => {
  const logStream = new Writable({ write(chunk, _enc, done) { logLines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  t = await createTestApp({ SURVEY_RATE_LIMIT: '100000', LOG_LEVEL: 'trace', SURVEY_MIX_INTERVAL_SECONDS: '1' }, { pgliteExtensions: { pageinspect }, logStream });
  await t.database.db.execute(sql`create extension if not exists pageinspect`);
  lpr = await loginAs(t.app, 'lpr_staff');
  projectId = await newProject(t, lpr);
  codes = await openFieldPhase(t, lpr, projectId, 80);
  samplingXmins = await codeXmins();
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('survey anonymity against the database itself', () => {
  it('keeps answers in the pool, and shows none, until at least k can be stored together', async () => {
    // Drafts saved and later submitted: their text must not stay readable in the table file.
    for (let i = 0; i < 5; i++) expect((await post('draft', { code: codes[i], answers: { ME02: `DRAFT-MARKER-${i}` } }, 'PUT')).statusCode).toBe(200);
    for (let i = 0; i < K - 3; i++) {
      const marker = `probe-online-${i}`;
      truth.set(marker, { code: codes[i]!, sheet: null, order: truth.size });
      expect((await post('submit', { code: codes[i], submissionId: randomUUID(), answers: answersWith(marker, i) })).statusCode).toBe(201);
    }
    expect(await poolCount()).toBe(K - 3);
    expect(await responseCount()).toBe(0);
    const monitoring = (await t.app.inject({ url: `/api/analyses/${projectId}/monitoring`, headers: lpr.headers })).json();
    expect(monitoring).toMatchObject({ returned: K - 3, codesUsed: K - 3, mixing: { threshold: K, waiting: K - 3, mixed: 0, batches: 0 } });
    const findings = (await t.app.inject({ url: `/api/analyses/${projectId}/findings`, headers: lpr.headers })).json();
    expect(findings).toMatchObject({ responses: 0, mixing: { mixed: 0, threshold: K } });
    const csv = (await t.app.inject({ url: `/api/analyses/${projectId}/export?format=csv`, headers: lpr.headers })).body;
    expect(csv.trim().split('\n')).toHaveLength(1);
  });

  it('stores them in batches of at least k through the background job, online and paper alike', async () => {
    for (let i = K - 3; i < ONLINE; i++) {
      const marker = `probe-online-${i}`;
      truth.set(marker, { code: codes[i]!, sheet: null, order: truth.size });
      expect((await post('submit', { code: codes[i], submissionId: randomUUID(), answers: answersWith(marker, i) })).statusCode).toBe(201);
    }
    for (let i = 0; i < PAPER; i++) {
      const marker = `probe-paper-${i}`;
      const code = i % 2 === 0 ? codes[40 + i]! : null;
      const sheetNo = `P-${String(i + 1).padStart(3, '0')}`;
      truth.set(marker, { code, sheet: sheetNo, order: truth.size });
      const doubleEntry = i === 1;
      const payload = { sheetNo, code, answers: answersWith(marker, i), doubleEntry };
      if (doubleEntry) await t.app.inject({ method: 'POST', url: `/api/analyses/${projectId}/paper-entries`, headers: lpr.headers, payload });
      const res = await t.app.inject({ method: 'POST', url: `/api/analyses/${projectId}/paper-entries`, headers: lpr.headers, payload });
      expect(res.statusCode, res.body).toBe(201);
    }
    await until(async () => (await poolCount()) < K && (await runningMixes()) === 0, 'the mixing job and its scrub');
    const batches = await rows<{ batch: number; n: number; days: number; xmins: number }>(sql`
      select batch, count(*)::int as n, count(distinct submitted_on)::int as days, count(distinct xmin::text)::int as xmins
      from survey_responses where project_id = ${projectId} group by batch order by batch`);
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches) expect(b).toMatchObject({ days: 1, xmins: 1 });
    for (const b of batches) expect(b.n).toBeGreaterThanOrEqual(K);
    // During the field phase nothing writes to the code table: its rows still carry the sampling's xmin.
    expect(await codeXmins()).toEqual(samplingXmins);
    // The codes used so far: one live row each, all rewritten by the last mix, no old version in the file.
    const used = await rows<{ code_hash: string; xmin: string }>(sql`select code_hash, xmin::text as xmin from survey_used_codes where project_id = ${projectId}`);
    expect(used.length).toBeGreaterThanOrEqual(K);
    const { raw } = await tableFile('survey_used_codes');
    for (const u of used) expect(raw.split(u.code_hash).length - 1).toBe(1);
    expect(await notLive('survey_used_codes')).toBe(0);
    const lastBatchXmin = (await rows<{ x: string }>(sql`select xmin::text as x from survey_responses where project_id = ${projectId} and batch = ${batches.at(-1)!.batch} limit 1`))[0]!.x;
    const stamped = used.filter((u) => u.xmin === lastBatchXmin).length;
    // Codes used after the last mix (still waiting in the pool) keep their own xmin until the next one.
    expect(stamped).toBeGreaterThanOrEqual(used.length - (await poolCount()));
  });

  it('folds what is left at field close into the last batch, never a batch smaller than k', async () => {
    // Leave a remainder smaller than k in the pool, then close.
    const left = await poolCount();
    const extra = left === 0 ? 3 : 0;
    for (let i = 0; i < extra; i++) {
      const marker = `probe-online-late-${i}`;
      truth.set(marker, { code: codes[70 + i]!, sheet: null, order: truth.size });
      expect((await post('submit', { code: codes[70 + i], submissionId: randomUUID(), answers: answersWith(marker, i) })).statusCode).toBe(201);
    }
    const before = await rows<{ batch: number }>(sql`select coalesce(max(batch), 0)::int as batch from survey_responses where project_id = ${projectId}`);
    expect((await t.app.inject({ method: 'POST', url: `/api/analyses/${projectId}/field-phase/close`, headers: lpr.headers })).statusCode).toBe(200);
    await until(async () => (await poolCount()) === 0 && (await runningMixes()) === 0, 'the final mix and its scrub');
    expect(await responseCount()).toBe(truth.size);
    const batches = await rows<{ batch: number; n: number }>(sql`select batch, count(*)::int as n from survey_responses where project_id = ${projectId} group by batch order by batch`);
    expect(batches.at(-1)!.batch).toBe(before[0]!.batch);
    for (const b of batches) expect(b.n).toBeGreaterThanOrEqual(K);
    // Results and exports now show the answers.
    const findings = (await t.app.inject({ url: `/api/analyses/${projectId}/findings`, headers: lpr.headers })).json();
    expect(findings.responses).toBe(truth.size);
  });

  it('gives an attacker with the database no link through xmin, ctid, physical order or dates', async () => {
    const responses = await rows<{ xmin: string; ctid: string; marker: string; submitted_on: string; stratum_key: string | null }>(sql`
      select xmin::text as xmin, ctid::text as ctid, answers->>'ME02' as marker, submitted_on::text, stratum_key from survey_responses where project_id = ${projectId}`);
    const used = await rows<{ xmin: string; ctid: string; code_hash: string; stratum_key: string }>(sql`
      select xmin::text as xmin, ctid::text as ctid, code_hash, stratum_key from access_codes where project_id = ${projectId} and used`);
    const sheets = await rows<{ xmin: string; ctid: string; sheet_no: string }>(sql`select xmin::text as xmin, ctid::text as ctid, sheet_no from paper_sheets where project_id = ${projectId}`);
    const persons = await rows<{ code: string; last_name: string; xmin: string }>(sql`select code, last_name, xmin::text as xmin from sample_persons where project_id = ${projectId}`);
    expect(persons.length).toBe(80); // names and plain codes are still there: the field phase's worst case
    const personOf = new Map(persons.map((p) => [hashCode(p.code), p]));
    expect(responses).toHaveLength(truth.size);

    // 1. xmin: every used code and keyed sheet carries the same xmin (the last mix); a response shares
    // an xmin with codes only as a whole batch of at least k, and with no person at all.
    expect(new Set(used.map((c) => c.xmin)).size).toBe(1);
    expect(new Set(sheets.map((s) => s.xmin)).size).toBe(1);
    for (const r of responses) {
      const sameXmin = responses.filter((x) => x.xmin === r.xmin).length;
      expect(sameXmin).toBeGreaterThanOrEqual(K);
      expect(persons.some((p) => p.xmin === r.xmin)).toBe(false);
      // Within the stratum (which the answers ask anyway) the codes with this xmin are all used codes of it.
      const stratumCodes = used.filter((c) => c.stratum_key === r.stratum_key);
      const candidates = stratumCodes.filter((c) => c.xmin === r.xmin);
      expect(candidates.length === 0 || candidates.length === stratumCodes.length).toBe(true);
    }
    // Nothing else in the database was written in a response's transaction but the mix's own rows.
    const tables = await rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    const batchXmins = [...new Set(responses.map((r) => r.xmin))];
    for (const { table_name } of tables) {
      if (['survey_responses', 'access_codes', 'paper_sheets', 'audit_log'].includes(table_name)) continue;
      const hits = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table_name)} where xmin::text = any(${sql.param(batchXmins)}::text[])`);
      expect(hits[0]!.n, table_name).toBe(0);
    }
    const audit = await rows<{ action: string }>(sql`select action from audit_log where xmin::text = any(${sql.param(batchXmins)}::text[])`);
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(a.action).toMatch(/^survey_responses\.(mixed|folded)$/);

    // 2. Physical order: matching the i-th response by position to the i-th code (by xmin, then position)
    // or to the i-th sheet finds about one right pair by chance; the old design found all of them.
    const byPosition = <T extends { ctid: string; xmin: string }>(list: T[]) => [...list].sort((a, b) => Number(a.xmin) - Number(b.xmin) || ctidKey(a.ctid) - ctidKey(b.ctid));
    const orderedResponses = byPosition(responses);
    const orderedCodes = byPosition(used);
    const withCode = [...truth.entries()].filter(([, v]) => v.code);
    let hits = 0;
    orderedResponses.filter((r) => truth.get(r.marker)?.code).forEach((r, i) => { if (orderedCodes[i] && hashCode(truth.get(r.marker)!.code!) === orderedCodes[i]!.code_hash) hits += 1; });
    expect(withCode.length).toBeGreaterThan(20);
    expect(hits).toBeLessThanOrEqual(Math.floor(withCode.length / 4));
    // Against the true order of arrival: within a batch the stored order is a shuffle. For every two
    // responses of a batch, is the one stored first also the one that came first? About half the time by
    // chance (the old design: always).
    let pairs = 0;
    let concordant = 0;
    for (const batch of new Set(orderedResponses.map((r) => r.xmin))) {
      const arrival = orderedResponses.filter((r) => r.xmin === batch).map((r) => truth.get(r.marker)!.order);
      for (let i = 0; i < arrival.length; i++) for (let j = i + 1; j < arrival.length; j++) { pairs += 1; if (arrival[i]! < arrival[j]!) concordant += 1; }
    }
    expect(pairs).toBeGreaterThan(100);
    expect(concordant / pairs).toBeGreaterThan(0.2);
    expect(concordant / pairs).toBeLessThan(0.8);
    const orderedSheets = byPosition(sheets);
    const sheetHits = orderedResponses.filter((r) => truth.get(r.marker)?.sheet).filter((r, i) => orderedSheets[i]?.sheet_no === truth.get(r.marker)!.sheet).length;
    expect(sheetHits).toBeLessThanOrEqual(Math.floor(PAPER / 2));

    // 3. Dates and times: a response has no time, only the day its batch left the pool, shared by the batch.
    const timeColumns = await rows<{ column_name: string; data_type: string }>(sql`
      select column_name, data_type from information_schema.columns where table_name in ('survey_responses', 'survey_pool', 'survey_used_codes', 'access_codes', 'paper_sheets')
        and (data_type like 'timestamp%' or data_type like 'time%' or data_type = 'date' or data_type = 'interval')`);
    expect(timeColumns).toEqual([{ column_name: 'submitted_on', data_type: 'date' }]);
    for (const r of responses) expect(responses.filter((x) => x.submitted_on === r.submitted_on).length).toBeGreaterThanOrEqual(K);
    // Every used code leads to a name (that is what the letters need), but through nothing to an answer.
    expect(used.every((c) => personOf.has(c.code_hash))).toBe(true);
  });

  it('leaves no draft, pooled answer or trace of a code’s use readable in the table files', async () => {
    for (const table of ['survey_drafts', 'survey_pool', 'paper_entries']) {
      const { raw } = await tableFile(table);
      expect(raw.includes('DRAFT-MARKER'), table).toBe(false);
      expect(raw.includes('probe-'), table).toBe(false);
      expect(await notLive(table), table).toBe(0);
    }
    // The field phase is closed: the used codes moved to the code table in the last mix, in one transaction.
    const used = await rows<{ code_hash: string }>(sql`select code_hash from access_codes where project_id = ${projectId} and used`);
    expect(used.length).toBe([...truth.values()].filter((v) => v.code).length);
    const { raw } = await tableFile('survey_used_codes');
    for (const u of used) expect(raw.includes(u.code_hash)).toBe(false);
    const xmins = await codeXmins();
    expect(xmins.length).toBe(samplingXmins.length + 1);
    expect(xmins.filter((x) => !samplingXmins.includes(x))).toHaveLength(1);
    const sheets = await tableFile('paper_sheets');
    for (let i = 0; i < PAPER; i++) expect(sheets.raw.split(`P-${String(i + 1).padStart(3, '0')}`).length - 1).toBe(1);
  });

  it('writes no log line for the public survey routes: no time, no code, no address', () => {
    expect(logLines.length).toBeGreaterThan(0); // the other routes do log
    const plainCodes = codes.flatMap((c) => [c, normaliseCode(c)]);
    for (const line of logLines) {
      expect(line).not.toContain('/public/survey');
      expect(line).not.toContain('127.0.0.1');
      for (const c of plainCodes.slice(0, ONLINE)) expect(line).not.toContain(c);
    }
  });
});
