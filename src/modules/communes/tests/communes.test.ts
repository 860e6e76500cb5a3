import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../../../test/helpers.js';
import { buildCommuneUser } from '../../auth/tests/factories.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
const get = async (url: string) => { const r = await t.app.inject(url); return { status: r.statusCode, body: r.json() }; };

describe('commune registry', () => {
  it('holds all 418 Saxon municipalities of 31.12.2023', async () => {
    const r = await get('/api/communes?limit=1');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(418);
    expect(r.body.items).toHaveLength(1);
  });

  it('has the 13 Kreise, each assigned to one of 5 Polizeidirektionen with the right communes', async () => {
    const d = (await get('/api/districts')).body.items as { ags: string; communeCount: number; policeDirectorateId: string; population: number }[];
    expect(d).toHaveLength(13);
    expect(d.reduce((s, x) => s + x.communeCount, 0)).toBe(418);
    expect(d.find((x) => x.ags === '14521')).toMatchObject({ communeCount: 59, policeDirectorateId: 'chemnitz' });
    expect(d.find((x) => x.ags === '14522')!.communeCount).toBe(52); // Mittelsachsen after the Jahnatal merger
    const pds = (await get('/api/police-directorates')).body.items as { id: string; districts: unknown[] }[];
    expect(pds.map((p) => p.id)).toEqual(['chemnitz', 'dresden', 'goerlitz', 'leipzig', 'zwickau']);
    expect(pds.find((p) => p.id === 'leipzig')!.districts).toHaveLength(3);
  });

  it('searches by name and by AGS prefix', async () => {
    expect((await get('/api/communes?q=Schwarzenberg')).body.items.map((c: { ags: string }) => c.ags)).toEqual(['14521550']);
    const byAgs = (await get('/api/communes?q=145215')).body;
    expect(byAgs.items.every((c: { ags: string }) => c.ags.startsWith('145215'))).toBe(true);
    expect(byAgs.total).toBeGreaterThan(3);
    expect((await get(`/api/communes?q=${encodeURIComponent('Lößnitz')}`)).body.total).toBe(1);
    expect((await get('/api/communes?q=%25')).body.total).toBe(0); // wildcards are literal
  });

  it('filters by Kreis and Polizeidirektion, sorts and paginates', async () => {
    const zwickau = (await get('/api/communes?directorate=zwickau&limit=500')).body;
    expect(zwickau.total).toBe(37 + 33);
    expect(zwickau.items.every((c: { policeDirectorateId: string }) => c.policeDirectorateId === 'zwickau')).toBe(true);
    const largest = (await get('/api/communes?sort=population&dir=desc&limit=3')).body.items.map((c: { name: string }) => c.name);
    expect(largest).toEqual(['Leipzig, Stadt', 'Dresden, Stadt', 'Chemnitz, Stadt']);
    const page1 = (await get('/api/communes?district=14521&sort=name&limit=10')).body;
    const page2 = (await get('/api/communes?district=14521&sort=name&limit=10&offset=10')).body;
    expect(page1.total).toBe(59);
    expect(page2.items[0].name > page1.items[9].name).toBe(true);
  });

  it('names the bad parameter', async () => {
    const r = await get('/api/communes?sort=farbe');
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('sort');
    expect((await get('/api/communes?limit=0')).body.field).toBe('limit');
  });

  it('shows a commune with Kreis, Polizeidirektion, Verband, groups, population and outline', async () => {
    const r = await get('/api/communes/14521550');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: 'Schwarzenberg/Erzgeb., Stadt', type: 'Stadt', isGrosseKreisstadt: true, districtName: 'Erzgebirgskreis',
      policeDirectorateName: 'Polizeidirektion Chemnitz', associationType: 'verbandsfreie Gemeinde', referenceDate: '2023-12-31',
    });
    expect(r.body.population).toBe(r.body.populationMale + r.body.populationFemale);
    expect(r.body.groups.map((g: { name: string }) => g.name)).toContain('Städtebund Silberberg');
    expect(r.body.geometry.type).toMatch(/Polygon/);
    const vg = (await get('/api/communes/14521060')).body; // Bärenstein, VG Bärenstein-Königswalde
    expect(vg.associationType).toBe('Verwaltungsgemeinschaft');
    expect(vg.associationMembers.map((m: { ags: string }) => m.ags)).toEqual(['14521340']);
  });

  it('has Jahnatal with one outline merged from Ostrau and Zschaitz-Ottewig', async () => {
    const j = (await get('/api/communes/14522275')).body;
    expect(j.name).toBe('Jahnatal');
    expect(j.geometry.type).toBe('Polygon');
    expect((await get('/api/communes/14522450')).status).toBe(404);
  });

  it('answers 404 for an unknown and 400 for a malformed AGS, as problem+json', async () => {
    const unknown = await t.app.inject('/api/communes/14999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const bad = await get('/api/communes/abc');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', field: 'ags' });
  });
});

