import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, roleCaller, type TestApp } from './helpers.js';
import type { RouteEntry } from '../src/server/app.js';
import type { Role } from '../src/server/auth/roles.js';
import { and, eq, isNull } from 'drizzle-orm';
import { councils } from '../src/modules/councils/schema.js';

/**
 * The scope matrix, generated from the route table: every route with a path or query parameter that names a
 * tenant's record is called by every scoped role (a commune, a police directorate, an analyst, a coach, a
 * council member) with a record of a commune none of them may see (Dresden: another commune, another
 * directorate, an analysis nobody of them is assigned to, a process of no coach of theirs). Each must be refused
 * (403/404) and show nothing of that record; list routes show only own records. A route with such a parameter
 * and no case here fails the suite.
 */

const FOREIGN_AGS = '14612000'; // Dresden: not Schwarzenberg, not in the Chemnitz directorate
const MARKER = 'ZZ-FREMD-4711'; // written into every foreign record; must never reach a scoped role
const SCOPED: Role[] = ['commune', 'police', 'analyst', 'coach', 'council_member'];
/** Parameters that name a tenant's record. Others (a phase key, a revision number, a format) select within one. */
const TENANT_PARAM = /^(id|ags)$|Id$|Ags$/;

interface Foreign { analysis: string; consultation: string; agreement: string; coaching: string; milestone: string; task: string; recommendation: string; report: string; council: string; meeting: string }
let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
let foreign: Foreign;

/** The foreign record a subject route's policy speaks about. A policy without an entry fails the suite. */
const SUBJECT_FIXTURES: Record<string, (f: Foreign) => string> = {
  'surveys.analysis': (f) => f.analysis,
  'evaluation.analysis': (f) => f.analysis,
  'alliance.consultation': (f) => f.consultation,
  'alliance.agreement': (f) => f.agreement,
  'alliance.coaching': (f) => f.coaching,
  'alliance.commune': () => FOREIGN_AGS,
  'core.bilanz': () => FOREIGN_AGS,
  'crime.figures': () => FOREIGN_AGS,
  'communes.ageStructure': () => FOREIGN_AGS,
  'councils.council': (f) => f.council,
};

/** Values for parameters that select inside a subject (they never decide whose record it is). */
const FILLERS: Record<string, (f: Foreign) => string> = {
  key: () => 'field', revision: () => '1', format: () => 'pdf',
  recommendationId: (f) => f.recommendation, reportId: (f) => f.report,
  childId: (f) => f.meeting, token: () => 'x'.repeat(32),
};

type Case =
  /** Answers that are public by design (the registry, the public map, signed agreements' facts). */
  | { kind: 'public'; reason: string }
  /** The parameter names no tenant's record, or the record is statewide. */
  | { kind: 'not-tenant'; reason: string }
  /** A list filtered by a tenant parameter: with a foreign value a scoped role gets a refusal or nothing. */
  | { kind: 'list'; query: (f: Foreign) => Record<string, string> }
  /** A record route without a subject declaration: refused for the foreign record. */
  | { kind: 'record'; path: (f: Foreign) => Record<string, string> };

/** Routes with a tenant parameter that are not subject routes (`policy.route`), each with its reason. */
const CASES: Record<string, Case> = {
  'GET /api/communes/:ags': { kind: 'public', reason: 'the commune registry is public reference data' },
  'GET /api/commune-groups/:id': { kind: 'public', reason: 'commune groups are public (Städtebünde)' },
  'GET /api/public/agreements': { kind: 'public', reason: 'the headline facts of signed agreements are published on the map' },
  'GET /api/survey-items/:code': { kind: 'not-tenant', reason: 'the item bank is statewide' },
  'GET /api/consultations': { kind: 'list', query: () => ({ ags: FOREIGN_AGS }) },
  'GET /api/agreements': { kind: 'list', query: () => ({ ags: FOREIGN_AGS }) },
  'GET /api/coaching': { kind: 'list', query: () => ({ ags: FOREIGN_AGS }) },
  'GET /api/coaching/coachees': { kind: 'list', query: () => ({ ags: FOREIGN_AGS }) },
  'GET /api/analyses': { kind: 'list', query: () => ({ ags: FOREIGN_AGS }) },
  'GET /api/public/councils/:id': { kind: 'public', reason: 'a council’s public page (only public parts; the marker sits in non-public records)' },
  'GET /api/public/councils/:id/meetings/:childId': { kind: 'public', reason: 'a meeting’s public agenda (non-public items never appear)' },
  'GET /api/public/councils/:id/files/:childId': { kind: 'public', reason: 'files of public items only' },
  'GET /api/public/councils/:id/calendar.ics': { kind: 'public', reason: 'the public meeting calendar' },
  'GET /api/public/councils/:id/meetings/:childId/minutes.pdf': { kind: 'public', reason: 'approved minutes, public items only (404 for drafts)' },
  'GET /api/public/councils/:id/meetings/:childId/minutes.docx': { kind: 'public', reason: 'approved minutes, public items only (404 for drafts)' },
  'GET /api/public/councils/:id/reports': { kind: 'public', reason: 'published Präventionsberichte only' },
  'GET /api/public/councils/:id/reports/:childId/report.pdf': { kind: 'public', reason: 'a published Präventionsbericht (404 for drafts)' },
  'GET /api/public/councils/:id/reports/:childId/report.docx': { kind: 'public', reason: 'a published Präventionsbericht (404 for drafts)' },
};

