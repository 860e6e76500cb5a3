import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, multipart, type Session, type TestApp } from './helpers.js';
import { newProject, openFieldPhase, registerCsv } from '../src/modules/surveys/tests/factories.js';

/** Input PostgreSQL cannot store, numbers beyond its integer columns, impossible dates, malformed HTTP: all 4xx problem+json. */
let t: TestApp;
let admin: Session;
let codes: string[] = [];
let fieldProject = '';
beforeAll(async () => {
  t = await createTestApp({ SURVEY_RATE_LIMIT: '100000' });
  admin = await loginAs(t.app, 'lpr_admin');
  fieldProject = await newProject(t, admin);
  codes = await openFieldPhase(t, admin, fieldProject, 20);
});
afterAll(async () => { await t?.close(); });

type Call = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string>; anonymous?: boolean };
async function call({ method = 'GET', url, payload, headers = {}, anonymous }: Call) {
  const res = await t.app.inject({ method, url, headers: { ...(anonymous ? {} : admin.headers), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body ? res.json() : null };
}
const expectRefused = (r: Awaited<ReturnType<typeof call>>, field: string, detail: RegExp, status = 400) => {
  expect(r.status).toBe(status);
  expect(r.type).toContain('application/problem+json');
  expect(r.body).toMatchObject({ status, code: 'validation_failed', field });
  expect(r.body.detail).toMatch(detail);
};
const NUL = /Nullzeichen/;

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL byte in bodies, naming the field, for fields of action, analyses, groups and recommendations', async () => {
    expectRefused(await call({ method: 'POST', url: '/api/fields-of-action', payload: { id: 'nul_test', label: 'Licht\u0000' } }), 'label', NUL);
    const foa = (await call({ url: '/api/fields-of-action' })).body.items[0];
    expectRefused(await call({ method: 'PUT', url: `/api/fields-of-action/${foa.id}`, payload: { label: 'a\u0000b', sortOrder: 1, active: true, version: foa.version } }), 'label', NUL);
    expectRefused(await call({ method: 'POST', url: '/api/analyses', payload: { ags: '14521550', institute: 'Institut\u0000', startOn: '2026-09-07' } }), 'institute', NUL);
    expectRefused(await call({ method: 'POST', url: '/api/commune-groups', payload: { name: 'Bund\u0000', kind: 'Netzwerk', members: ['14521550'] } }), 'name', NUL);
    const demo = (await call({ url: '/api/analyses' })).body.items.find((a: { id: string }) => a.id !== fieldProject);
    const created = await call({ method: 'POST', url: `/api/analyses/${demo.id}/recommendations`, payload: { title: 'Beleuchtung', description: 'Die Beleuchtung verbessern.', fieldOfAction: foa.id } });
    expect(created.status).toBe(201);
    expectRefused(await call({ method: 'PUT', url: `/api/analyses/${demo.id}/recommendations/${created.body.id}/state`,
      payload: { priority: 'hoch', state: 'priorisiert', stateNote: 'Notiz\u0000', version: created.body.version } }), 'stateNote', NUL);
    expectRefused(await call({ method: 'POST', url: `/api/analyses/${demo.id}/recommendations`, payload: { title: 'Beleuchtung', description: 'Die Beleuchtung verbessern.', fieldOfAction: foa.id, findings: ['x\u0000'] } }), 'findings.0', NUL);
  });

  it('refuses a NUL byte in path and query parameters (item codes, the audit filter)', async () => {
    expectRefused(await call({ url: '/api/survey-items/%00' }), 'code', NUL);
    expectRefused(await call({ method: 'PUT', url: '/api/survey-items/AF%0001/active', payload: { active: false } }), 'code', NUL);
    expectRefused(await call({ url: '/api/admin/audit?entityType=%00' }), 'entityType', NUL);
    expectRefused(await call({ url: '/api/admin/audit?actor=a%00b' }), 'actor', NUL);
    expectRefused(await call({ url: '/api/communes?q=Schwarz%00' }), 'q', NUL);
  });

  it('refuses NUL bytes, lone surrogates and nesting too deep in the answers of the public survey (draft and submit)', async () => {
    const code = codes[0]!;
    const draft = (answers: unknown) => call({ method: 'PUT', url: '/api/public/survey/draft', payload: { code, answers }, anonymous: true });
    expectRefused(await draft({ AF01: 'a\u0000' }), 'answers.AF01', NUL);
    expectRefused(await draft({ IN01: { IN01_a: '\ud800' } }), 'answers.IN01', /Unicode/);
    const key = await draft({ 'AF\u000001': 1 });
    expect(key.status).toBe(400);
    expect(key.body.code).toBe('validation_failed');
    const deep = await t.app.inject({ method: 'PUT', url: '/api/public/survey/draft', headers: { 'content-type': 'application/json' },
      payload: `{"code":"${code}","answers":{"AF01":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}` });
    expect(deep.statusCode).toBe(400);
    expect(deep.json().detail).toMatch(/verschachtelt/);
    const submit = await call({ method: 'POST', url: '/api/public/survey/submit', payload: { code, submissionId: randomUUID(), answers: { AF01: 2, SD03: 'x\u0000' } }, anonymous: true });
    expectRefused(submit, 'answers.SD03', NUL);
    expectRefused(await call({ method: 'POST', url: '/api/public/survey/open', payload: { code: `${code}\u0000` }, anonymous: true }), 'code', NUL);
    // Nothing was stored, and the code still opens its survey.
    expect((await call({ method: 'POST', url: '/api/public/survey/open', payload: { code }, anonymous: true })).status).toBe(200);
  });

  it('refuses lone surrogates in free text (they would be stored as U+FFFD or break jsonb)', async () => {
    expectRefused(await call({ method: 'POST', url: '/api/consultations', payload: { heldOn: '2026-03-02', communes: ['14521550'], notes: 'Notiz \udc00' } }), 'notes', /Unicode/);
    // A complete surrogate pair (an emoji) is fine.
    const ok = await call({ method: 'POST', url: '/api/consultations', payload: { heldOn: '2026-03-02', communes: ['14521550'], notes: 'Gut gelaufen \u{1F44D}' } });
    expect(ok.status).toBe(201);
    expect(ok.body.notes).toBe('Gut gelaufen \u{1F44D}');
  });
});

