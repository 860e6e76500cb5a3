import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/server/auth/roles.js';
import type { TDashboard, TDashboardCard, TDashboardText } from '../src/server/aggregates/dashboard.types.js';
import { webModules } from '../src/web/app/modules.js';
import { createTestApp, roleCaller, type TestApp } from './helpers.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
const boards = new Map<Role, TDashboard>();
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, [...ROLES]);
  for (const r of ROLES) {
    const res = await call(r, 'GET', '/api/dashboard');
    expect(res.statusCode, r).toBe(200);
    boards.set(r, res.json());
  }
}, 120_000);
afterAll(async () => { await t?.close(); });

const SCHWARZENBERG = 'Schwarzenberg/Erzgeb., Stadt';
const card = (role: Role, key: string) => boards.get(role)!.items.find((c) => c.key === key);
const keysOf = (role: Role) => boards.get(role)!.items.map((c) => c.key);
const items = (c: TDashboardCard | undefined) => (c?.kind === 'tasks' || c?.kind === 'records' ? c.items : []);
const records = (c: TDashboardCard | undefined) => (c?.kind === 'records' ? c.items : []);
/** Every text of a card (titles, labels, states, details, link labels). */
function textsOf(c: TDashboardCard): TDashboardText[] {
  const out: TDashboardText[] = [c.title, ...(c.link ? [c.link.label] : [])];
  if (c.kind === 'metric') { if (c.detail) out.push(c.detail); } else {
    out.push(c.empty, ...c.items.map((i) => i.label));
    if (c.kind === 'records') for (const i of c.items) out.push(...[i.state, i.detail].filter((x): x is TDashboardText => !!x));
  }
  return out;
}

