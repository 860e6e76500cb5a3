import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { createTestApp, login, multipart, roleCaller, type Session, type TestApp } from '../../../../test/helpers.js';
import { buildAnalysis } from '../../surveys/tests/factories.js';
import { analysisProjects, analysisTasks } from '../../surveys/schema.js';
import { createUser } from '../../auth/create-user.js';
import { systemContext } from '../../../server/audit/record.js';
import { auditLog } from '../../../server/audit/schema.js';
import { svgToPng } from '../../../server/documents/raster.js';
import { todayIso } from '../../../lib/dates.js';
import { communeNames, formatLongDateDe, WAVES_WITHHELD_TEXT } from '../report-model.js';
import { trendLinesSvg } from '../charts.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
let first: string;   // sa-schwarzenberg-2022, completed, with the seeded report (version 1)
let second: string;  // sa-schwarzenberg-2026, running: the later wave
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'analyst', 'commune', 'police']);
  const rows = await t.database.db.select({ id: analysisProjects.id, code: analysisProjects.code }).from(analysisProjects);
  first = rows.find((r) => r.code === 'sa-schwarzenberg-2022')!.id;
  second = rows.find((r) => r.code === 'sa-schwarzenberg-2026')!.id;
});
afterAll(async () => { await t?.close(); });

type Report = { id: string; number: number; status: string };
const as = (session: Session, method: string, url: string, payload?: object) => t.app.inject({ method: method as 'GET', url, headers: session.headers, ...(payload ? { payload } : {}) });
const docxXml = async (payload: Buffer) => (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string');
const docxText = async (payload: Buffer) => (await docxXml(payload)).replace(/<[^>]+>/g, '');
const pdfImages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype \/Image\b/g) ?? []).length;

async function generate(projectId: string, who: Session | 'analyst' = 'analyst'): Promise<Report> {
  const queued = who === 'analyst' ? await call('analyst', 'POST', `/api/analyses/${projectId}/reports`) : await as(who, 'POST', `/api/analyses/${projectId}/reports`);
  expect(queued.statusCode, queued.body).toBe(202);
  const id = queued.json().id as string;
  const list = async () => (who === 'analyst' ? await call('analyst', 'GET', `/api/analyses/${projectId}/reports`) : await as(who, 'GET', `/api/analyses/${projectId}/reports`)).json().items as Report[];
  await expect.poll(async () => (await list()).find((r) => r.id === id)?.status, { timeout: 60_000, interval: 300 }).toBe('done');
  return (await list()).find((r) => r.id === id)!;
}

