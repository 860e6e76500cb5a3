import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from './helpers.js';
import { ROLES, type Role } from '../src/server/auth/roles.js';

/**
 * The security review's table: who may call which route. Every route of the app must appear here,
 * so a new route without a reviewed rule fails the suite. 'public' = everyone including anonymous.
 */
const LPR: Role[] = ['lpr_admin', 'lpr_staff'];
const ADMIN: Role[] = ['lpr_admin'];
const INTERNAL: Role[] = ['lpr_admin', 'lpr_staff', 'commune', 'police'];
const COACHING_READ: Role[] = ['lpr_admin', 'lpr_staff', 'commune', 'coach'];
const COACHING_REQUEST: Role[] = ['lpr_admin', 'lpr_staff', 'commune'];
const COACHING_RUN: Role[] = ['lpr_admin', 'lpr_staff', 'coach'];
const ANALYSIS_READ: Role[] = ['lpr_admin', 'lpr_staff', 'analyst', 'commune'];
const ANALYSIS_WORK: Role[] = ['lpr_admin', 'lpr_staff', 'analyst'];
const CRIME_IMPORT: Role[] = ['lpr_admin', 'lpr_staff', 'police'];
const CRIME_COMMUNE: Role[] = ['lpr_admin', 'lpr_staff', 'police', 'commune', 'analyst'];
const RECOMMENDATION_MANAGE: Role[] = ['lpr_admin', 'lpr_staff', 'commune'];
const EVALUATION_READ: Role[] = ['lpr_admin', 'lpr_staff', 'analyst', 'commune', 'council_member'];
const COUNCIL_READ: Role[] = ['lpr_admin', 'lpr_staff', 'commune', 'council_member', 'police'];
const COUNCIL_MANAGE: Role[] = ['lpr_admin', 'lpr_staff', 'commune'];
const COUNCIL_TRACK: Role[] = ['lpr_admin', 'lpr_staff', 'commune', 'council_member'];
const EXPECTED: Record<string, 'public' | 'authenticated' | Role[]> = {
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/datasources': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/session': 'public',
  'GET /api/auth/providers': 'public',
  'POST /api/auth/logout': 'authenticated',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'GET /api/auth/oidc/login': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/admin/users': ADMIN,
  'POST /api/admin/users': ADMIN,
  'GET /api/admin/users/:id': ADMIN,
  'PUT /api/admin/users/:id': ADMIN,
  'POST /api/admin/users/:id/invitation': ADMIN,
  'GET /api/admin/audit': ADMIN,
  'GET /api/admin/audit/vocabulary': ADMIN,
  'GET /api/admin/audit.csv': ADMIN,
  'GET /api/communes': 'public',
  'GET /api/communes/:ags': 'public',
  'GET /api/districts': 'public',
  'GET /api/police-directorates': 'public',
  'GET /api/commune-groups': 'public',
  'GET /api/commune-groups/:id': 'public',
  'POST /api/commune-groups': LPR,
  'PUT /api/commune-groups/:id': LPR,
  'DELETE /api/commune-groups/:id': LPR,
  'GET /api/registry-imports': ADMIN,
  'POST /api/registry-imports': ADMIN,
  'GET /api/registry-imports/:id': ADMIN,
  'POST /api/registry-imports/:id/apply': ADMIN,
  'GET /api/public/figures': 'public',
  'GET /api/public/figures/series': 'public',
  'GET /api/public/figures/press-text': 'public',
  'GET /api/exports': 'authenticated',
  'GET /api/dashboard': 'authenticated',
  'GET /api/exports/:key': 'authenticated',
  'GET /api/public/map': 'public',
  'GET /api/public/map/timeline': 'public',
  'GET /api/public/map/settings': 'public',
  'GET /api/public/static/:file': 'public',
  'GET /api/public/agreements': 'public',
  'GET /api/fields-of-action': 'public',
  'POST /api/fields-of-action': LPR,
  'PUT /api/fields-of-action/:id': LPR,
  'GET /api/consultations': INTERNAL,
  'POST /api/consultations': LPR,
  'GET /api/consultations/:id': INTERNAL,
  'PUT /api/consultations/:id': LPR,
  'DELETE /api/consultations/:id': LPR,
  'GET /api/consultation-tasks': LPR,
  'PUT /api/consultation-tasks/:id': LPR,
  'GET /api/alliance/staff': LPR,
  'GET /api/alliance/communes/:ags/stage': INTERNAL,
  'POST /api/alliance/milestones': LPR,
  'DELETE /api/alliance/milestones/:id': LPR,
  'GET /api/alliance/communes/:ags/timeline': INTERNAL,
  'GET /api/alliance/communes/:ags/timeline.pdf': INTERNAL,
  'GET /api/alliance/communes/export': LPR,
  'GET /api/agreement-template': LPR,
  'PUT /api/agreement-template': LPR,
  'GET /api/agreements': INTERNAL,
  'POST /api/agreements': LPR,
  'GET /api/agreements/:id': INTERNAL,
  'PUT /api/agreements/:id': LPR,
  'DELETE /api/agreements/:id': LPR,
  'POST /api/agreements/:id/transitions': LPR,
  'GET /api/agreements/:id/revisions/:revision': INTERNAL,
  'GET /api/agreements/:id/document': INTERNAL,
  'POST /api/agreements/:id/scan': LPR,
  'GET /api/agreements/:id/scan': INTERNAL,
  'GET /api/coaches': ['lpr_admin', 'lpr_staff', 'coach'],
  'POST /api/coaches': LPR,
  'PUT /api/coaches/:id': LPR,
  'GET /api/coaching': COACHING_READ,
  'POST /api/coaching': COACHING_REQUEST,
  'GET /api/coaching/coachees': COACHING_REQUEST,
  'GET /api/coaching/:id': COACHING_READ,
  'GET /api/coaching/:id/candidates': LPR,
  'POST /api/coaching/:id/transitions': COACHING_RUN,
  'POST /api/coaching/:id/sessions': COACHING_RUN,
  'POST /api/coaching/:id/feedback': COACHING_REQUEST,
  'GET /api/analyses': ANALYSIS_READ,
  'POST /api/analyses': LPR,
  'GET /api/analyses/:id': ANALYSIS_READ,
  'PUT /api/analyses/:id/phases/:key': ANALYSIS_WORK,
  'PUT /api/analyses/:id/tasks/:key': ANALYSIS_READ,
  'PUT /api/analyses/:id/districts': ANALYSIS_WORK,
  'PUT /api/analyses/:id/district-areas': ANALYSIS_WORK,
  'GET /api/analyses/:id/map': ANALYSIS_READ,
  'POST /api/analyses/:id/complete': ANALYSIS_WORK,
  'GET /api/analyses/:id/questionnaire': ANALYSIS_READ,
  'PUT /api/analyses/:id/questionnaire': ANALYSIS_WORK,
  'GET /api/analyses/:id/questionnaire.pdf': ANALYSIS_WORK,
  'POST /api/analyses/:id/field-phase': ANALYSIS_WORK,
  'GET /api/survey-items': ANALYSIS_WORK,
  'GET /api/survey-items/:code': ANALYSIS_WORK,
  'POST /api/survey-items': LPR,
  'POST /api/survey-items/:code/versions': LPR,
  'PUT /api/survey-items/:code/active': LPR,
  'GET /api/analyses/:id/sample': ANALYSIS_READ,
  'POST /api/analyses/:id/sample': ANALYSIS_WORK,
  'GET /api/analyses/:id/letter': ANALYSIS_READ,
  'PUT /api/analyses/:id/letter': ANALYSIS_WORK,
  'POST /api/analyses/:id/letter/crest': ANALYSIS_WORK,
  'POST /api/analyses/:id/letters': ANALYSIS_WORK,
  'DELETE /api/analyses/:id/personal-data': ANALYSIS_WORK,
  'POST /api/analyses/:id/field-phase/close': ANALYSIS_WORK,
  'PUT /api/analyses/:id/mix-threshold': ANALYSIS_WORK,
  'GET /api/analyses/:id/monitoring': ANALYSIS_READ,
  'GET /api/analyses/:id/paper-entries': ANALYSIS_WORK,
  'POST /api/analyses/:id/paper-entries': ANALYSIS_WORK,
  'GET /api/analyses/:id/export': ANALYSIS_WORK,
  'POST /api/public/survey/open': 'public',
  'PUT /api/public/survey/draft': 'public',
  'POST /api/public/survey/submit': 'public',
  'POST /api/crime/imports': CRIME_IMPORT,
  'GET /api/crime/imports': CRIME_IMPORT,
  'GET /api/crime/catalogue': 'authenticated',
  'GET /api/crime/kreise': 'authenticated',
  'GET /api/crime/communes/:ags': CRIME_COMMUNE,
  'GET /api/communes/:ags/age-structure': ANALYSIS_READ,
  'PUT /api/communes/:ags/age-structure': ANALYSIS_WORK,
  'GET /api/analyses/:id/weighting': EVALUATION_READ,
  'PUT /api/analyses/:id/weighting': ANALYSIS_WORK,
  'GET /api/analyses/:id/findings': EVALUATION_READ,
  'GET /api/analyses/:id/recommendations': EVALUATION_READ,
  'POST /api/analyses/:id/recommendations': ANALYSIS_WORK,
  'PUT /api/analyses/:id/recommendations/:recommendationId': ANALYSIS_WORK,
  'PUT /api/analyses/:id/recommendations/:recommendationId/state': RECOMMENDATION_MANAGE,
  'DELETE /api/analyses/:id/recommendations/:recommendationId': ANALYSIS_WORK,
  'GET /api/analyses/:id/report': EVALUATION_READ,
  'GET /api/analyses/:id/reports': EVALUATION_READ,
  'POST /api/analyses/:id/reports': ANALYSIS_WORK,
  'GET /api/analyses/:id/reports/:reportId/:format': EVALUATION_READ,
  'GET /api/councils': COUNCIL_READ,
  'POST /api/councils': COUNCIL_MANAGE,
  'GET /api/councils/:id': COUNCIL_READ,
  'PUT /api/councils/:id': COUNCIL_MANAGE,
  'POST /api/councils/:id/states': COUNCIL_MANAGE,
  'POST /api/councils/:id/rules': COUNCIL_MANAGE,
  'POST /api/councils/:id/bodies': COUNCIL_MANAGE,
  'GET /api/councils/:id/bodies/:childId': COUNCIL_READ,
  'PUT /api/councils/:id/bodies/:childId': COUNCIL_MANAGE,
  'DELETE /api/councils/:id/bodies/:childId': COUNCIL_MANAGE,
  'POST /api/councils/:id/bodies/:childId/memberships': COUNCIL_MANAGE,
  'PUT /api/councils/:id/memberships/:childId': COUNCIL_MANAGE,
  'DELETE /api/councils/:id/memberships/:childId': COUNCIL_MANAGE,
  'GET /api/councils/:id/persons': COUNCIL_READ,
  'POST /api/councils/:id/persons': COUNCIL_MANAGE,
  'PUT /api/councils/:id/persons/:childId': COUNCIL_MANAGE,
  'DELETE /api/councils/:id/persons/:childId': COUNCIL_MANAGE,
  'POST /api/councils/:id/persons/:childId/calendar-token': COUNCIL_READ,
  'POST /api/councils/:id/papers': COUNCIL_MANAGE,
  'PUT /api/councils/:id/papers/:childId': COUNCIL_MANAGE,
  'POST /api/councils/:id/files': COUNCIL_MANAGE,
  'GET /api/councils/:id/files/:childId': COUNCIL_READ,
  'DELETE /api/councils/:id/files/:childId': COUNCIL_MANAGE,
  'GET /api/councils/:id/recommendations': COUNCIL_READ,
  'GET /api/councils/:id/meetings': COUNCIL_READ,
  'POST /api/councils/:id/meetings': COUNCIL_MANAGE,
  'GET /api/councils/:id/meetings/:childId': COUNCIL_READ,
  'PUT /api/councils/:id/meetings/:childId': COUNCIL_MANAGE,
  'POST /api/councils/:id/meetings/:childId/invitation': COUNCIL_MANAGE,
  'POST /api/councils/:id/meetings/:childId/cancel': COUNCIL_MANAGE,
  'POST /api/councils/:id/meetings/:childId/held': COUNCIL_MANAGE,
  'POST /api/councils/:id/meetings/:childId/agenda': COUNCIL_MANAGE,
  'PUT /api/councils/:id/agenda/:childId': COUNCIL_MANAGE,
  'PUT /api/councils/:id/meetings/:childId/agenda-order': COUNCIL_MANAGE,
  'DELETE /api/councils/:id/agenda/:childId': COUNCIL_MANAGE,
  'PUT /api/councils/:id/meetings/:childId/attendance': COUNCIL_MANAGE,
  'PUT /api/councils/:id/meetings/:childId/minutes': COUNCIL_MANAGE,
  'POST /api/councils/:id/meetings/:childId/minutes/approval': COUNCIL_MANAGE,
  'POST /api/councils/:id/meetings/:childId/decisions': COUNCIL_MANAGE,
  'PUT /api/councils/:id/decisions/:childId': COUNCIL_MANAGE,
  'DELETE /api/councils/:id/decisions/:childId': COUNCIL_MANAGE,
  'PUT /api/councils/:id/decisions/:childId/tracking': COUNCIL_TRACK,
  'GET /api/councils/:id/decisions': COUNCIL_READ,
  'GET /api/councils/:id/decisions/:childId': COUNCIL_READ,
  'GET /api/decisions/mine': 'authenticated',
  'GET /api/public/councils': 'public',
  'GET /api/public/councils/:id': 'public',
  'GET /api/public/councils/:id/meetings/:childId': 'public',
  'GET /api/public/councils/:id/files/:childId': 'public',
  'GET /api/public/councils/:id/calendar.ics': 'public',
  'GET /api/calendar/:token': 'public',
  // Council documents (routes-documents.ts): minutes and the Präventionsbericht.
  'GET /api/councils/:id/meetings/:childId/minutes.pdf': COUNCIL_READ,
  'GET /api/councils/:id/meetings/:childId/minutes.docx': COUNCIL_READ,
  'GET /api/councils/:id/reports': COUNCIL_READ,
  'POST /api/councils/:id/reports': COUNCIL_MANAGE,
  'GET /api/councils/:id/reports/:childId': COUNCIL_READ,
  'PUT /api/councils/:id/reports/:childId': COUNCIL_MANAGE,
  'POST /api/councils/:id/reports/:childId/publish': COUNCIL_MANAGE,
  'GET /api/councils/:id/reports/:childId/report.pdf': COUNCIL_READ,
  'GET /api/councils/:id/reports/:childId/report.docx': COUNCIL_READ,
  'GET /api/public/councils/:id/meetings/:childId/minutes.pdf': 'public',
  'GET /api/public/councils/:id/meetings/:childId/minutes.docx': 'public',
  'GET /api/public/councils/:id/reports': 'public',
  'GET /api/public/councils/:id/reports/:childId/report.pdf': 'public',
  'GET /api/public/councils/:id/reports/:childId/report.docx': 'public',
  // The councils' OParl 1.1 API (outside /api, hidden from the OpenAPI document): public open data, no session.
  'OPTIONS /oparl/v1.1': 'public',
  'OPTIONS /oparl/v1.1/*': 'public',
  'GET /oparl/v1.1/*': 'public',
  'GET /oparl/v1.1': 'public',
  'GET /oparl/v1.1/body': 'public',
  'GET /oparl/v1.1/body/:id': 'public',
  'GET /oparl/v1.1/body/:id/organization': 'public',
  'GET /oparl/v1.1/body/:id/person': 'public',
  'GET /oparl/v1.1/body/:id/membership': 'public',
  'GET /oparl/v1.1/body/:id/meeting': 'public',
  'GET /oparl/v1.1/body/:id/agendaItem': 'public',
  'GET /oparl/v1.1/body/:id/paper': 'public',
  'GET /oparl/v1.1/body/:id/consultation': 'public',
  'GET /oparl/v1.1/body/:id/file': 'public',
  'GET /oparl/v1.1/body/:id/locationList': 'public',
  'GET /oparl/v1.1/body/:id/legislativeTermList': 'public',
  'GET /oparl/v1.1/organization/:id': 'public',
  'GET /oparl/v1.1/organization/:id/meeting': 'public',
  'GET /oparl/v1.1/person/:id': 'public',
  'GET /oparl/v1.1/membership/:id': 'public',
  'GET /oparl/v1.1/meeting/:id': 'public',
  'GET /oparl/v1.1/meeting/:id/resultsProtocol': 'public',
  'GET /oparl/v1.1/meeting/:id/resultsProtocol/access': 'public',
  'GET /oparl/v1.1/meeting/:id/resultsProtocol/download': 'public',
  'GET /oparl/v1.1/agendaItem/:id': 'public',
  'GET /oparl/v1.1/paper/:id': 'public',
  'GET /oparl/v1.1/consultation/:id': 'public',
  'GET /oparl/v1.1/file/:id': 'public',
  'GET /oparl/v1.1/location/:id': 'public',
  'GET /oparl/v1.1/file/:id/access': 'public',
  'GET /oparl/v1.1/file/:id/download': 'public',
};

