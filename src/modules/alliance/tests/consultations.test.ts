import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, roleCaller, type TestApp } from '../../../../test/helpers.js';
import { hasConsultationBy } from '../consultations/has-consultation.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'commune', 'police', 'coach']);
});
afterAll(async () => { await t?.close(); });

describe('consultations', () => {
  it('logs a consultation for several communes with topics and follow-up tasks, queryable per commune and date', async () => {
    const res = await call('lpr_staff', 'POST', '/api/consultations', {
      heldOn: '2025-06-03', communes: ['14628110', '14628270'], topics: ['graffiti', 'drugs'], notes: 'Gemeinsamer Termin', tasks: [{ title: 'Fördermöglichkeiten senden', dueOn: '2025-07-01' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ staff: { name: 'Lena Referentin (LPR)' }, topics: [{ id: 'graffiti', label: 'Graffiti/Sachbeschädigung' }, { id: 'drugs', label: 'Drogen/Sucht' }], tasks: [{ title: 'Fördermöglichkeiten senden', doneOn: null }] });
    const list = (await call('lpr_staff', 'GET', '/api/consultations?ags=14628270&from=2025-06-01&to=2025-06-30')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(res.json().id);
    const before = (await call('lpr_staff', 'GET', '/api/consultations?ags=14628270&to=2025-06-02')).json();
    expect(before.items.map((c: { id: string }) => c.id)).not.toContain(res.json().id);
    // The funding precondition: was the commune advised by a given day?
    const neverAdvised = (await call(null, 'GET', '/api/public/map')).json().communes.find((c: { stage: string | null }) => c.stage === null).ags;
    expect(await hasConsultationBy(t.database.db, '14628270', '2025-06-03')).toBe(true);
    expect(await hasConsultationBy(t.database.db, neverAdvised, '2025-06-03')).toBe(false);
  });

  it('rejects a future date, an unknown topic or no commune with a message naming the field by its label', async () => {
    let res = await call('lpr_staff', 'POST', '/api/consultations', { heldOn: '2999-01-01', communes: ['14628110'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('heldOn');
    res = await call('lpr_staff', 'POST', '/api/consultations', { heldOn: '2025-01-01', communes: ['14628110'], topics: ['alchemy'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('topics');
    expect(res.json().detail).toBe('Handlungsfelder: unbekanntes Handlungsfeld alchemy.');
    res = await call('lpr_staff', 'POST', '/api/consultations', { heldOn: '2025-01-01', communes: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('communes');
    expect(res.json().detail).toBe('Kommunen: Bitte mindestens eine Kommune wählen.');
  });

  it('shows a commune only consultations that concern it, police those of their directorate', async () => {
    const mine = (await call('commune', 'GET', '/api/consultations?limit=500')).json().items as { communes: { ags: string }[] }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.communes.some((x) => x.ags === '14521550'))).toBe(true);
    const dresden = (await call('lpr_staff', 'GET', '/api/consultations?ags=14628060')).json().items[0];
    expect((await call('commune', 'GET', `/api/consultations/${dresden.id}`)).statusCode).toBe(404);
    expect((await call('police', 'GET', `/api/consultations/${dresden.id}`)).statusCode).toBe(404);
    expect((await call('commune', 'POST', '/api/consultations', { heldOn: '2025-01-01', communes: ['14521550'] })).statusCode).toBe(403);
  });

  it('edits with a version check: a stale version gets 409 and changes nothing', async () => {
    const c = (await call('lpr_staff', 'GET', '/api/consultations?ags=14628110')).json().items[0];
    const body = { heldOn: c.heldOn, communes: c.communes.map((x: { ags: string }) => x.ags), topics: c.topics.map((x: { id: string }) => x.id), notes: 'geändert', format: c.format, version: c.version };
    expect((await call('lpr_staff', 'PUT', `/api/consultations/${c.id}`, body)).statusCode).toBe(200);
    const stale = await call('lpr_staff', 'PUT', `/api/consultations/${c.id}`, { ...body, notes: 'verloren' });
    expect(stale.statusCode).toBe(409);
    expect((await call('lpr_staff', 'GET', `/api/consultations/${c.id}`)).json().notes).toBe('geändert');
  });
});
