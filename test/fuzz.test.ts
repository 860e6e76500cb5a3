import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, loginAs, demoUser, type Session, type TestApp } from './helpers.js';
import { newProject, openFieldPhase, registerCsv } from '../src/modules/surveys/tests/factories.js';
import {
  deeplyNested, hostileValuesFor, multipartBody, nodes, NON_OBJECT_BODIES, replaced, sample, seededRandom,
  type Hints, type JsonSchema, type Random,
} from './support/fuzz.js';

/**
 * Hostile requests against every operation of the OpenAPI document, anonymously and as an LPR
 * administrator: NUL bytes, lone surrogates, huge and negative numbers, impossible dates, 100,000-character
 * strings, wrong types, missing and extra fields, bodies that are not objects, wrong content types,
 * truncated multipart bodies and bad path parameters. Nothing may answer 5xx, and every error is
 * application/problem+json. Deterministic: one fixed seed, operations in document order (those that end
 * sessions or delete data last).
 */
const SEED = 20260517;
const AGS = '14521550';

type Op = { method: string; path: string; op: JsonSchema };
type Variant = { label: string; url: string; headers?: Record<string, string>; payload?: string | Buffer };
type Failure = { actor: string; method: string; path: string; label: string; status: number; type: string; body: string };

let t: TestApp;
let spec: { paths: Record<string, Record<string, JsonSchema>> };
let admin: Session;
const ctx: Record<string, string> = {};
let codes: string[] = [];
let remote = 0;

beforeAll(async () => {
  t = await createTestApp({ SURVEY_RATE_LIMIT: '1000000' });
  spec = (await t.app.inject('/api/openapi.json')).json();
  admin = await loginAs(t.app, 'lpr_admin');
  const get = async (url: string) => (await t.app.inject({ url, headers: admin.headers })).json();
  // Real records, so that hostile bodies reach the use cases and the database, not just the 404 of an unknown id.
  const analyses = (await get('/api/analyses')).items as { id: string; status: string; code: string; phases: { key: string }[]; tasks: { key: string }[] }[];
  const demo = analyses.find((a) => a.status !== 'completed') ?? analyses[0]!;
  ctx.analysisWithResponses = demo.id;
  ctx.phaseKey = demo.phases[0]!.key;
  ctx.taskKey = demo.tasks[0]!.key;
  const staff = await loginAs(t.app, 'lpr_staff');
  ctx.draftAnalysis = await newProject(t, staff);
  ctx.fieldAnalysis = await newProject(t, staff, AGS, '2026-10-05');
  codes = await openFieldPhase(t, staff, ctx.fieldAnalysis, 30);
  ctx.fieldOfAction = (await get('/api/fields-of-action')).items[0].id;
  const recommendation = await t.app.inject({ method: 'POST', url: `/api/analyses/${demo.id}/recommendations`, headers: admin.headers,
    payload: { title: 'Beleuchtung am Bahnhof', description: 'Die Beleuchtung am Bahnhof verbessern.', fieldOfAction: ctx.fieldOfAction } });
  ctx.recommendation = recommendation.json().id;
  ctx.agreement = (await get('/api/agreements')).items[0].id;
  const consultations = (await get('/api/consultations')).items;
  ctx.consultation = consultations[0].id;
  ctx.consultationTask = consultations.flatMap((c: { tasks: { id: string }[] }) => c.tasks)[0]?.id ?? '00000000-0000-4000-8000-000000000002';
  ctx.coaching = (await get('/api/coaching')).items[0].id;
  ctx.coach = (await get('/api/coaches')).items[0].id;
  ctx.group = (await get('/api/commune-groups')).items[0].id;
  ctx.itemCode = (await get('/api/survey-items')).items[0].code;
  const users = (await get('/api/admin/users')).items as { id: string; email: string }[];
  ctx.adminId = users.find((u) => u.email === demoUser('lpr_admin').email)!.id;
  ctx.otherUser = users.find((u) => u.email === demoUser('analyst').email)!.id;
  ctx.milestone = (await get(`/api/alliance/communes/${AGS}/stage`)).milestones[0]?.id ?? '00000000-0000-4000-8000-000000000003';
  ctx.registryImport = (await get('/api/registry-imports')).items[0]?.id ?? '00000000-0000-4000-8000-000000000004';
  ctx.report = (await get(`/api/analyses/${demo.id}/reports`)).items[0]?.id ?? '00000000-0000-4000-8000-000000000005';
}, 120_000);
afterAll(async () => { await t?.close(); });