const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
const tenantParams = (r: RouteEntry) => [...pathParams(r.url), ...r.query].filter((p) => TENANT_PARAM.test(p));
const doorRoles = (r: RouteEntry) => (r.access.kind === 'roles' ? r.access.roles : []);
/** Only statewide roles pass the door: the access matrix covers it, there is no tenant to cross. */
const statewideOnly = (r: RouteEntry) => r.access.kind === 'roles' && doorRoles(r).every((x) => x === 'lpr_admin' || x === 'lpr_staff');
const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const fill = (url: string, values: Record<string, string>) => url.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(values[p] ?? 'x'));
const withQuery = (url: string, q: Record<string, string>) => (Object.keys(q).length ? `${url}?${new URLSearchParams(q)}` : url);

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));

function missingCases(routes: RouteEntry[], cases: Record<string, Case>, fixtures: Record<string, unknown>): string[] {
  const missing: string[] = [];
  for (const r of routes) {
    if (!tenantParams(r).length || statewideOnly(r)) continue;
    if (r.subject) { if (!fixtures[r.subject.policy]) missing.push(`${key(r)} (policy ${r.subject.policy} has no fixture)`); continue; }
    if (!cases[key(r)]) missing.push(key(r));
  }
  return missing;
}

beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'lpr_admin', ...SCOPED]);
  const created = async (method: string, url: string, payload: unknown) => {
    const res = await call('lpr_staff', method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const analysis = await created('POST', '/api/analyses', { ags: FOREIGN_AGS, institute: `Institut ${MARKER}`, startOn: '2026-01-05', title: `Sicherheitsanalyse ${MARKER}` });
  const consultation = await created('POST', '/api/consultations', {
    heldOn: '2026-02-02', communes: [FOREIGN_AGS], notes: `Gespräch ${MARKER}`, tasks: [{ title: `Aufgabe ${MARKER}`, dueOn: '2026-03-01', assignee: 'LPR' }],
  });
  const agreement = await created('POST', '/api/agreements', { kind: 'cooperation', title: `Vereinbarung ${MARKER}`, subjectAgs: FOREIGN_AGS, policeDirectorateId: 'dresden' });
  const coaching = await created('POST', '/api/coaching', { ags: FOREIGN_AGS, reason: `Anlass ${MARKER}` });
  const milestone = await created('POST', '/api/alliance/milestones', { ags: FOREIGN_AGS, occurredOn: '2026-01-10', kind: 'contacted', note: `Kontakt ${MARKER}` });
  const taskId = consultation.tasks?.[0]?.id ?? randomUUID();
  // A council whose public side is harmless and whose internal records carry the marker.
  // The demo data may have given Dresden a council already (taken over from the alliance's generated milestones).
  const [demoCouncil] = await t.database.db.select({ id: councils.id }).from(councils).where(and(eq(councils.ags, FOREIGN_AGS), isNull(councils.deletedAt)));
  const council = demoCouncil ? (await call('lpr_staff', 'GET', `/api/councils/${demoCouncil.id}`)).json() : await created('POST', '/api/councils', { ags: FOREIGN_AGS, name: 'Kommunaler Präventionsrat Dresden' });
  await created('POST', `/api/councils/${council.id}/persons`, { familyName: `Person ${MARKER}`, email: 'fremd@dresden.test', publicConsent: false });
  const plenum = council.bodies[0].id;
  const meeting = await created('POST', `/api/councils/${council.id}/meetings`, { bodyId: plenum, startsAt: '2026-01-20T16:00:00Z', onlineUrl: 'https://meet.example/dd' });
  await created('POST', `/api/councils/${council.id}/meetings/${meeting.id}/agenda`, { order: 1, title: `Nicht öffentlich ${MARKER}`, isPublic: false });
  foreign = {
    analysis: analysis.id, consultation: consultation.id, agreement: agreement.id, coaching: coaching.id, milestone: milestone.id, task: taskId, recommendation: randomUUID(), report: randomUUID(),
    council: council.id, meeting: meeting.id,
  };
});