describe('numbers and dates beyond what the columns hold', () => {
  it('refuses a version of 2147483648 (beyond integer) as a 400, in bodies and in the query', async () => {
    const foa = (await call({ url: '/api/fields-of-action' })).body.items[0];
    expectRefused(await call({ method: 'PUT', url: `/api/fields-of-action/${foa.id}`, payload: { label: 'Licht', sortOrder: 1, active: true, version: 2147483648 } }), 'version', /2147483647/);
    const consultation = (await call({ url: '/api/consultations' })).body.items[0];
    expectRefused(await call({ method: 'DELETE', url: `/api/consultations/${consultation.id}?version=2147483648` }), 'version', /2147483647/);
    expectRefused(await call({ method: 'POST', url: '/api/public/survey/submit', payload: { code: codes[1], submissionId: randomUUID(), answers: {}, revision: 2147483648 }, anonymous: true }), 'revision', /2147483647/);
    const agreement = (await call({ url: '/api/agreements' })).body.items[0];
    expectRefused(await call({ url: `/api/agreements/${agreement.id}/revisions/2147483648` }), 'revision', /2147483647/);
    // A stale but possible version is still the 409 of optimistic locking.
    expect((await call({ method: 'PUT', url: `/api/fields-of-action/${foa.id}`, payload: { label: 'Licht', sortOrder: 1, active: true, version: 2147483647 } })).status).toBe(409);
  });

  it('refuses dates that pass the format but do not exist or are out of range (0000-01-01, 30 February)', async () => {
    expectRefused(await call({ method: 'POST', url: '/api/consultations', payload: { heldOn: '0000-01-01', communes: ['14521550'] } }), 'heldOn', /1900 und 2999/);
    expectRefused(await call({ method: 'POST', url: '/api/consultations', payload: { heldOn: '2026-02-30', communes: ['14521550'] } }), 'heldOn', /gibt es nicht/);
    expectRefused(await call({ url: '/api/admin/audit?from=0000-01-01' }), 'from', /1900 und 2999/);
    expectRefused(await call({ url: '/api/public/figures?asOf=9999-12-31', anonymous: true }), 'asOf', /1900 und 2999/);
    expectRefused(await call({ method: 'POST', url: '/api/analyses', payload: { ags: '14521550', institute: 'Institut', startOn: '0000-01-01' } }), 'startOn', /1900 und 2999/);
    expect((await call({ url: '/api/public/figures?asOf=2024-02-29', anonymous: true })).status).toBe(200);
  });
});