/** The record a path parameter names, by route. */
function validParam(path: string, name: string, schema: JsonSchema, rnd: Random): string {
  if (name === 'ags') return AGS;
  if (name === 'code') return ctx.itemCode!;
  if (name === 'revision') return '1';
  if (name === 'key') return path.includes('/tasks/') ? ctx.taskKey! : ctx.phaseKey!;
  if (name === 'recommendationId') return ctx.recommendation!;
  if (name === 'reportId') return ctx.report!;
  if (name === 'format') return schema.enum?.[0] ?? 'pdf';
  if (name === 'id') {
    if (path.startsWith('/api/analyses/')) return analysisFor(path);
    const byPrefix: [string, string][] = [
      ['/api/agreements/', 'agreement'], ['/api/consultations/', 'consultation'], ['/api/consultation-tasks/', 'consultationTask'],
      ['/api/coaching/', 'coaching'], ['/api/coaches/', 'coach'], ['/api/commune-groups/', 'group'], ['/api/registry-imports/', 'registryImport'],
      ['/api/admin/users/', 'otherUser'], ['/api/alliance/milestones/', 'milestone'], ['/api/fields-of-action/', 'fieldOfAction'],
    ];
    const hit = byPrefix.find(([p]) => path.startsWith(p));
    if (hit) return ctx[hit[1]]!;
  }
  return String(sample(schema, rnd, hints(path)));
}

/** Which of the three analyses an analysis route works on: drafting, field phase, or evaluation. */
function analysisFor(path: string) {
  if (/\/(weighting|findings|recommendations|report|reports)/.test(path)) return ctx.analysisWithResponses!;
  if (/\/(paper-entries|letters$|personal-data|monitoring|export|field-phase\/close)/.test(path)) return ctx.fieldAnalysis!;
  return ctx.draftAnalysis!;
}

let codeIndex = 0;
function hints(path: string): Hints {
  return {
    byName(name, schema) {
      if (name === 'code' && path.startsWith('/api/public/survey/')) return codes[codeIndex++ % codes.length];
      if (name === 'fieldOfAction' || name === 'topics[]' || name === 'competencies[]') return ctx.fieldOfAction;
      if (name === 'coachId') return ctx.coach;
      if (name === 'staffUserId') return ctx.adminId;
      if (name === 'survey' && path.startsWith('/api/public/survey/')) return ctx.fieldAnalysis;
      if (name === 'groupId') return null;
      if (name === 'version' && schema.type === 'integer') return 1;
      if (name === 'answers') return { AF01: 2, IN01: { IN01_a: 3 } };
      if (name === 'code' && path.includes('/paper-entries')) return null;
      if (name === 'email') return `fuzz${codeIndex++}@example.org`;
      if (name === 'content' && path.includes('survey-items')) return ITEM_CONTENT;
      if (name === 'elements') return [{ type: 'page', title: { de: 'Seite', en: 'Page' } }, { type: 'custom', code: 'FZ01', content: ITEM_CONTENT }];
      if (['policeDirectorateId', 'userId', 'coacheeUserId', 'trimLower', 'trimUpper', 'stage', 'amountEur'].includes(name)) return null;
      if (name === 'completedOn') return '2027-06-30';
      return undefined;
    },
    byPattern(pattern) {
      if (pattern === '^\\d{8}$') return AGS;
      if (pattern === '^\\d{5}$') return AGS.slice(0, 5);
      if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-05-04';
      return undefined;
    },
  };
}

const ITEM_CONTENT = {
  dimension: 'fuzz', kind: 'single', wording: { de: 'Wie sicher fühlen Sie sich?', en: '' }, notApplicable: null, rows: [],
  scale: [{ value: 1, label: { de: 'sicher', en: '' } }, { value: 2, label: { de: 'unsicher', en: '' } }],
};
const MULTIPART_FIELDS = { strataBy: 'district_age_sex', allocation: 'proportional', size: '20', seed: '7', format: 'municipal', year: '2023', version: '1.0', source: 'Fuzz' };
const pksCsv = () => Buffer.from(`AGS;Jahr;Schlüssel;Straftat;Fälle;aufgeklärte Fälle;Tatverdächtige\n${AGS};2023;------;Straftaten insgesamt;100;50;40\n`);