afterAll(async () => { await t?.close(); });

describe('scope matrix', () => {
  it('has a case for every route whose parameter names a tenant’s record', () => {
    expect(missingCases(apiRoutes(), CASES, SUBJECT_FIXTURES), 'routes with a tenant parameter but no scope-matrix case').toEqual([]);
    for (const k of Object.keys(CASES)) expect(apiRoutes().some((r) => key(r) === k), `case for a route that no longer exists: ${k}`).toBe(true);
  });

  it('fails when a case or a subject fixture is removed', () => {
    const [someCase] = Object.keys(CASES).filter((k) => CASES[k]!.kind === 'list');
    const { [someCase!]: _removed, ...fewerCases } = CASES;
    expect(missingCases(apiRoutes(), fewerCases, SUBJECT_FIXTURES)).toContain(someCase);
    const { 'surveys.analysis': _fixture, ...fewerFixtures } = SUBJECT_FIXTURES;
    expect(missingCases(apiRoutes(), CASES, fewerFixtures).some((m) => m.includes('surveys.analysis'))).toBe(true);
  });

  it('the foreign records exist: the LPR passes every subject route’s scope check for them', async () => {
    for (const r of t.app.routeTable.filter((x) => x.subject && x.url.startsWith('/api/'))) {
      const subject = r.subject!;
      if (!SUBJECT_FIXTURES[subject.policy]) continue; // statewide-only policies (LPR settings, accounts) name no tenant
      const values = { ...Object.fromEntries(Object.entries(FILLERS).map(([k, f]) => [k, f(foreign)])), [subject.param]: SUBJECT_FIXTURES[subject.policy]!(foreign) };
      const url = subject.from === 'query' ? withQuery(fill(r.url, values), { [subject.param]: values[subject.param]! }) : fill(r.url, values);
      const res = await call('lpr_admin', r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      // Past the subject check the LPR meets validation (400) or the handler; never the policy's refusal.
      const refused = res.statusCode === 403 || (res.statusCode === 404 && res.json().detail === subject.missing);
      expect(refused, `${key(r)} as LPR: ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(false);
    }
  });

  for (const role of SCOPED) {
    it(`refuses ${role} every foreign record and shows nothing of it`, async () => {
      const failures: string[] = [];
      for (const r of t.app.routeTable.filter((x) => x.url.startsWith('/api/'))) {
        if (!tenantParams(r).length || statewideOnly(r)) continue;
        const c = r.subject ? null : CASES[key(r)];
        if (c && (c.kind === 'public' || c.kind === 'not-tenant')) continue;
        const values: Record<string, string> = Object.fromEntries(Object.entries(FILLERS).map(([k, f]) => [k, f(foreign)]));
        let url: string;
        if (r.subject) {
          values[r.subject.param] = SUBJECT_FIXTURES[r.subject.policy]!(foreign);
          url = r.subject.from === 'query' ? withQuery(fill(r.url, values), { [r.subject.param]: values[r.subject.param]! }) : fill(r.url, values);
        } else if (c?.kind === 'record') {
          url = fill(r.url, { ...values, ...c.path(foreign) });
        } else if (c?.kind === 'list') {
          url = withQuery(fill(r.url, values), c.query(foreign));
        } else continue;
        const res = await call(role, r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const leaked = res.body.includes(MARKER);
        const refused = res.statusCode === 403 || res.statusCode === 404;
        const emptyList = c?.kind === 'list' && res.statusCode === 200 && listIsEmpty(res.json());
        if (leaked || !(refused || emptyList)) failures.push(`${key(r)} → ${res.statusCode}${leaked ? ' LEAK' : ''} ${res.body.slice(0, 160)}`);
      }
      expect(failures).toEqual([]);
    });

    it(`lists show ${role} only own records`, async () => {
      const failures: string[] = [];
      for (const r of t.app.routeTable.filter((x) => x.method === 'GET' && x.url.startsWith('/api/') && !x.url.includes(':'))) {
        if (r.url.startsWith('/api/docs') || r.url === '/api/openapi.json' || r.url.startsWith('/api/admin/')) continue;
        const res = await call(role, 'GET', r.url);
        if (res.body.includes(MARKER)) failures.push(`${r.url} shows a foreign record`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('keeps each scoped role’s own records open (the refusals above are about scope, not about the route)', async () => {
    const OWN_AGS = '14521550'; // Schwarzenberg/Erzgeb.: the demo commune, in the Chemnitz directorate, analysed by the demo analyst
    const first = async (role: Role, url: string) => {
      const res = await call(role, 'GET', url);
      expect(res.statusCode, `${role} GET ${url}`).toBe(200);
      const items = (res.json() as { items: { id: string }[] }).items;
      expect(items.length, `${role} sees own records in ${url}`).toBeGreaterThan(0);
      return items[0]!.id;
    };
    const analysis = await first('analyst', '/api/analyses');
    const consultation = await first('commune', `/api/consultations?ags=${OWN_AGS}`);
    const agreement = await first('police', `/api/agreements?ags=${OWN_AGS}`);
    const process = await first('coach', '/api/coaching');
    const council = await first('council_member', '/api/councils');
    const policeCouncil = await first('police', '/api/councils');
    const open: [Role, string][] = [
      ['commune', `/api/analyses/${analysis}`], ['commune', `/api/consultations/${consultation}`], ['commune', `/api/agreements/${agreement}`],
      ['commune', `/api/alliance/communes/${OWN_AGS}/stage`], ['commune', `/api/alliance/communes/${OWN_AGS}/timeline`], ['commune', `/api/crime/communes/${OWN_AGS}`],
      ['commune', `/api/communes/${OWN_AGS}/age-structure`],
      ['police', `/api/consultations/${consultation}`], ['police', `/api/agreements/${agreement}`], ['police', `/api/alliance/communes/${OWN_AGS}/stage`],
      ['police', `/api/crime/communes/${OWN_AGS}`],
      ['analyst', `/api/analyses/${analysis}`], ['analyst', `/api/analyses/${analysis}/questionnaire`], ['analyst', `/api/crime/communes/${OWN_AGS}`],
      ['analyst', `/api/communes/${OWN_AGS}/age-structure`],
      ['coach', `/api/coaching/${process}`],
      ['council_member', `/api/councils/${council}`], ['council_member', `/api/councils/${council}/decisions`], ['council_member', `/api/councils/${council}/persons`],
      ['police', `/api/councils/${policeCouncil}`], ['commune', `/api/councils/${council}/meetings`],
      // A council member reads the commune's analysis results and report (not the survey's operation).
      ['council_member', `/api/analyses/${analysis}/findings`], ['council_member', `/api/analyses/${analysis}/reports`], ['council_member', `/api/analyses/${analysis}/recommendations`],
    ];
    for (const [role, url] of open) expect((await call(role, 'GET', url)).statusCode, `${role} GET ${url}`).toBe(200);
    for (const url of [`/api/analyses/${analysis}`, `/api/analyses/${analysis}/sample`, `/api/analyses/${analysis}/monitoring`]) {
      expect([403, 404], `council_member GET ${url}`).toContain((await call('council_member', 'GET', url)).statusCode);
    }
  });

  it('signs in every scoped role (the matrix would pass vacuously otherwise)', async () => {
    for (const role of SCOPED) expect((await call(role, 'GET', '/api/auth/session')).json().user?.grants?.some((g: { role: string }) => g.role === role)).toBe(true);
    await expect(login(t.app, 'nobody@example.org', 'x')).rejects.toThrow();
  });
});

const listIsEmpty = (json: unknown) => {
  if (Array.isArray(json)) return json.length === 0;
  const items = (json as { items?: unknown[] })?.items;
  return Array.isArray(items) && items.length === 0;
};