/**
 * Scope on top of the role: a caller whose role passes the route but whose scope does not cover the sample
 * (another commune, another directorate, analyses elsewhere) is refused with 403 or 404; `passes` lists who
 * still gets through. Aue (14521035) has age margins but no analysis of the demo analyst; Dippoldiswalde
 * (14628060) lies outside the demo police's directorate.
 */
const FOREIGN_SCOPE: Record<string, { params: Record<string, string>; passes: Role[] }> = {
  'GET /api/communes/:ags/age-structure': { params: { ags: '14521035' }, passes: LPR },
  'GET /api/alliance/communes/:ags/stage': { params: { ags: '14628060' }, passes: LPR },
  'GET /api/alliance/communes/:ags/timeline': { params: { ags: '14628060' }, passes: LPR },
  'GET /api/alliance/communes/:ags/timeline.pdf': { params: { ags: '14628060' }, passes: LPR },
};

const SAMPLE_PARAMS: Record<string, string> = { ags: '14521550', id: '00000000-0000-4000-8000-000000000000', revision: '1', key: 'kickoff', code: 'AF01', recommendationId: '00000000-0000-4000-8000-000000000001', reportId: '00000000-0000-4000-8000-000000000002', format: 'pdf', childId: '00000000-0000-4000-8000-000000000003', token: 'x' };
/** Third-party plugin routes (API docs, web assets); the modules' root APIs (OParl) are reviewed like /api. */
const isPluginRoute = (url: string) => url.startsWith('/api/docs') || (!url.startsWith('/api/') && !url.startsWith('/oparl/'));