/** The hostile requests for one operation (the path parameters valid unless the variant is about them). */
function variantsOf({ method, path, op }: Op, rnd: Random): Variant[] {
  const params = (op.parameters ?? []) as { in: string; name: string; schema: JsonSchema; required?: boolean }[];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const h = hints(path);
  const validPath = Object.fromEntries(pathParams.map((p) => [p.name, validParam(path, p.name, p.schema, rnd)]));
  const url = (values: Record<string, string> = {}, query = '') =>
    path.replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? encodeURIComponent(validPath[n]!)) + (query ? `?${query}` : '');
  const validQuery = queryParams.filter((p) => p.required).map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, rnd, h, p.name)))}`).join('&');
  const out: Variant[] = [];
  const content = op.requestBody?.content ?? {};
  const jsonSchema: JsonSchema | undefined = content['application/json']?.schema;
  const multipart = !!content['multipart/form-data'];
  const json = (label: string, body: unknown, u = url({}, validQuery)) =>
    out.push({ label, url: u, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
  const base = jsonSchema ? sample(jsonSchema, rnd, h) : undefined;
  const plain = (label: string, u: string) => (jsonSchema ? json(label, base, u) : multipart ? out.push(validMultipart(label, u)) : out.push({ label, url: u }));

  // Path parameters: NUL, encoded surrogates, bad percent-encoding, very long, not a uuid, huge numbers.
  for (const p of pathParams) {
    for (const [label, v] of [['%00', '%00'], ['a%00b', `a${'%00'}b`], ['%ED%A0%80', '%ED%A0%80'], ['%', '%'], ['%C0%AE', '%C0%AE'],
      ['long', 'x'.repeat(5000)], ['not-a-uuid', 'not-a-uuid'], ['2147483648', '2147483648'], ['-1', '-1'], ['1e308', '1e308'], ['dots', '..%2F..%2Fetc'],
      ['unicode', encodeURIComponent('äöü\u{1F600}')], ['random uuid', rnd.uuid()]] as const) {
      plain(`path ${p.name}=${label}`, url({ [p.name]: v }, validQuery));
    }
  }
  // Query parameters, each on its own with the others valid.
  const queryValues = ['%00', 'a%00b', '%ED%A0%80', '%FF', 'x'.repeat(100_000), '2147483648', '-2147483649', '1e308', '-1', '0.5', '0000-01-01', '9999-12-31', '2026-02-30', '', 'true'];
  for (const p of queryParams) {
    const others = queryParams.filter((q) => q !== p && q.required).map((q) => `${q.name}=${encodeURIComponent(String(sample(q.schema, rnd, h, q.name)))}`);
    for (const v of queryValues) plain(`query ${p.name}=${v.slice(0, 12)}`, url({}, [...others, `${p.name}=${v}`].join('&')));
    plain(`query ${p.name} twice`, url({}, [...others, `${p.name}=1`, `${p.name}=2`].join('&')));
  }
  plain('query unknown', url({}, [validQuery, 'zzz%00=%00'].filter(Boolean).join('&')));
  // Headers: a garbage or huge session cookie, odd request ids, languages and caching headers.
  const withHeaders = (label: string, extra: Record<string, string>) => {
    const before = out.length;
    plain(label, url({}, validQuery));
    out[before]!.headers = { ...(out[before]!.headers ?? {}), ...extra };
  };
  withHeaders('garbage session cookie', { cookie: 'asskomm_session=%00%ED%A0%80; other=%FF' });
  withHeaders('long session cookie', { cookie: `asskomm_session=${'x'.repeat(10_000)}` });
  withHeaders('odd headers', { 'x-request-id': `${'a'.repeat(70)}ä`, 'x-csrf-token': 'x'.repeat(5000), 'accept-language': 'ÿ'.repeat(100), accept: 'application/xml', 'if-none-match': '*', range: 'bytes=9999999-' });

  if (jsonSchema) {
    json('valid-looking body', base);
    for (const b of NON_OBJECT_BODIES) json(`body ${JSON.stringify(b)}`, b);
    json('body {}', {});
    // Every node: each hostile value, and removed.
    for (const { path: ptr, value } of nodes(base)) {
      if (ptr.length === 0) continue;
      for (const bad of hostileValuesFor(value, rnd)) json(`${ptr.join('.')}=${JSON.stringify(bad)?.slice(0, 24)}`, replaced(base, ptr, bad));
      json(`${ptr.join('.')} missing`, replaced(base, ptr, undefined, true));
    }
    json('extra fields', { ...(base as object), 'x\u0000': '\u0000', '\ud800': 1, __extra: 'x'.repeat(1000) });
    const raw = (label: string, type: string | undefined, payload: string | Buffer) => out.push({ label, url: url({}, validQuery), headers: type ? { 'content-type': type } : {}, payload });
    for (const { path: ptr, value } of nodes(base)) {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        raw(`${ptr.join('.') || 'body'} nested 20,000 deep`, 'application/json', JSON.stringify(replaced(base, [...ptr, 'deep'], '__DEEP__')).replace('"__DEEP__"', deeplyNested(20_000)));
      }
    }
    raw('text/plain', 'text/plain', JSON.stringify(base));
    raw('form-urlencoded', 'application/x-www-form-urlencoded', 'a=1&b=%00');
    raw('invalid JSON', 'application/json', '{"a":');
    raw('empty JSON', 'application/json', '');
    raw('raw NUL in JSON', 'application/json', Buffer.from('{"a":"\u0000"}'));
    raw('invalid UTF-8', 'application/json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]));
    raw('__proto__', 'application/json', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}');
    raw('JSON too large', 'application/json', `{"a":"${'x'.repeat(2_200_000)}"}`);
    raw('JSON with charset', 'application/json; charset=iso-8859-1', JSON.stringify(base));
    raw('JSON as UTF-16', 'application/json; charset=utf-16le', Buffer.from(JSON.stringify(base), 'utf16le'));
    raw('no content type', undefined, JSON.stringify(base));
    const mp = multipartBody({ a: '1' }, [{ field: 'file', name: 'a.csv', type: 'text/csv', data: Buffer.from('x') }]);
    raw('multipart where JSON expected', mp.contentType, mp.payload);
  } else if (multipart) {
    out.push(validMultipart('valid-looking upload', url({}, validQuery)));
    const file = (data: Buffer, name = fileName(path), type = fileType(path)) => [{ field: 'file', name, type, data }];
    const mp = (label: string, fields: Record<string, string>, files: ReturnType<typeof file>, opts: Parameters<typeof multipartBody>[2] = {}) => {
      const body = multipartBody(fields, files, opts);
      out.push({ label, url: url({}, validQuery), headers: { 'content-type': body.contentType }, payload: body.payload });
    };
    for (const [k] of Object.entries(MULTIPART_FIELDS)) {
      for (const bad of ['a\u0000b', '\ud800', 'x'.repeat(100_000), '2147483648', '1e308', '-1', '0000-01-01', '']) {
        mp(`field ${k}=${JSON.stringify(bad).slice(0, 16)}`, { ...MULTIPART_FIELDS, [k]: bad }, file(fileData(path)));
      }
    }
    mp('truncated', MULTIPART_FIELDS, file(fileData(path)), { truncate: true });
    mp('truncated in the headers', MULTIPART_FIELDS, file(Buffer.alloc(0)), { truncate: true });
    const cut = multipartBody(MULTIPART_FIELDS, file(fileData(path)));
    out.push({ label: 'cut after the first boundary', url: url({}, validQuery), headers: { 'content-type': cut.contentType }, payload: cut.payload.subarray(0, 40) });
    out.push({ label: 'no boundary', url: url({}, validQuery), headers: { 'content-type': 'multipart/form-data' }, payload: cut.payload });
    out.push({ label: 'other boundary', url: url({}, validQuery), headers: { 'content-type': 'multipart/form-data; boundary=nothere' }, payload: cut.payload });
    mp('boundary of 300 characters', MULTIPART_FIELDS, file(fileData(path)), { boundary: 'b'.repeat(300) });
    mp('no file', MULTIPART_FIELDS, []);
    mp('two files', MULTIPART_FIELDS, [...file(fileData(path)), ...file(fileData(path))]);
    mp('empty file', MULTIPART_FIELDS, file(Buffer.alloc(0)));
    mp('binary garbage', MULTIPART_FIELDS, file(Buffer.from(Array.from({ length: 3000 }, () => rnd.int(0, 255)))));
    mp('NUL bytes in the file', MULTIPART_FIELDS, file(Buffer.concat([fileData(path), Buffer.from('\u0000\u0000;\u0000\n')])));
    mp('NUL in the file name', MULTIPART_FIELDS, file(fileData(path), 'a\u0000b.csv'));
    mp('long file name', MULTIPART_FIELDS, file(fileData(path), `${'x'.repeat(5000)}.csv`));
    mp('other file field', MULTIPART_FIELDS, [{ field: 'other', name: 'a.csv', type: 'text/csv', data: fileData(path) }]);
    mp('__proto__ field', { ...MULTIPART_FIELDS, __proto__x: '1', constructor: 'x' }, file(fileData(path)));
    out.push({ label: 'JSON where multipart expected', url: url({}, validQuery), headers: { 'content-type': 'application/json' }, payload: JSON.stringify(MULTIPART_FIELDS) });
    out.push({ label: 'text/plain where multipart expected', url: url({}, validQuery), headers: { 'content-type': 'text/plain' }, payload: 'x' });
    out.push({ label: 'no body', url: url({}, validQuery) });
  } else {
    plain('as documented', url({}, validQuery));
    if (method !== 'GET' && method !== 'DELETE') {
      out.push({ label: 'unexpected JSON body', url: url({}, validQuery), headers: { 'content-type': 'application/json' }, payload: '{"a":"\u0000","b":2147483648}' });
      out.push({ label: 'unexpected non-object body', url: url({}, validQuery), headers: { 'content-type': 'application/json' }, payload: '"x"' });
      out.push({ label: 'unexpected text body', url: url({}, validQuery), headers: { 'content-type': 'text/plain' }, payload: 'x\u0000' });
    }
  }
  return out;
}

const fileName = (path: string) => (path.includes('registry-imports') ? 'gv.xlsx' : path.includes('crest') ? 'wappen.png' : path.includes('scan') ? 'scan.pdf' : 'daten.csv');
const fileType = (path: string) => (path.includes('registry-imports') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : path.includes('crest') ? 'image/png' : path.includes('scan') ? 'application/pdf' : 'text/csv');
const fileData = (path: string) => (path.includes('/sample') ? registerCsv(40) : path.includes('crime') ? pksCsv() : path.includes('crest') ? Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR') : path.includes('scan') ? Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n') : Buffer.from('PK\u0003\u0004garbage'));
function validMultipart(label: string, url: string): Variant {
  const body = multipartBody(MULTIPART_FIELDS, [{ field: 'file', name: fileName(url), type: fileType(url), data: fileData(url) }]);
  return { label, url, headers: { 'content-type': body.contentType }, payload: body.payload };
}

/**
 * Operations that end the session or delete the records the others work on run last, and the report
 * request (a background job that would slow down everything after it) at the very end.
 */
const LATE = [/\/auth\/logout$/, /^DELETE /, /field-phase\/close$/, /\/complete$/, /^POST .*\/reports$/];
const lateness = (o: Op) => LATE.findIndex((r) => r.test(`${o.method} ${o.path}`)) + 1 || 0;

const DATABASE_NET = ['value_not_storable', 'value_too_large'];
const isUpload = (v: Variant) => /^multipart\//.test(v.headers?.['content-type'] ?? '');

async function send(actor: 'anonymous' | 'lpr_admin', method: string, v: Variant) {
  const headers = { ...(actor === 'lpr_admin' ? admin.headers : {}), ...(v.headers ?? {}) };
  // A fresh client address per request: login throttling and the survey rate limit count per address.
  const remoteAddress = `198.18.${(remote >> 8) & 255}.${remote++ & 255}`;
  return t.app.inject({ method: method as 'GET', url: v.url, headers, remoteAddress, ...(v.payload === undefined ? {} : { payload: v.payload }) });
}

describe('fuzzing every operation of the API', () => {
  it('answers hostile requests with 4xx problem+json, never 5xx', async () => {
    const ops: Op[] = Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ method: m.toUpperCase(), path, op })));
    ops.sort((a, b) => lateness(a) - lateness(b));
    expect(ops.length).toBeGreaterThan(100);
    const rnd = seededRandom(SEED);
    const failures: Failure[] = [];
    let requests = 0;
    const started = Date.now();
    for (const o of ops) {
      const variants = variantsOf(o, rnd);
      // Anonymous callers of a protected route are turned away before the body is read: a sample suffices.
      const rule = t.app.routeTable.find((r) => r.method === o.method && r.url === o.path.replace(/\{(\w+)\}/g, ':$1'))?.access;
      const anonymous = rule?.kind === 'public' ? variants : variants.filter(() => rnd.next() < 0.1);
      for (const actor of ['anonymous', 'lpr_admin'] as const) {
        for (const v of actor === 'anonymous' ? anonymous : variants) {
          let res = await send(actor, o.method, v);
          requests++;
          if (actor === 'lpr_admin' && !v.headers?.cookie && res.statusCode === 401 && res.json().code === 'unauthenticated') {
            // The operation ended the session (logout): sign in again and repeat.
            admin = await login(t.app, demoUser('lpr_admin').email);
            res = await send(actor, o.method, v);
            requests++;
          }
          check(actor, o.method, o.path, v, res);
        }
      }
    }
    // A method the path does not have: 404 problem+json as for any unknown route.
    for (const [path, methods] of Object.entries(spec.paths)) {
      const params = Object.values(methods)[0]!.parameters ?? [];
      const u = path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(validParam(path, n, params.find((p: JsonSchema) => p.name === n)?.schema ?? {}, rnd)));
      for (const actor of ['anonymous', 'lpr_admin'] as const) {
        const v = { label: 'PATCH', url: u, headers: { 'content-type': 'application/json' }, payload: '{"a":"\u0000"}' };
        check(actor, 'PATCH', path, v, await send(actor, 'PATCH', v));
        requests++;
      }
    }
    function check(actor: string, method: string, path: string, v: Variant, res: Awaited<ReturnType<typeof send>>) {
      const type = String(res.headers['content-type'] ?? '');
      const problem = type.startsWith('application/problem+json');
      // The database's refusal is only the net below the schemas: JSON and URL input is checked by the
      // shared zod primitives first (src/server/http/zod.ts), which name the field.
      const net = problem && res.statusCode < 500 && !isUpload(v) && DATABASE_NET.includes(res.json().code);
      if (res.statusCode >= 500 || (res.statusCode >= 400 && !problem) || net) {
        failures.push({ actor, method, path, label: v.label, status: res.statusCode, type, body: res.body.slice(0, 300) });
      }
    }
    console.log(`fuzz: ${ops.length} operations, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(failures.map((f) => `${f.status} ${f.actor} ${f.method} ${f.path} [${f.label}] ${f.type} ${f.body}`)).toEqual([]);
  }, 600_000);
});