describe('bodies of the wrong shape or format', () => {
  it('answers a JSON body that is not an object with a German 400 instead of an empty field', async () => {
    for (const payload of ['"x"', '[]', 'null', '42', 'true']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: { ...admin.headers, 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'body_not_object', detail: 'Der Inhalt der Anfrage muss ein JSON-Objekt sein.' });
      expect(res.json().field).toBeUndefined();
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '["admin@lpr.demo"]' });
    expect(login.json()).toMatchObject({ status: 400, code: 'body_not_object' });
    const missing = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: admin.headers });
    expect(missing.json()).toMatchObject({ status: 400, code: 'body_missing' });
    const form = multipart({ name: 'x' }, { name: 'a.csv', type: 'text/csv', data: Buffer.from('x') });
    const asForm = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: { ...admin.headers, ...form.headers }, payload: form.payload });
    expect(asForm.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('answers a truncated multipart upload with 400 problem+json', async () => {
    const project = await newProject(t, admin, '14521550', '2026-11-02');
    const m = multipart({ strataBy: 'district', allocation: 'proportional', size: '20' }, { name: 'register.csv', type: 'text/csv', data: registerCsv(50) });
    const pks = multipart({ format: 'municipal', version: '1.0' }, { name: 'pks.csv', type: 'text/csv', data: Buffer.from(`AGS;Jahr;Schlüssel;Straftat;Fälle;aufgeklärte Fälle;Tatverdächtige\n${'14521550;2023;------;Straftaten insgesamt;100;50;40\n'.repeat(20)}`) });
    const gv = multipart({}, { name: 'gv.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: Buffer.alloc(2000, 'PK') });
    for (const [url, body] of [[`/api/analyses/${project}/sample`, m], ['/api/crime/imports', pks], ['/api/registry-imports', gv]] as const) {
      const res = await t.app.inject({ method: 'POST', url, headers: { ...admin.headers, ...body.headers }, payload: body.payload.subarray(0, body.payload.length - 300) });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json(), url).toMatchObject({ code: 'invalid_multipart' });
      expect(res.json().detail).toMatch(/unvollständig/);
    }
    const noBoundary = await t.app.inject({ method: 'POST', url: `/api/analyses/${project}/sample`, headers: { ...admin.headers, 'content-type': 'multipart/form-data' }, payload: m.payload });
    expect(noBoundary.json()).toMatchObject({ status: 400, code: 'invalid_multipart' });
    // The complete upload still works.
    expect((await t.app.inject({ method: 'POST', url: `/api/analyses/${project}/sample`, headers: { ...admin.headers, ...m.headers }, payload: m.payload })).statusCode).toBe(201);
  });

  it('refuses to delete a group that an agreement still names with 409, not a foreign-key 500', async () => {
    const group = await call({ method: 'POST', url: '/api/commune-groups', payload: { name: 'Bund für die Vereinbarung', kind: 'Städtebund', members: ['14521550', '14521020'] } });
    expect(group.status).toBe(201);
    const agreement = await call({ method: 'POST', url: '/api/agreements', payload: { kind: 'pre', groupId: group.body.id } });
    expect(agreement.status).toBe(201);
    const res = await call({ method: 'DELETE', url: `/api/commune-groups/${group.body.id}?version=${group.body.version}` });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'still_referenced' });
    expect(res.body.detail).toMatch(/noch verwendet/);
  });
});

describe('URLs and headers the router or the HTTP parser refuses', () => {
  it('answers a path parameter that is too long with 414 and bad percent-encoding with 400, both problem+json', async () => {
    const long = await t.app.inject(`/api/communes/${'1'.repeat(5000)}`);
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ status: 414, code: 'uri_too_long', title: 'Adresse zu lang' });
    const bad = await t.app.inject('/api/communes/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'bad_url' });
  });

  it('answers a URL or headers over Node’s size limit with 414 and 431 problem+json (on a real socket)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = (request: string) => new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      let data = '';
      socket.on('data', (d) => { data += d.toString('utf8'); });
      socket.on('close', () => resolve(data));
      socket.on('error', (e) => (data ? resolve(data) : reject(e)));
    });
    const parse = (response: string) => {
      const [head, body] = response.split('\r\n\r\n');
      return { status: Number(head!.split(' ')[1]), head: head!.toLowerCase(), body: JSON.parse(body!) };
    };
    const url = parse(await raw(`GET /api/communes?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
    expect(url.status).toBe(414);
    expect(url.head).toContain('content-type: application/problem+json');
    expect(url.body).toMatchObject({ status: 414, code: 'uri_too_long', detail: 'Die Adresse (URL) ist zu lang.' });
    const headers = parse(await raw(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nCookie: a=${'x'.repeat(20_000)}\r\n\r\n`));
    expect(headers.status).toBe(431);
    expect(headers.head).toContain('content-type: application/problem+json');
    expect(headers.body).toMatchObject({ status: 431, code: 'headers_too_large' });
    expect(headers.body.detail).toMatch(/Kopfzeilen/);
    const garbage = parse(await raw('HELLO\r\n\r\n'));
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ code: 'bad_request' });
  });
});
