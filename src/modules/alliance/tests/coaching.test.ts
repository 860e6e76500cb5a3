import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/dates.js';
import { createTestApp, roleCaller, type TestApp } from '../../../../test/helpers.js';
import type { Role } from '../../../server/auth/roles.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'commune', 'police', 'coach']);
});
afterAll(async () => { await t?.close(); });


describe('coaching', () => {
  let processId = '';
  let version = 0;

  it('lets a commune request coaching for itself, with its coordinator as coachee, but not for others', async () => {
    const coachees = (await call('commune', 'GET', '/api/coaching/coachees?ags=14521550')).json().items;
    expect(coachees.map((u: { email: string }) => u.email)).toEqual(['koordination@schwarzenberg.demo']);
    const res = await call('commune', 'POST', '/api/coaching', { ags: '14521550', reason: 'Arbeitsgruppen des KPR aufbauen', topics: ['structures', 'youth'], coacheeUserId: coachees[0].id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'requested', statusLabel: 'angefragt', coachee: { name: 'Klaus Koordinator (Schwarzenberg)' }, coach: null });
    processId = res.json().id;
    version = res.json().version;
    expect((await call('commune', 'POST', '/api/coaching', { ags: '14628060', reason: 'x' })).statusCode).toBe(403);
    const wrongCoachee = await call('lpr_staff', 'POST', '/api/coaching', { ags: '14628060', reason: 'x', coacheeUserId: coachees[0].id });
    expect(wrongCoachee.statusCode).toBe(422);
    expect(wrongCoachee.json().field).toBe('coacheeUserId');
  });

  it('ranks coaches by region, competencies and free capacity, and matches one', async () => {
    const candidates = (await call('lpr_staff', 'GET', `/api/coaching/${processId}/candidates`)).json().items as { id: string; name: string; score: number; reasons: string[]; load: number; capacity: number }[];
    expect(candidates.length).toBeGreaterThan(20);
    expect(candidates.map((c) => c.score)).toEqual([...candidates.map((c) => c.score)].sort((a, b) => b - a));
    const best = candidates[0]!;
    expect(best.load).toBeLessThan(best.capacity);
    const full = candidates.find((c) => c.load >= c.capacity);
    if (full) {
      const refused = await call('lpr_staff', 'POST', `/api/coaching/${processId}/transitions`, { action: 'match', version, coachId: full.id });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('coach_at_capacity');
    }
    const conrad = candidates.find((c) => c.name === 'Conrad Coach')!;
    const res = await call('lpr_staff', 'POST', `/api/coaching/${processId}/transitions`, { action: 'match', version, coachId: conrad.load < conrad.capacity ? conrad.id : best.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('matched');
    version = res.json().version;
  });

  it('lets only the matched coach log sessions; the first session starts the process', async () => {
    const p = (await call('lpr_staff', 'GET', `/api/coaching/${processId}`)).json();
    const coachIsConrad = p.coach.name === 'Conrad Coach';
    const who: Role = coachIsConrad ? 'coach' : 'lpr_staff';
    const res = await call(who, 'POST', `/api/coaching/${processId}/sessions`, { heldOn: todayIso(), participants: 'Koordinator, Coach', topics: ['structures'], nextSteps: 'Geschäftsordnung entwerfen' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'running', sessions: [{ participants: 'Koordinator, Coach', nextSteps: 'Geschäftsordnung entwerfen' }] });
    expect(res.json().startedOn).toBe(todayIso());
    if (coachIsConrad) {
      expect((await call('coach', 'POST', `/api/coaching/${processId}/transitions`, { action: 'cancel', version: res.json().version })).statusCode).toBe(403);
    }
  });

  it('shows a coach only their own processes', async () => {
    const mine = (await call('coach', 'GET', '/api/coaching')).json().items as { coach: { name: string } }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.coach.name === 'Conrad Coach')).toBe(true);
    const other = (await call('lpr_staff', 'GET', '/api/coaching?ags=14628060')).json().items[0];
    expect((await call('coach', 'GET', `/api/coaching/${other.id}`)).statusCode).toBe(404);
    expect((await call('coach', 'POST', `/api/coaching/${other.id}/sessions`, { heldOn: '2025-01-01', participants: 'x' })).statusCode).toBe(404);
    expect((await call('police', 'GET', '/api/coaching')).statusCode).toBe(403);
  });

  it('takes the closing feedback once, after completion, from the commune', async () => {
    let p = (await call('lpr_staff', 'GET', `/api/coaching/${processId}`)).json();
    const early = await call('commune', 'POST', `/api/coaching/${processId}/feedback`, { goalsReached: 4, satisfaction: 5, wouldRecommend: true });
    expect(early.statusCode).toBe(422);
    p = (await call('lpr_staff', 'POST', `/api/coaching/${processId}/transitions`, { action: 'complete', version: p.version, note: 'KPR arbeitet' })).json();
    expect(p.status).toBe('completed');
    const res = await call('commune', 'POST', `/api/coaching/${processId}/feedback`, { goalsReached: 4, satisfaction: 5, wouldRecommend: true, comment: 'Sehr hilfreich' });
    expect(res.statusCode).toBe(201);
    expect(res.json().feedback).toMatchObject({ goalsReached: 4, satisfaction: 5, wouldRecommend: true });
    expect((await call('commune', 'POST', `/api/coaching/${processId}/feedback`, { goalsReached: 1, satisfaction: 1, wouldRecommend: false })).statusCode).toBe(409);
    const outOfRange = await call('lpr_staff', 'POST', `/api/coaching/${processId}/feedback`, { goalsReached: 9, satisfaction: 1, wouldRecommend: false });
    expect(outOfRange.statusCode).toBe(400);
  });

  it('counts a started coaching in the live figures', async () => {
    const today = todayIso();
    const before = (await call(null, 'GET', '/api/public/figures?asOf=2022-07-22')).json().coachingProcesses;
    const now = (await call(null, 'GET', `/api/public/figures?asOf=${today}`)).json().coachingProcesses;
    expect(before).toBe(38);
    expect(now).toBeGreaterThan(48);
  });
});
