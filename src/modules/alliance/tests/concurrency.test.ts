import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, onRealPostgres, type Session, type TestApp } from '../../../../test/helpers.js';

// PGlite serialises everything; these races only show on a real server.
describe.runIf(onRealPostgres)('alliance races on PostgreSQL', () => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => { t = await createTestApp(); s = await loginAs(t.app, 'lpr_staff'); });
  afterAll(async () => { await t?.close(); });
  const call = (method: string, url: string, payload?: object) => t.app.inject({ method: method as 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });

  it('signs only one of several overlapping agreements signed at the same moment', async () => {
    const signatories = [{ party: 'commune', ags: '14628270', name: 'A', office: 'B' }, { party: 'police', name: 'C', office: 'D' }, { party: 'lpr', name: 'E', office: 'F' }];
    // Pirna (a model commune) has an agreement; end it so that the commune is free again.
    const existing = (await call('GET', '/api/agreements?ags=14628270&state=signed')).json().items[0];
    expect((await call('POST', `/api/agreements/${existing.id}/transitions`, { action: 'end', version: existing.version, endedOn: '2025-01-31' })).statusCode).toBe(200);
    const drafts = [];
    for (let i = 0; i < 6; i++) {
      const d = (await call('POST', '/api/agreements', { kind: 'cooperation', subjectAgs: '14628270', signatories })).json();
      drafts.push((await call('POST', `/api/agreements/${d.id}/transitions`, { action: 'agree', version: d.version })).json());
    }
    const results = await Promise.all(drafts.map((d) => call('POST', `/api/agreements/${d.id}/transitions`, { action: 'sign', version: d.version, signedOn: '2025-02-03' })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 422).map((r) => r.json().code)).toEqual(Array(5).fill('overlapping_agreement'));
  });

  it('never books a coach beyond capacity when matches arrive at once', async () => {
    const coach = (await call('POST', '/api/coaches', { name: 'Rennen Test', organisation: 'Institut B3', capacity: 1, competencies: [], regions: [] })).json();
    const processes = [];
    for (let i = 0; i < 5; i++) processes.push((await call('POST', '/api/coaching', { ags: '14628110', reason: `Anfrage ${i}` })).json());
    const results = await Promise.all(processes.map((p) => call('POST', `/api/coaching/${p.id}/transitions`, { action: 'match', version: p.version, coachId: coach.id })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 422).map((r) => r.json().code)).toEqual(Array(4).fill('coach_at_capacity'));
    expect((await call('GET', '/api/coaches')).json().items.find((c: { id: string }) => c.id === coach.id).load).toBe(1);
  });
});