describe('a completed analysis keeps its report: versions never change', () => {
  let only2022: Session;
  beforeAll(async () => {
    await createUser(t.database.db, systemContext('test'), {
      email: 'bericht-2022@institut.demo', displayName: 'Analyse nur 2022', password: 'nur-die-erste-welle-2022',
      grants: [{ role: 'analyst', scopeType: 'analysis', scopeId: 'sa-schwarzenberg-2022' }],
    });
    only2022 = await login(t.app, 'bericht-2022@institut.demo', 'nur-die-erste-welle-2022');
  });

  it('the web report, PDF and DOCX of every version stay the same after the later wave completes, new crime figures arrive and recommendations change; generating again adds version 3', async () => {
    const listed = (await call('commune', 'GET', `/api/analyses/${first}/reports`)).json().items as Report[];
    expect(listed.map((r) => [r.number, r.status])).toEqual([[1, 'done']]);
    const v1 = listed[0]!;
    const v2 = await generate(first);
    expect(v2.number).toBe(2);

    const files = async (r: Report) => ({
      pdf: (await call('commune', 'GET', `/api/analyses/${first}/reports/${r.id}/pdf`)).rawPayload,
      docx: (await call('commune', 'GET', `/api/analyses/${first}/reports/${r.id}/docx`)).rawPayload,
      restricted: (await as(only2022, 'GET', `/api/analyses/${first}/reports/${r.id}/docx`)).rawPayload,
    });
    const web = async () => ({
      commune: (await call('commune', 'GET', `/api/analyses/${first}/report`)).json(),
      only2022: (await as(only2022, 'GET', `/api/analyses/${first}/report`)).json(),
    });
    const before = { v1: await files(v1), v2: await files(v2), web: await web() };
    expect(before.web.commune.frozen).toMatchObject({ reportId: v2.id, number: 2 });
    expect(before.web.commune.edition).toBe(2);
    expect(JSON.stringify(before.web.commune.blocks)).toContain('Die Feldphase der anderen Befragung läuft noch');
    expect(JSON.stringify(before.web.only2022.blocks)).toContain(WAVES_WITHHELD_TEXT);
    expect(before.web.only2022.frozen.number).toBe(2);
    const findingsBefore = (await call('analyst', 'GET', `/api/analyses/${first}/findings`)).json();

    // The later wave closes its field phase and is completed.
    const closed = await call('analyst', 'POST', `/api/analyses/${second}/field-phase/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const project = (await call('analyst', 'GET', `/api/analyses/${second}`)).json();
    const completed = await call('analyst', 'POST', `/api/analyses/${second}/complete`, { completedOn: todayIso(), version: project.version });
    expect(completed.statusCode, completed.body).toBe(200);
    // The police import the commune's figures of a later year.
    const header = 'AGS;Jahr;Schlüssel;Straftat;Fälle;aufgeklärte Fälle;Tatverdächtige';
    const police = await login(t.app, 'praevention@pd-chemnitz.demo');
    const m = multipart({ format: 'municipal', version: 'Nachlieferung 2025' }, { name: 'pd-chemnitz-2025.csv', type: 'text/csv', data: Buffer.from(`${header}\n14521550;2025;------;Straftaten insgesamt;802;451;380\n`) });
    const imported = await t.app.inject({ method: 'POST', url: '/api/crime/imports', headers: { ...police.headers, ...m.headers }, payload: m.payload });
    expect(imported.statusCode, imported.body).toBe(201);
    // A recommendation is added.
    const rec = await call('analyst', 'POST', `/api/analyses/${first}/recommendations`, { title: 'Nachträglich ergänzte Empfehlung', description: 'Nach der Übergabe geschrieben.', fieldOfAction: 'safety_feeling', findings: [], priority: 'mittel' });
    expect(rec.statusCode, rec.body).toBe(201);

    // What the report is computed from has changed …
    const findingsAfter = (await call('analyst', 'GET', `/api/analyses/${first}/findings`)).json();
    expect(findingsBefore.waves[0].project.status).toBe('running');
    expect(findingsAfter.waves[0].project.status).toBe('completed');
    expect(findingsAfter.crime.latestYear).toBe(2025);
    expect(findingsBefore.crime.latestYear).not.toBe(2025);
    // … but no stored version, and not the frozen web report.
    const after = { v1: await files(v1), v2: await files(v2), web: await web() };
    for (const v of ['v1', 'v2'] as const) {
      expect(after[v].pdf.equals(before[v].pdf), `${v} pdf`).toBe(true);
      expect(after[v].docx.equals(before[v].docx), `${v} docx`).toBe(true);
      expect(after[v].restricted.equals(before[v].restricted), `${v} without comparison`).toBe(true);
    }
    expect(after.web).toEqual(before.web);
    expect(JSON.stringify(after.web.commune.blocks)).not.toContain('Nachträglich ergänzte Empfehlung');

    // A new version takes in what changed; versions 1 and 2 stay downloadable and unchanged.
    const v3 = await generate(first);
    expect(v3.number).toBe(3);
    const newest = (await call('commune', 'GET', `/api/analyses/${first}/report`)).json();
    expect(newest.frozen.number).toBe(3);
    expect(JSON.stringify(newest.blocks)).toContain('Nachträglich ergänzte Empfehlung');
    expect(JSON.stringify(newest.blocks)).not.toContain('Die Feldphase der anderen Befragung läuft noch');
    expect((await call('commune', 'GET', `/api/analyses/${first}/reports`)).json().items.map((r: Report) => r.number)).toEqual([3, 2, 1]);
    const v1Again = await call('commune', 'GET', `/api/analyses/${first}/reports/${v1.id}/pdf`);
    expect(v1Again.rawPayload.equals(before.v1.pdf)).toBe(true);
    expect(v1Again.headers['content-disposition']).toContain('fassung-1');
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'analysis_report.stored'), eq(auditLog.entityId, first)));
    expect(audit.map((a) => (a.after as { number: number }).number).sort()).toEqual([1, 2, 3]);
  }, 180_000);
});

describe('the cover', () => {
  const crestPng = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="120"><path d="M5 5h90v60c0 30-25 45-45 52C30 110 5 95 5 65z" fill="#c8102e"/></svg>', 100);

  it('shows the commune\'s crest once the letter is approved, the official name, the long date, the institute and the publisher; no crest, no placeholder before', async () => {
    const { project, analyst } = await buildAnalysis(t, { ags: '14521035', institute: 'Institut für Sicherheitsforschung Testhausen' });
    const m = multipart({}, { name: 'wappen.png', type: 'image/png', data: crestPng });
    const uploaded = await t.app.inject({ method: 'POST', url: `/api/analyses/${project.id}/letter/crest`, headers: { ...analyst.headers, ...m.headers }, payload: m.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const { official } = communeNames(project.communeName);

    // Uploaded, not approved yet: no crest.
    const draft = await generate(project.id, analyst);
    const draftPdf = (await as(analyst, 'GET', `/api/analyses/${project.id}/reports/${draft.id}/pdf`)).rawPayload;
    expect(pdfImages(draftPdf)).toBe(0);
    const draftDocx = await docxXml((await as(analyst, 'GET', `/api/analyses/${project.id}/reports/${draft.id}/docx`)).rawPayload);
    expect(draftDocx).not.toContain('Wappen');

    // The commune approves the letter (with the crest).
    const task = (await as(analyst, 'GET', `/api/analyses/${project.id}`)).json().tasks.find((x: { key: string }) => x.key === 'approve_letter');
    expect((await as(analyst, 'PUT', `/api/analyses/${project.id}/tasks/approve_letter`, { done: true, version: task.version })).statusCode).toBe(200);
    const approved = await generate(project.id, analyst);
    expect(approved.number).toBe(2);
    const pdf = (await as(analyst, 'GET', `/api/analyses/${project.id}/reports/${approved.id}/pdf`)).rawPayload;
    expect(pdfImages(pdf)).toBeGreaterThan(0);
    const docx = (await as(analyst, 'GET', `/api/analyses/${project.id}/reports/${approved.id}/docx`)).rawPayload;
    expect(Object.keys((await JSZip.loadAsync(docx)).files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThan(0);
    expect(await docxXml(docx)).toContain(`Wappen: ${official}`);
    const text = await docxText(docx);
    const year = project.startOn.slice(0, 4);
    for (const expected of [official, `Sicherheitsanalyse ${communeNames(project.communeName).town} ${year}`, `Bericht zur Bürgerbefragung ${year}`, formatLongDateDe(todayIso()),
      'Institut für Sicherheitsforschung Testhausen', 'Landespräventionsrat Sachsen', 'Fassung2']) expect(text).toContain(expected);
    expect(formatLongDateDe('2026-12-01')).toBe('1. Dezember 2026');
    // Once the approval is withdrawn, a new version has no crest again; the stored version with the crest is unchanged.
    await t.database.db.update(analysisTasks).set({ doneOn: null }).where(and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, 'approve_letter')));
    const withdrawn = await generate(project.id, analyst);
    expect(pdfImages((await as(analyst, 'GET', `/api/analyses/${project.id}/reports/${withdrawn.id}/pdf`)).rawPayload)).toBe(0);
    expect((await as(analyst, 'GET', `/api/analyses/${project.id}/reports/${approved.id}/pdf`)).rawPayload.equals(pdf)).toBe(true);
  }, 180_000);

  it('official names read as the commune calls itself', () => {
    expect(communeNames('Schwarzenberg/Erzgeb., Stadt')).toEqual({ town: 'Schwarzenberg/Erzgeb.', official: 'Stadt Schwarzenberg/Erzgeb.' });
    expect(communeNames('Bermsgrün')).toEqual({ town: 'Bermsgrün', official: 'Gemeinde Bermsgrün' });
    expect(communeNames('Zschopau, Stadt, Motorradstadt')).toEqual({ town: 'Zschopau', official: 'Stadt Zschopau' });
  });
});

describe('tables', () => {
  it('join every number and its "%" with a no-break space, so the sign never wraps onto its own line', async () => {
    const model = (await call('analyst', 'GET', `/api/analyses/${second}/report`)).json();
    const cells: string[] = model.blocks.filter((b: { kind: string }) => b.kind === 'table').flatMap((b: { rows: string[][] }) => b.rows.flat());
    const withPercent = cells.filter((c) => c.includes('%'));
    expect(withPercent.length).toBeGreaterThan(20);
    for (const c of withPercent) expect(c, c).not.toMatch(/\d[ \t]%/);
    expect(withPercent.some((c) => /\d\u00a0%/.test(c))).toBe(true);
    const waves = model.blocks.find((b: { kind: string; caption?: string }) => b.kind === 'table' && b.caption?.startsWith('Veränderung von'));
    expect(waves.rows[0][1]).toMatch(/^\d+,\d\u00a0%$/);
  });
});

describe('charts', () => {
  /** The box of each SVG <text> ECharts wrote (position from its transform and x/y, height from its font size, width estimated). */
  const textBoxes = (svg: string) => [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, text]) => {
    const num = (re: RegExp) => Number(re.exec(attrs!)?.[1] ?? 0);
    const size = num(/font-size:(\d+(?:\.\d+)?)px/);
    const [tx, ty] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(attrs!) ?? [0, '0', '0']).slice(1).map(Number) as [number, number];
    const x = tx + num(/\bx="([-\d.]+)"/);
    const y = ty + num(/\by="([-\d.]+)"/);
    const width = text!.length * size * 0.6;
    const left = /text-anchor="end"/.test(attrs!) ? x - width : /text-anchor="middle"/.test(attrs!) ? x - width / 2 : x;
    return { text: text!, left, right: left + width, top: y - size / 2, bottom: y + size / 2 };
  });
  const overlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('the trend chart\'s title and legend do not overlap, and the legend lies inside the chart', () => {
    const names = ['Schwarzenberg/Erzgeb., Stadt', 'Erzgebirgskreis', 'Sachsen'];
    const title = 'Häufigkeitszahl (Straftaten insgesamt) im Zeitverlauf';
    const svg = trendLinesSvg(title, [2018, 2019, 2020, 2021, 2022], names.map((name, i) => ({ name, values: [4000 + i, 4100, null, 4200, 4300] })));
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const boxes = textBoxes(svg);
    const titleBox = boxes.find((b) => b.text === title)!;
    const legend = boxes.filter((b) => names.includes(b.text));
    expect(titleBox).toBeDefined();
    expect(legend).toHaveLength(3);
    for (const l of legend) {
      expect(overlap(titleBox, l), l.text).toBe(false);
      expect(l.right, l.text).toBeLessThanOrEqual(width);
      expect(l.bottom, l.text).toBeLessThanOrEqual(height);
    }
    // Nor does the legend sit on the axis labels.
    const years = boxes.filter((b) => /^20\d\d$/.test(b.text));
    for (const l of legend) for (const y of years) expect(overlap(l, y), `${l.text} / ${y.text}`).toBe(false);
  });
});