describe('GET /api/dashboard: each role’s start page shows its own work', () => {
  it('is for signed-in users only', async () => {
    expect((await call(null, 'GET', '/api/dashboard')).statusCode).toBe(401);
  });

  it('the commune coordinator: Schwarzenberg’s running survey with its return rate, its overdue checklist task, its recommendations and stage', async () => {
    const board = boards.get('commune')!;
    expect(board.roles).toEqual([{ role: 'commune', scope: SCHWARZENBERG }]);
    const rate = card('commune', 'surveys.returnRate.sa-schwarzenberg-2026');
    expect(rate).toMatchObject({ kind: 'metric', unit: 'percent', title: { key: 'dash.returnRate.title', vars: { commune: SCHWARZENBERG } } });
    const analysisId = rate!.link!.href.split('/').pop()!;
    const monitoring = (await call('commune', 'GET', `/api/analyses/${analysisId}/monitoring`)).json();
    expect(rate).toMatchObject({ value: monitoring.responseRate, detail: { vars: { count: monitoring.returned, invited: 800 } } });
    expect(monitoring.returned).toBeGreaterThan(0);
    // Ten weeks into the plan the returns by post were due yesterday: overdue, with the commune's name.
    expect(items(card('commune', 'surveys.checklist'))).toEqual([
      expect.objectContaining({ label: { key: 'dash.task.collect_returns' }, commune: SCHWARZENBERG, overdue: true, link: `/analysen/${analysisId}` }),
    ]);
    const recommendations = records(card('commune', 'evaluation.recommendations'));
    expect(recommendations.map((r) => r.label)).toContain('Informationsabende zu Betrug an älteren Menschen');
    expect(recommendations.every((r) => r.commune === SCHWARZENBERG && /^\/analysen\/[\w-]+\/empfehlungen$/.test(r.link!))).toBe(true);
    expect(records(card('commune', 'alliance.stage'))).toEqual([expect.objectContaining({ label: SCHWARZENBERG, state: { key: 'dash.stage.active' }, link: '/gemeinden/14521550' })]);
    expect(records(card('commune', 'alliance.coaching'))).toEqual([expect.objectContaining({ label: SCHWARZENBERG, state: { key: 'dash.coaching.stateWith.running', vars: { coach: 'Conrad Coach' } } })]);
    // The analysts' and the LPR's work is not theirs.
    expect(keysOf('commune')).not.toContain('surveys.analyses');
    expect(keysOf('commune')).not.toContain('alliance.coachingRequests');
  });

  it('a foreign commune’s tasks never appear: the LPR sees every open follow-up task, the commune none of other communes', async () => {
    const all = items(card('lpr_staff', 'alliance.consultationTasks'));
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((i) => i.commune !== SCHWARZENBERG)).toBe(true);
    expect(all.every((i) => i.commune && !/\d{8}/.test(i.commune))).toBe(true);
    const own = card('commune', 'alliance.consultationTasks')!;
    expect(own.kind === 'tasks' && own.items.every((i) => i.commune?.includes(SCHWARZENBERG))).toBe(true);
    for (const role of ['commune', 'police', 'coach', 'analyst', 'council_member'] as const) {
      for (const c of boards.get(role)!.items) {
        for (const i of items(c)) if (i.commune) expect(i.commune, `${role} ${c.key}`).not.toBe('Niesky, Stadt');
      }
    }
  });

  it('the police see the follow-up tasks of their directorate’s communes and the communes still without case figures', async () => {
    const tasks = items(card('police', 'alliance.consultationTasks'));
    expect(tasks.map((i) => i.commune)).toEqual(['Lichtenau', 'Taura']); // Mittelsachsen, PD Chemnitz
    expect((card('lpr_staff', 'alliance.consultationTasks') as { total: number }).total).toBeGreaterThan(tasks.length);
    const missing = card('police', 'crime.missing')!;
    expect(missing).toMatchObject({ kind: 'records', title: { key: 'dash.crime.title', vars: { year: '2022' } } });
    expect(missing.kind === 'records' && missing.total).toBeGreaterThan(50);
    // The Silberberg towns have their (demo) commune tables; the list names communes, not codes.
    expect(records(missing).map((i) => i.label)).not.toContain(SCHWARZENBERG);
    expect(records(missing).every((i) => typeof i.label === 'string' && !/^\d+$/.test(i.label))).toBe(true);
    expect(boards.get('police')!.roles).toEqual([{ role: 'police', scope: 'Polizeidirektion Chemnitz' }]);
    expect(keysOf('police')).not.toContain('alliance.coaching');
  });

  it('a coach sees only their own processes; the LPR the requests waiting for a coach', async () => {
    const own = records(card('coach', 'alliance.coaching'));
    expect(own).toEqual([expect.objectContaining({ label: SCHWARZENBERG, state: { key: 'dash.coaching.state.running' } })]);
    const id = own[0]!.link!.split('/').pop();
    expect((await call('coach', 'GET', `/api/coaching/${id}`)).statusCode).toBe(200);
    expect(keysOf('coach')).toEqual(['alliance.coaching']);
    expect(records(card('lpr_staff', 'alliance.coachingRequests'))).toEqual([
      expect.objectContaining({ label: 'Konflikte auf dem Marktplatz in den Abendstunden.', detail: { key: 'dash.coaching.next.match' } }),
    ]);
  });

  it('the analyst: their analyses with phase and next step, the running return rate, nothing of the alliance’s internal records', async () => {
    const analyses = records(card('analyst', 'surveys.analyses'));
    expect(analyses.map((a) => [a.label, a.commune, a.state])).toEqual([
      ['Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)', SCHWARZENBERG, { key: 'dash.phase.field' }],
      ['Sicherheitsanalyse Schwarzenberg 2022 (Städtebund Silberberg)', SCHWARZENBERG, { key: 'dash.phase.completed' }],
    ]);
    expect(analyses[0]).toMatchObject({ detail: { key: 'dash.phase.next.field' } });
    expect(keysOf('analyst')).toContain('surveys.returnRate.sa-schwarzenberg-2026');
    expect(keysOf('analyst')).toContain('evaluation.steps');
    expect(keysOf('analyst')).not.toContain('alliance.consultationTasks');
    expect(keysOf('analyst')).not.toContain('surveys.checklist');
    expect(boards.get('analyst')!.roles.map((r) => r.scope).sort()).toEqual(['Sicherheitsanalyse Schwarzenberg 2022 (Städtebund Silberberg)', 'Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)']);
  });

  it('the council member: the decisions they carry out, their council’s next meetings, the alliance’s figures, and nothing they may not open', async () => {
    expect([...keysOf('council_member')].sort()).toEqual(['alliance.figures', 'councils.meetings', 'councils.myDecisions']);
    const mine = items(card('council_member', 'councils.myDecisions'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.commune === 'Kommunaler Präventionsrat Schwarzenberg')).toBe(true);
    expect(records(card('council_member', 'councils.meetings')).length).toBeGreaterThan(0);
    expect(card('council_member', 'alliance.figures')).toMatchObject({ kind: 'metric', link: { href: '/kennzahlen' } });
    expect(boards.get('council_member')!.roles).toEqual([{ role: 'council_member', scope: 'Kommunaler Präventionsrat Schwarzenberg' }]);
  });

  it('the administration: open invitations (counting a new one) and the registry’s state', async () => {
    expect(card('lpr_admin', 'communes.registry')).toMatchObject({ value: 418, detail: { key: 'dash.registry.asOf', vars: { date: '2023-12-31' } } });
    const before = (card('lpr_admin', 'auth.invitations') as { value: number }).value;
    const created = await call('lpr_admin', 'POST', '/api/admin/users', { email: 'ordnungsamt@dippoldiswalde.demo', displayName: 'Ordnungsamt Dippoldiswalde', grants: [{ role: 'commune', scopeId: '14628060' }] });
    expect(created.statusCode).toBe(201);
    const after = (await call('lpr_admin', 'GET', '/api/dashboard')).json() as TDashboard;
    expect(after.items.find((c) => c.key === 'auth.invitations')).toMatchObject({ value: before + 1, detail: { vars: { count: before + 1 } } });
    expect(keysOf('lpr_staff')).not.toContain('auth.invitations');
  });

  it('cards come sorted by priority with empty lists last, and every link opens for the viewer', async () => {
    for (const role of ROLES) {
      const order = boards.get(role)!.items.map((c) => (c.kind !== 'metric' && !c.items.length ? 1000 : 0) + c.priority);
      expect(order, role).toEqual([...order].sort((a, b) => a - b));
      for (const c of boards.get(role)!.items) {
        for (const link of items(c).map((i) => i.link).filter((l): l is string => !!l)) {
          const api = /^\/analysen\/([\w-]+)/.exec(link)?.[1] ? `/api/analyses/${/^\/analysen\/([\w-]+)/.exec(link)![1]}`
            : /^\/coaching\/([\w-]+)$/.exec(link) ? `/api/coaching/${link.split('/')[2]}`
              : /^\/vereinbarungen\/([\w-]+)$/.exec(link) ? `/api/agreements/${link.split('/')[2]}` : null;
          if (api) expect((await call(role, 'GET', api)).statusCode, `${role} ${link}`).toBe(200);
        }
      }
    }
  });

  it('every text key is in the contributing web module’s dashboard catalog, in German and English', () => {
    for (const role of ROLES) {
      for (const c of boards.get(role)!.items) {
        const web = webModules.find((m) => m.name === c.module);
        for (const text of textsOf(c)) {
          if (typeof text === 'string') continue;
          expect(web?.dashboard?.de[text.key], `${c.module}: ${text.key}`).toBeDefined();
          expect(web?.dashboard?.en[text.key], `${c.module}: ${text.key} (en)`).toBeDefined();
        }
      }
    }
  });
});