let t: TestApp;
const sessions = new Map<Role, Session>();
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) sessions.set(role, await loginAs(t.app, role));
});
afterAll(async () => { await t?.close(); });

describe('role × route access matrix', () => {
  it('has a reviewed rule for every route, and no stale entries', () => {
    const routes = t.app.routeTable.filter((r) => !isPluginRoute(r.url)).map((r) => `${r.method} ${r.url}`);
    for (const r of routes) expect(Object.keys(EXPECTED), `route ${r} has no entry in the access matrix`).toContain(r);
    for (const e of Object.keys(EXPECTED)) expect(routes, `matrix entry ${e} matches no route`).toContain(e);
  });

  it('serves third-party plugin routes (API docs, web assets) publicly only', () => {
    for (const r of t.app.routeTable.filter((x) => isPluginRoute(x.url))) expect(r.access.kind, r.url).toBe('public');
  });

  const callers: (Role | 'anonymous')[] = ['anonymous', ...ROLES];
  for (const [route, rule] of Object.entries(EXPECTED)) {
    if (route.includes('/logout')) continue; // would end the shared sessions; covered in auth.test.ts
    it(`enforces ${route}`, async () => {
      const [method, pattern] = route.split(' ') as [string, string];
      const url = pattern.replace(/:(\w+)/g, (_, p: string) => SAMPLE_PARAMS[p]!);
      for (const caller of callers) {
        const headers = caller === 'anonymous' ? {} : sessions.get(caller)!.headers;
        const res = await t.app.inject({ method: method as 'GET', url, headers, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
        const allowed = rule === 'public' || (rule === 'authenticated' ? caller !== 'anonymous' : caller !== 'anonymous' && rule.includes(caller));
        if (allowed) expect([401, 403], `${caller} should pass ${route} (got ${res.statusCode} ${res.body.slice(0, 120)})`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${caller} must be refused on ${route}`).toBe(caller === 'anonymous' ? 401 : 403);
      }
    });
  }

  for (const [route, { params, passes }] of Object.entries(FOREIGN_SCOPE)) {
    it(`enforces the scope of ${route}`, async () => {
      const rule = EXPECTED[route];
      expect(Array.isArray(rule), `${route} is role-limited`).toBe(true);
      const [method, pattern] = route.split(' ') as [string, string];
      const url = pattern.replace(/:(\w+)/g, (_, p: string) => params[p] ?? SAMPLE_PARAMS[p]!);
      for (const caller of rule as Role[]) {
        const res = await t.app.inject({ method: method as 'GET', url, headers: sessions.get(caller)!.headers });
        if (passes.includes(caller)) expect([401, 403, 404], `${caller} should pass ${url} (got ${res.statusCode})`).not.toContain(res.statusCode);
        else expect([403, 404], `${caller} must be refused on ${url} (got ${res.statusCode})`).toContain(res.statusCode);
      }
    });
  }
});