describe('commune groups', () => {
  it('lets LPR staff create, rename and delete a group, audited, with version checks', async () => {
    const s = await loginAs(t.app, 'lpr_staff');
    const created = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload: {
      name: 'Dreiländereck', kind: 'Region', members: ['14626390', '14626110'] } });
    expect(created.statusCode).toBe(201);
    const g = created.json();
    expect(g.members).toHaveLength(2);
    const renamed = await t.app.inject({ method: 'PUT', url: `/api/commune-groups/${g.id}`, headers: s.headers, payload: {
      name: 'Region Dreiländereck', kind: 'Region', description: 'Zittau und Umgebung', members: ['14626390'], version: g.version } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Region Dreiländereck', version: g.version + 1 });
    const stale = await t.app.inject({ method: 'PUT', url: `/api/commune-groups/${g.id}`, headers: s.headers, payload: {
      name: 'Überschrieben', kind: 'Region', members: ['14626390'], version: g.version } });
    expect(stale.statusCode).toBe(409);
    expect((await get(`/api/commune-groups/${g.id}`)).body.name).toBe('Region Dreiländereck');
    const staleDelete = await t.app.inject({ method: 'DELETE', url: `/api/commune-groups/${g.id}?version=${g.version}`, headers: s.headers });
    expect(staleDelete.statusCode).toBe(409);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/commune-groups/${g.id}?version=${g.version + 1}`, headers: s.headers });
    expect(del.statusCode).toBe(204);
    expect((await get(`/api/commune-groups/${g.id}`)).status).toBe(404);
    const admin = await loginAs(t.app, 'lpr_admin');
    const audit = (await t.app.inject({ url: `/api/admin/audit?entityType=commune_group&entityId=${g.id}`, headers: admin.headers })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['commune_group.deleted', 'commune_group.updated', 'commune_group.created']);
    expect(audit.items[1].changes.name).toEqual(['Dreiländereck', 'Region Dreiländereck']);
    expect(audit.items[1].actorLabel).toBe('referentin@lpr.demo');
  });

  it('rejects unknown members and duplicate names, naming the field, and stores nothing', async () => {
    const s = await loginAs(t.app, 'lpr_staff');
    const before = (await get('/api/commune-groups')).body.items.length;
    const bad = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload: {
      name: 'Falsch', kind: 'Region', members: ['14521550', '14999999'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('members.1');
    const dup = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload: {
      name: 'Städtebund Silberberg', kind: 'Städtebund', members: ['14521550'] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('name');
    const noKind = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload: { name: 'X Y', kind: 'Club', members: ['14521550'] } });
    expect(noKind.json().field).toBe('kind');
    expect((await get('/api/commune-groups')).body.items.length).toBe(before);
  });
});

describe('groups say what the viewer may do', () => {
  it('LPR staff may change and delete groups; the public and communes only read them', async () => {
    const staff = await loginAs(t.app, 'lpr_staff');
    const aue = await buildCommuneUser(t.app, '14521035');
    const [first] = (await get('/api/commune-groups')).body.items;
    expect(first.can).toEqual({ update: false, delete: false });
    expect((await t.app.inject({ url: `/api/commune-groups/${first.id}`, headers: aue.session.headers })).json().can).toEqual({ update: false, delete: false });
    expect((await t.app.inject({ url: `/api/commune-groups/${first.id}`, headers: staff.headers })).json().can).toEqual({ update: true, delete: true });
  });
});

describe('age structure access', () => {
  const ageStructure = (headers: Record<string, string>, ags: string) => t.app.inject({ url: `/api/communes/${ags}/age-structure`, headers });

  it('a commune reads its own margins, not another commune\'s, and may not correct them', async () => {
    const aue = await buildCommuneUser(t.app, '14521035');
    const own = await ageStructure(aue.session.headers, '14521035');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ ags: '14521035', can: { edit: false } });
    const other = await ageStructure(aue.session.headers, '14521550');
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toBe('Sie können die Altersstruktur nur für Ihre Gemeinde oder die Gemeinden Ihrer Analysen einsehen.');
    const put = await t.app.inject({ method: 'PUT', url: '/api/communes/14521035/age-structure', headers: aue.session.headers,
      payload: { referenceDate: '2024-12-31', source: 'Statistisches Landesamt', cells: own.json().cells, version: own.json().version } });
    expect(put.statusCode).toBe(403);
  });

  it('an analyst corrects the margins of the communes of their analyses only; LPR staff everywhere', async () => {
    const analyst = await loginAs(t.app, 'analyst');
    const staff = await loginAs(t.app, 'lpr_staff');
    expect((await ageStructure(analyst.headers, '14521550')).json().can).toEqual({ edit: true });
    const aue = (await ageStructure(staff.headers, '14521035')).json();
    expect(aue.can).toEqual({ edit: true });
    const refused = await t.app.inject({ method: 'PUT', url: '/api/communes/14521035/age-structure', headers: analyst.headers,
      payload: { referenceDate: '2024-12-31', source: 'Statistisches Landesamt', cells: aue.cells, version: aue.version } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Sie können die Altersstruktur nur für Gemeinden Ihrer Analysen pflegen.');
    expect((await ageStructure(staff.headers, '14999999')).statusCode).toBe(404);
  });
});
