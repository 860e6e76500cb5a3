import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { createTestApp, login, loginAs, roleCaller, type Session, type TestApp } from '../../../../test/helpers.js';
import { newProject, openFieldPhase } from '../../surveys/tests/factories.js';
import { analysisProjects, surveyResponses } from '../../surveys/schema.js';
import { createUser } from '../../auth/create-user.js';
import { systemContext } from '../../../server/audit/record.js';
import { WAVES_WITHHELD_TEXT } from '../report-model.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
let first: string;   // sa-schwarzenberg-2022, completed
let second: string;  // sa-schwarzenberg-2026, running
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'analyst', 'commune', 'police']);
  const rows = await t.database.db.select({ id: analysisProjects.id, code: analysisProjects.code }).from(analysisProjects);
  first = rows.find((r) => r.code === 'sa-schwarzenberg-2022')!.id;
  second = rows.find((r) => r.code === 'sa-schwarzenberg-2026')!.id;
});
afterAll(async () => { await t?.close(); });

type Cell = { estimate: number | null; low: number | null; high: number | null; respondents: number; suppressed: boolean };
type Indicator = { key: string; overall: Cell; byDistrict: (Cell & { level: string })[]; byAgeGroup: Cell[]; bySex: (Cell & { level: string })[] };
const findings = async (id = first, who: 'analyst' | 'commune' | 'lpr_staff' = 'analyst') => {
  const res = await call(who, 'GET', `/api/analyses/${id}/findings`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const weighting = async (id = first) => (await call('analyst', 'GET', `/api/analyses/${id}/weighting`)).json();
const allCells = (f: { indicators: Indicator[] }) => f.indicators.flatMap((i) => [i.overall, ...i.byDistrict, ...i.byAgeGroup, ...i.bySex]);

describe('findings of the completed demo analysis', () => {
  it('reports weighted shares with confidence intervals, overall and by Ortsteil, age group and sex', async () => {
    const f = await findings();
    expect(f.responses).toBe(449);
    expect(f.weighting).toMatchObject({ method: 'rake', converged: true, variables: ['age_group', 'sex'] });
    expect(f.weighting.margins[0].source).toContain('Melderegister');
    expect(f.weighting.maxMarginDeviation).toBeLessThan(1);
    const unsafe = f.indicators.find((i: Indicator) => i.key === 'unsafe_night') as Indicator;
    expect(unsafe.overall.estimate).toBeGreaterThan(0.3);
    expect(unsafe.overall.low).toBeLessThan(unsafe.overall.estimate!);
    expect(unsafe.overall.high).toBeGreaterThan(unsafe.overall.estimate!);
    expect(unsafe.byDistrict.map((d) => d.level)).toContain('Sonnenleithe');
    expect(unsafe.bySex.map((d) => d.level)).toEqual(['männlich', 'weiblich']);
    // The demo pattern: women feel less safe than men.
    expect(unsafe.bySex[1]!.estimate!).toBeGreaterThan(unsafe.bySex[0]!.estimate!);
    expect(f.incivilitiesRanked).toHaveLength(8);
    expect(f.indicators.map((i: Indicator) => i.key)).toEqual(expect.arrayContaining(['victim_any', 'reported', 'trust:TR01_a', 'trust:TR01_b', 'victim_thoughts', 'avoidance_any']));
  });

  it('suppresses every cell with fewer than 10 respondents and shows fear places only as clusters of 5+', async () => {
    const f = await findings();
    const cells = allCells(f);
    expect(cells.some((c) => c.suppressed)).toBe(true);
    for (const c of cells) {
      if (c.respondents < 10) expect(c).toMatchObject({ suppressed: true, estimate: null, low: null, high: null });
      else expect(c.suppressed).toBe(false);
    }
    expect(f.fearPlaces.clusters.length).toBeGreaterThan(0);
    for (const c of f.fearPlaces.clusters) expect(c.respondents).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(f.fearPlaces)).not.toMatch(/"note"/);
  });

  it('sets recorded crime next to perceived safety, and compares the two waves', async () => {
    const f = await findings();
    expect(f.crime).toMatchObject({ latestYear: 2022, kreis: 'Erzgebirgskreis' });
    expect(f.crime.total.kreis).toMatchObject({ cases: 10057, crimeRate: 3060 });
    expect(f.crime.trend.map((y: { year: number }) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(f.crimeVsPerception[0].recorded).toBeCloseTo(f.crime.total.commune.crimeRate, 6);
    expect(f.waves).toHaveLength(1);
    const wave = f.waves[0];
    expect(wave.project).toMatchObject({ code: 'sa-schwarzenberg-2026', earlier: false, status: 'running' });
    const unsafe = wave.rows.find((r: { key: string }) => r.key === 'unsafe_night');
    // Later minus earlier; the demo's first wave was more anxious.
    expect(unsafe.difference.estimate).toBeCloseTo(unsafe.other.estimate - unsafe.current.estimate, 12);
    expect(unsafe.difference.estimate).toBeLessThan(0);
    const later = await findings(second);
    expect(later.waves[0].project).toMatchObject({ code: 'sa-schwarzenberg-2022', earlier: true });
    expect(later.waves[0].rows.find((r: { key: string }) => r.key === 'unsafe_night').difference.estimate).toBeCloseTo(unsafe.difference.estimate, 12);
  });

  it('an analysis without answers yet has findings with nothing to show, and a report', async () => {
    const empty = await newProject(t, await loginAs(t.app, 'lpr_staff'), '14521035');
    const res = await call('lpr_staff', 'GET', `/api/analyses/${empty}/findings`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ responses: 0, indicators: [], fearPlaces: { clusters: [] } });
    expect((await call('lpr_staff', 'GET', `/api/analyses/${empty}/report`)).statusCode).toBe(200);
    // Field phase open, no answer yet: every indicator is there, every cell suppressed.
    await openFieldPhase(t, await loginAs(t.app, 'lpr_staff'), empty, 40);
    const open = (await call('lpr_staff', 'GET', `/api/analyses/${empty}/findings`)).json();
    expect(open.indicators.length).toBeGreaterThan(10);
    expect(allCells(open).every((c) => c.suppressed && c.respondents === 0)).toBe(true);
  });

  it('the commune reads its findings; police and other communes do not', async () => {
    expect((await call('commune', 'GET', `/api/analyses/${first}/findings`)).statusCode).toBe(200);
    expect((await call('police', 'GET', `/api/analyses/${first}/findings`)).statusCode).toBe(403);
    expect((await call('commune', 'PUT', `/api/analyses/${first}/weighting`, { design: 'stratified', calibration: 'none', variables: [], version: 1 })).statusCode).toBe(403);
  });
});

describe('weighting', () => {
  it('with equal weights and no calibration, a share is the plain share of the answers', async () => {
    const w = await weighting(second);
    const res = await call('analyst', 'PUT', `/api/analyses/${second}/weighting`, { design: 'simple', calibration: 'none', variables: [], version: w.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({ method: 'none', design: 'simple' });
    const rows = await t.database.db.select({ a: surveyResponses.answers }).from(surveyResponses).where(eq(surveyResponses.projectId, second));
    const valid = rows.map((r) => r.a.AF01).filter((v): v is number => typeof v === 'number');
    const expected = valid.filter((v) => v >= 3).length / valid.length;
    const f = await findings(second);
    const unsafe = f.indicators.find((i: Indicator) => i.key === 'unsafe_night');
    expect(unsafe.overall.estimate).toBeCloseTo(expected, 12);
    expect(unsafe.overall.respondents).toBe(valid.length);
  });

  it('rakes to Ortsteil, age group and sex from the register, reports convergence and weight range, and is audited', async () => {
    const w = await weighting(second);
    const res = await call('analyst', 'PUT', `/api/analyses/${second}/weighting`, {
      design: 'stratified', calibration: 'rake', variables: ['district', 'age_group', 'sex'], epsilon: 1e-9, maxIterations: 200, trimLower: 0.3, trimUpper: 3, version: w.version,
    });
    expect(res.statusCode).toBe(200);
    const r = res.json().result;
    expect(r).toMatchObject({ method: 'rake', converged: true, design: 'stratified' });
    expect(r.margins.map((m: { variable: string }) => m.variable)).toEqual(['district', 'age_group', 'sex']);
    expect(r.minWeight).toBeGreaterThan(0);
    expect(r.maxWeight).toBeGreaterThanOrEqual(r.minWeight);
    expect(r.effectiveSampleSize).toBeLessThanOrEqual(r.respondents);
    const admin = await loginAs(t.app, 'lpr_admin');
    const log = (await t.app.inject({ method: 'GET', url: '/api/admin/audit?action=analysis_weighting.computed', headers: admin.headers })).json();
    expect(log.items.some((e: { entityId: string }) => e.entityId === second)).toBe(true);
  });

  it('refuses a weighting it cannot compute, naming the reason, and keeps the previous one', async () => {
    const before = await weighting(second);
    // Every Ortsteil × age × sex cell as a post-stratum: some cells have no respondent.
    let res = await call('analyst', 'PUT', `/api/analyses/${second}/weighting`, { design: 'stratified', calibration: 'poststratify', variables: ['district', 'age_group', 'sex'], version: before.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/keine.*Antwort|no respondent|Antwort/i);
    res = await call('analyst', 'PUT', `/api/analyses/${second}/weighting`, { design: 'stratified', calibration: 'rake', variables: ['sex'], trimLower: 2, trimUpper: 3, version: before.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('trimLower');
    res = await call('analyst', 'PUT', `/api/analyses/${second}/weighting`, { design: 'stratified', calibration: 'rake', variables: ['sex'], version: before.version - 1 });
    expect(res.statusCode).toBe(409);
    const after = await weighting(second);
    expect(after.version).toBe(before.version);
    expect(after.result).toEqual(before.result);
  });

  it('publication thresholds are set per analysis', async () => {
    const w = await weighting(second);
    const res = await call('analyst', 'PUT', `/api/analyses/${second}/weighting`, { ...w.settings, minRespondents: 60, minClusterSize: 40, version: w.version });
    expect(res.statusCode).toBe(200);
    const f = await findings(second);
    expect(f.publication).toMatchObject({ minRespondents: 60, minClusterSize: 40 });
    for (const c of allCells(f)) expect(c.suppressed).toBe(c.respondents < 60);
    for (const c of f.fearPlaces.clusters) expect(c.respondents).toBeGreaterThanOrEqual(40);
  });
});

describe('age structure in the registry', () => {
  it('keeps age group × sex counts with their source, version-checked and complete', async () => {
    const current = (await call('analyst', 'GET', '/api/communes/14521550/age-structure')).json();
    expect(current.source).toContain('Demo-Schätzung');
    expect(current.cells).toHaveLength(14);
    const cells = current.cells.map((c: { count: number }, i: number) => ({ ...c, count: i === 0 ? c.count + 10 : c.count }));
    let res = await call('lpr_staff', 'PUT', '/api/communes/14521550/age-structure', { referenceDate: '2024-12-31', source: 'Statistisches Landesamt, Bevölkerung nach Alter', cells, version: current.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(current.total + 10);
    res = await call('lpr_staff', 'PUT', '/api/communes/14521550/age-structure', { referenceDate: '2024-12-31', source: 'x', cells, version: current.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('source');
    res = await call('lpr_staff', 'PUT', '/api/communes/14521550/age-structure', { referenceDate: '2024-12-31', source: 'Statistisches Landesamt', cells: cells.slice(1), version: current.version + 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('16-24 m');
    res = await call('lpr_staff', 'PUT', '/api/communes/14521550/age-structure', { referenceDate: '2024-12-31', source: 'Statistisches Landesamt', cells, version: current.version });
    expect(res.statusCode).toBe(409);
    expect((await call('police', 'GET', '/api/communes/14521550/age-structure')).statusCode).toBe(403);
    // An analyst keeps the margins of the communes they analyse only.
    const aue = (await call('lpr_staff', 'GET', '/api/communes/14521035/age-structure')).json();
    res = await call('analyst', 'PUT', '/api/communes/14521035/age-structure', { referenceDate: '2024-12-31', source: 'Statistisches Landesamt', cells: aue.cells, version: aue.version });
    expect(res.statusCode).toBe(403);
  });

  it('is read like it is written: LPR, the analysts of the commune, and the commune itself; nobody else', async () => {
    // Schwarzenberg: the demo commune and the analyst of its two analyses read it.
    for (const who of ['lpr_staff', 'analyst', 'commune'] as const) expect((await call(who, 'GET', '/api/communes/14521550/age-structure')).statusCode, who).toBe(200);
    // Aue (a Silberberg town with margins but no analysis of the demo analyst) and Dresden: only LPR.
    for (const ags of ['14521035', '14612000']) {
      expect((await call('lpr_staff', 'GET', `/api/communes/${ags}/age-structure`)).statusCode).toBe(200);
      for (const who of ['analyst', 'commune'] as const) {
        const res = await call(who, 'GET', `/api/communes/${ags}/age-structure`);
        expect(res.statusCode, `${who} ${ags}`).toBe(403);
        expect(res.body).not.toContain('Demo-Schätzung');
      }
    }
    expect((await call('police', 'GET', '/api/communes/14521550/age-structure')).statusCode).toBe(403);
  });
});

describe('recommendations', () => {
  it('the analyst writes, the commune manages priority and state along the allowed steps', async () => {
    const created = await call('analyst', 'POST', `/api/analyses/${second}/recommendations`, {
      title: 'Jugendtreff in der Sonnenleithe', description: 'Ein betreuter Treffpunkt für Jugendliche am Abend.', fieldOfAction: 'youth', findings: ['incivility:IN01_h'], priority: 'mittel',
    });
    expect(created.statusCode).toBe(201);
    const rec = created.json();
    expect(rec).toMatchObject({ state: 'offen', fieldOfAction: { id: 'youth', label: 'Kinder- und Jugendschutz' }, nextStates: ['priorisiert', 'verworfen'] });
    expect((await call('commune', 'POST', `/api/analyses/${second}/recommendations`, { title: 'Eigene Idee', description: 'Die Kommune schreibt selbst.', fieldOfAction: 'youth' })).statusCode).toBe(403);
    const url = `/api/analyses/${second}/recommendations/${rec.id}/state`;
    let res = await call('commune', 'PUT', url, { priority: 'hoch', state: 'umgesetzt', version: rec.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('state');
    res = await call('commune', 'PUT', url, { priority: 'hoch', state: 'priorisiert', version: rec.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'priorisiert', priority: 'hoch', stateLabel: 'priorisiert' });
    res = await call('commune', 'PUT', url, { priority: 'hoch', state: 'in_umsetzung', version: rec.version });
    expect(res.statusCode).toBe(409);
    res = await call('commune', 'PUT', url, { priority: 'hoch', state: 'verworfen', stateNote: '', version: rec.version + 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('stateNote');
    expect((await call('analyst', 'PUT', url, { priority: 'hoch', state: 'in_umsetzung', version: rec.version + 1 })).statusCode).toBe(403);
    res = await call('commune', 'PUT', url, { priority: 'hoch', state: 'in_umsetzung', version: rec.version + 1 });
    expect(res.json().state).toBe('in_umsetzung');
    res = await call('analyst', 'DELETE', `/api/analyses/${second}/recommendations/${rec.id}?version=${rec.version + 2}`);
    expect(res.statusCode).toBe(422);
    const list = (await call('commune', 'GET', `/api/analyses/${second}/recommendations`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(rec.id);
  });

  it('rejects an unknown Handlungsfeld and a too short text, naming the field', async () => {
    let res = await call('analyst', 'POST', `/api/analyses/${second}/recommendations`, { title: 'Etwas', description: 'Eine ausreichend lange Beschreibung.', fieldOfAction: 'alchemy' });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('fieldOfAction');
    res = await call('analyst', 'POST', `/api/analyses/${second}/recommendations`, { title: 'Etwas', description: 'kurz', fieldOfAction: 'youth' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('description');
    expect(res.json().detail).toBe('Beschreibung: Bitte beschreiben Sie die Empfehlung (mindestens 10 Zeichen).');
  });
});

describe('the report', () => {
  it('is generated as a background job into PDF and DOCX, which the commune can download', async () => {
    const queued = await call('analyst', 'POST', `/api/analyses/${first}/reports`);
    expect(queued.statusCode).toBe(202);
    expect(queued.json().status).toBe('queued');
    const id = queued.json().id;
    await expect.poll(async () => (await call('analyst', 'GET', `/api/analyses/${first}/reports`)).json().items.find((r: { id: string }) => r.id === id).status, { timeout: 60_000, interval: 500 }).toBe('done');
    const pdf = await call('commune', 'GET', `/api/analyses/${first}/reports/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('sicherheitsanalyse-sa-schwarzenberg-2022');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length).toBeGreaterThan(8);
    const docx = await call('commune', 'GET', `/api/analyses/${first}/reports/${id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.rawPayload.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect((await call('police', 'GET', `/api/analyses/${first}/reports/${id}/pdf`)).statusCode).toBe(403);
    expect((await call('commune', 'POST', `/api/analyses/${first}/reports`)).statusCode).toBe(403);
  }, 90_000);

  it('the web version has every section, suppression marks and the Interpretationshilfe', async () => {
    const res = await call('commune', 'GET', `/api/analyses/${first}/report`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const model = res.json();
    const headings = model.blocks.filter((b: { kind: string; level: number }) => b.kind === 'heading' && b.level === 1).map((b: { text: string }) => b.text);
    expect(headings).toEqual(['Zusammenfassung', 'Methodik', 'Ergebnisse der Bürgerbefragung', 'Polizeiliche Kriminalstatistik', 'Angsträume', 'Vergleich der Befragungswellen', 'Handlungsempfehlungen', 'Interpretationshilfe für Ratsmitglieder']);
    const text = JSON.stringify(model.blocks);
    expect(text).toContain('Raking');
    expect(text).toContain('–*');
    expect(text).toContain('Beleuchtung am Bahnhof');
    const charts = model.blocks.filter((b: { kind: string }) => b.kind === 'chart');
    expect(charts.length).toBeGreaterThan(4);
    for (const c of charts) expect(c.svg).toMatch(/^<svg/);
  });
});

describe('earlier waves only for those who may read them', () => {
  let only2026: Session;
  const as = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });
  const docxText = async (payload: Buffer) => (await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  const TITLE_2022 = 'Sicherheitsanalyse Schwarzenberg 2022';
  beforeAll(async () => {
    await createUser(t.database.db, systemContext('test'), {
      email: 'analyse-2026@institut.demo', displayName: 'Analyse nur 2026', password: 'nur-die-zweite-welle-2026',
      grants: [{ role: 'analyst', scopeType: 'analysis', scopeId: 'sa-schwarzenberg-2026' }],
    });
    only2026 = await login(t.app, 'analyse-2026@institut.demo', 'nur-die-zweite-welle-2026');
  });

  it('an analyst of the 2026 wave only gets its findings without the 2022 wave, and the reason', async () => {
    expect((await as(only2026, `/api/analyses/${first}/findings`)).statusCode).toBe(404);
    const res = await as(only2026, `/api/analyses/${second}/findings`);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.indicators.length).toBeGreaterThan(10);
    expect(f.waves).toEqual([]);
    expect(f.wavesWithheld).toBe(true);
    expect(res.body).not.toContain(first);
    expect(res.body).not.toContain('sa-schwarzenberg-2022');
    expect(res.body).not.toContain(TITLE_2022);
  });

  it('the demo analyst (both waves), the commune and LPR still get the comparison', async () => {
    for (const who of ['analyst', 'commune', 'lpr_staff'] as const) {
      const f = await findings(second, who);
      expect(f.waves.map((w: { project: { code: string } }) => w.project.code), who).toEqual(['sa-schwarzenberg-2022']);
      expect(f.wavesWithheld).toBe(false);
    }
  });

  it('the web report says why instead of the comparison', async () => {
    const res = await as(only2026, `/api/analyses/${second}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(TITLE_2022);
    const blocks = res.json().blocks as { kind: string; level?: number; text?: string }[];
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Vergleich der Befragungswellen');
    expect(at).toBeGreaterThan(0);
    expect(blocks[at + 1]).toEqual({ kind: 'paragraph', text: WAVES_WITHHELD_TEXT });
    const full = (await call('analyst', 'GET', `/api/analyses/${second}/report`)).json();
    expect(JSON.stringify(full.blocks)).toContain(`Vergleich mit ${TITLE_2022}`);
    expect(JSON.stringify(full.blocks)).not.toContain(WAVES_WITHHELD_TEXT);
  });

  it('a stored report generated by the demo analyst is downloaded without the 2022 wave by the 2026-only analyst', async () => {
    const queued = await call('analyst', 'POST', `/api/analyses/${second}/reports`);
    expect(queued.statusCode).toBe(202);
    const id = queued.json().id;
    await expect.poll(async () => (await call('analyst', 'GET', `/api/analyses/${second}/reports`)).json().items.find((r: { id: string }) => r.id === id).status, { timeout: 60_000, interval: 500 }).toBe('done');
    const url = `/api/analyses/${second}/reports/${id}`;
    // Who may read both waves gets the full version.
    for (const who of ['analyst', 'commune'] as const) {
      const docx = await call(who, 'GET', `${url}/docx`);
      expect(docx.statusCode).toBe(200);
      const text = await docxText(docx.rawPayload);
      expect(text, who).toContain(`Vergleich mit ${TITLE_2022}`);
      expect(text).not.toContain(WAVES_WITHHELD_TEXT);
    }
    // The 2026-only analyst gets the version that says why instead (twice: rendered once, then stored).
    for (let k = 0; k < 2; k++) {
      const docx = await as(only2026, `${url}/docx`);
      expect(docx.statusCode).toBe(200);
      const text = await docxText(docx.rawPayload);
      expect(text).not.toContain(TITLE_2022);
      expect(text).toContain('Vergleich der Befragungswellen');
      expect(text).toContain(WAVES_WITHHELD_TEXT);
    }
    const pdf = await as(only2026, `${url}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const fullPdf = await call('analyst', 'GET', `${url}/pdf`);
    expect(pdf.rawPayload.equals(fullPdf.rawPayload)).toBe(false);
  }, 90_000);

  it('the other way round: an analyst of 2022 only gets the stored 2022 report without the later wave; a report stored before versions were kept is refused to them', async () => {
    await createUser(t.database.db, systemContext('test'), {
      email: 'analyse-2022@institut.demo', displayName: 'Analyse nur 2022', password: 'nur-die-erste-welle-2022',
      grants: [{ role: 'analyst', scopeType: 'analysis', scopeId: 'sa-schwarzenberg-2022' }],
    });
    const only2022 = await login(t.app, 'analyse-2022@institut.demo', 'nur-die-erste-welle-2022');
    const seeded = (await as(only2022, `/api/analyses/${first}/reports`)).json().items.find((r: { status: string }) => r.status === 'done');
    const url = `/api/analyses/${first}/reports/${seeded.id}/docx`;
    const mine = await as(only2022, url);
    expect(mine.statusCode).toBe(200);
    const text = await docxText(mine.rawPayload);
    expect(text).not.toContain('Sicherheitsanalyse Schwarzenberg 2026');
    expect(text).toContain(WAVES_WITHHELD_TEXT);
    await t.app.files.remove(`reports/${first}/${seeded.id}.versions.json`);
    const legacy = await as(only2022, url);
    expect(legacy.statusCode).toBe(403);
    expect(legacy.json().detail).toContain('neu erzeugen');
    expect((await call('analyst', 'GET', url)).statusCode).toBe(200);
  });
});