/**
 * Routes outside the OpenAPI document (the councils' OParl API, hidden from /api): hostile path parameters and
 * query strings, every method. Nothing answers 5xx; every error is the OParl error object (application/json).
 */
describe('fuzzing the OParl API', () => {
  it('answers hostile requests with 4xx OParl error objects, never 5xx', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/oparl/') && r.method === 'GET');
    expect(routes.length).toBeGreaterThan(20);
    const ids = ['00000000-0000-4000-8000-000000000000', 'x', '%00', '..%2F..%2Fapi', 'ä'.repeat(40), '1'.repeat(99), "'; select 1 --", '00000000-0000-4000-8000-000000000000.0123456789abcdef', '%F0%9F%92%A9', '-1'];
    const queries = ['', '?created_since=gestern', '?modified_since=2026-13-45T25:61:61%2B00:00', '?modified_until=%00', '?created_since=2026-01-01T00:00:00%2B01:00&created_since=x',
      '?limit=-1', '?limit=0', '?limit=99999999999999', '?page=0', '?page=abc', '?page=99999999', '?omit_internal=vielleicht', `?limit=${'9'.repeat(5000)}`, '?created_until=2026-01-01T00:00:00Z&limit=1&page=2'];
    const failures: string[] = [];
    let n = 0;
    for (const r of routes) {
      const paths = r.url.includes(':id') ? ids.map((id) => r.url.replace(':id', id)) : [r.url];
      for (const path of paths) {
        for (const q of queries) {
          for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const) {
            if (method !== 'GET' && q !== '') continue;
            const res = await t.app.inject({ method, url: path + q, headers: { 'content-type': 'application/json' }, ...(['POST', 'PUT', 'PATCH'].includes(method) ? { payload: '{"a":"\u0000"}' } : {}) });
            n++;
            const type = String(res.headers['content-type'] ?? '');
            const oparlError = method === 'HEAD' || (type.startsWith('application/json') && res.json().type === 'https://schema.oparl.org/1.1/Error');
            // A path parameter over the router's limit is refused before any route runs (problem+json, 414).
            const routerRefusal = res.statusCode === 414 && type.startsWith('application/problem+json');
            if (res.statusCode >= 500 || (res.statusCode >= 400 && !oparlError && !routerRefusal)) failures.push(`${res.statusCode} ${method} ${path}${q.slice(0, 80)} ${type} ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    console.log(`fuzz: ${routes.length} OParl routes, ${n} requests`);
    expect(failures).toEqual([]);
  }, 300_000);
});
