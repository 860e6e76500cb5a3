import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, multipart, type Session, type TestApp } from '../../../../test/helpers.js';
import { deflatedZeros, xlsxWith } from '../../../../test/support/files.js';
import { taskEvents } from '../../../server/workers.js';

const FIXTURE = join(import.meta.dirname, '../../../../test/fixtures/destatis_31122022_Auszug_GV.xlsx');

/** Finds the Satzart-60 row of a commune by its 8-digit AGS. */
function communeRow(ws: ExcelJS.Worksheet, ags: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    const v = row.values as unknown[];
    if (v[1] === '60' && `${v[3]}${v[4]}${v[5]}${v[7]}` === ags) found = row;
  });
  if (!found) throw new Error(`no row for ${ags}`);
  return found;
}

/**
 * The real GV-ISys file (31.12.2022), edited to a hypothetical status of 31.12.2024: first brought to 2023
 * (Jahnatal), then Bärenstein and Königswalde merge into a new commune, Annaberg-Buchholz is renamed and
 * Chemnitz's population changes.
 */
async function buildUpdateFile(opts: { badRow?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(FIXTURE) as unknown as ArrayBuffer);
  const ws = wb.worksheets[1]!;
  ws.getCell('A1').value = null;
  for (let c = 3; c <= 8; c++) ws.getRow(5).getCell(c).value = 'Gebietsstand am 31.12.2024 (Jahr)';
  const setCommune = (row: ExcelJS.Row, gem: string, vb: string, name: string, area: number, pop: number, m: number, w: number) => {
    row.getCell(6).value = vb; row.getCell(7).value = gem; row.getCell(8).value = name;
    row.getCell(9).value = area; row.getCell(10).value = pop; row.getCell(11).value = m; row.getCell(12).value = w;
    row.commit();
  };
  // 2023: Ostrau + Zschaitz-Ottewig -> Jahnatal
  setCommune(communeRow(ws, '14522450'), '275', '0275', 'Jahnatal', 70.96, 4787, 2394, 2393);
  ws.spliceRows(communeRow(ws, '14522620').number, 1);
  // 2024: Bärenstein + Königswalde -> Bärenstein-Königswalde (new AGS 14521065)
  const b = communeRow(ws, '14521060');
  const k = communeRow(ws, '14521340');
  const num = (r: ExcelJS.Row, c: number) => Number(r.getCell(c).value);
  setCommune(b, '065', '0065', 'Bärenstein-Königswalde', num(b, 9) + num(k, 9), num(b, 10) + num(k, 10), num(b, 11) + num(k, 11), num(b, 12) + num(k, 12));
  ws.spliceRows(k.number, 1);
  const annaberg = communeRow(ws, '14521020');
  annaberg.getCell(8).value = 'Annaberg-Buchholz, Große Kreisstadt';
  const chemnitz = communeRow(ws, '14511000');
  chemnitz.getCell(10).value = 250000; chemnitz.getCell(11).value = 123500; chemnitz.getCell(12).value = 126500;
  if (opts.badRow) { communeRow(ws, '14521010').getCell(10).value = 'viele'; communeRow(ws, '14523010').getCell(11).value = null; }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let t: TestApp;
let admin: Session;
let goodFile: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'lpr_admin');
  goodFile = await buildUpdateFile();
});
afterAll(async () => { await t?.close(); });

const upload = async (name: string, data: Buffer, mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') => {
  const mp = multipart({}, { name, type: mime, data });
  return t.app.inject({ method: 'POST', url: '/api/registry-imports', headers: { ...admin.headers, ...mp.headers }, payload: mp.payload });
};
const total = async () => (await t.app.inject('/api/communes?limit=1')).json().total as number;

describe('registry update from a Destatis GV-ISys file', () => {
  it('rejects a file that is not a workbook', async () => {
    const res = await upload('liste.csv', Buffer.from('ags;name\n1;x'), 'text/csv');
    expect(res.statusCode).toBe(415);
    const broken = await upload('kaputt.xlsx', Buffer.from('not a zip'));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('registry_file_unreadable');
  });

  it('refuses zip bombs before unpacking them: by the sizes the archive declares and by what it really inflates to', async () => {
    const mib = 1024 * 1024;
    // 256 MB of zeros deflate to about 260 KB.
    const bomb = xlsxWith({ name: 'sheet', packed: deflatedZeros(256 * mib), size: 256 * mib });
    expect(bomb.length).toBeLessThan(300 * 1024);
    const declared = await upload('bombe.xlsx', bomb);
    expect(declared.json()).toMatchObject({ status: 422, code: 'archive_too_large', field: 'file' });
    expect(declared.json().detail).toBe('Die Datei würde entpackt mehr als 64 MB ergeben und wird nicht verarbeitet (Schutz vor „ZIP-Bomben“).');
    const ratio = await upload('dicht.xlsx', xlsxWith({ name: 'sheet', packed: deflatedZeros(32 * mib), size: 32 * mib }));
    expect(ratio.json()).toMatchObject({ status: 422, code: 'archive_too_large' });
    expect(ratio.json().detail).toMatch(/^Die Datei ist ungewöhnlich stark gepackt/);
    // The directory can lie: it says 10 KB, the data inflates to 256 MB.
    const lying = await upload('luege.xlsx', xlsxWith({ name: 'sheet', packed: deflatedZeros(256 * mib), size: 10_000 }));
    expect(lying.json()).toMatchObject({ status: 422, code: 'archive_too_large' });
    expect(lying.json().detail).toMatch(/^Die Datei entpackt sich zu mehr, als sie angibt/);
    expect((await t.app.inject({ url: '/api/registry-imports', headers: admin.headers })).json().items).toHaveLength(0);
  });

  it('rejects a file with bad rows as a whole, listing every bad line', async () => {
    const res = await upload('fehlerhaft.xlsx', await buildUpdateFile({ badRow: true }));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('registry_file_invalid');
    expect(body.errors).toHaveLength(2);
    expect(body.errors[0].message).toContain('Amtsberg');
    expect(body.errors[0].line).toBeGreaterThan(14000);
    expect(body.detail).toMatch(/Zeile \d+/);
    expect(await total()).toBe(418);
    expect((await t.app.inject({ url: '/api/registry-imports', headers: admin.headers })).json().items).toHaveLength(0);
  });

  it('previews new, merged, renamed and population changes without changing the registry', async () => {
    const res = await upload('31122024_Auszug_GV.xlsx', goodFile);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.referenceDate).toBe('2024-12-31');
    expect(p.summary).toMatchObject({ communesInFile: 417, new: 1, merged: 2, renamed: 1 });
    expect(p.summary.population).toBeGreaterThanOrEqual(1);
    const merged = p.changes.filter((c: { kind: string }) => c.kind === 'merged');
    expect(merged.map((c: { ags: string; successorAgs: string }) => [c.ags, c.successorAgs])).toEqual([['14521060', '14521065'], ['14521340', '14521065']]);
    expect(p.changes.find((c: { kind: string }) => c.kind === 'renamed')).toMatchObject({ ags: '14521020', after: { name: 'Annaberg-Buchholz, Große Kreisstadt' } });
    expect(await total()).toBe(418);
  });

  it('applies the previewed update in one transaction; merged communes keep their history and point to the successor', async () => {
    const s = await loginAs(t.app, 'lpr_staff');
    const group = (await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload: {
      name: 'Oberes Erzgebirge', kind: 'Region', members: ['14521060', '14521020'] } })).json();
    const p = (await upload('31122024_Auszug_GV.xlsx', goodFile)).json();
    const stale = await t.app.inject({ method: 'POST', url: `/api/registry-imports/${p.id}/apply`, headers: admin.headers, payload: { version: p.version + 1 } });
    expect(stale.statusCode).toBe(409);
    const res = await t.app.inject({ method: 'POST', url: `/api/registry-imports/${p.id}/apply`, headers: admin.headers, payload: { version: p.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('applied');
    expect(await total()).toBe(417);

    const gone = (await t.app.inject('/api/communes/14521060')).json();
    expect(gone).toMatchObject({ status: 'merged', successor: { ags: '14521065', name: 'Bärenstein-Königswalde' }, validUntil: '2024-12-31' });
    const successor = (await t.app.inject('/api/communes/14521065')).json();
    expect(successor.predecessors.map((c: { ags: string }) => c.ags)).toEqual(['14521060', '14521340']);
    expect(successor.geometry.type).toBe('Polygon');
    expect(successor.groups.map((g: { name: string }) => g.name)).toContain('Oberes Erzgebirge');
    const members = (await t.app.inject(`/api/commune-groups/${group.id}`)).json().members;
    expect(members.map((m: { ags: string; status: string }) => `${m.ags}:${m.status}`)).toEqual(expect.arrayContaining(['14521060:merged', '14521065:active']));
    expect((await t.app.inject('/api/communes/14521020')).json().name).toBe('Annaberg-Buchholz, Große Kreisstadt');
    const chemnitz = (await t.app.inject('/api/communes/14511000')).json();
    expect(chemnitz.population).toBe(250000);
    expect(chemnitz.populationHistory.map((h: { referenceDate: string; population: number }) => [h.referenceDate, h.population]))
      .toEqual([['2023-12-31', 250681], ['2024-12-31', 250000]]);
    const mergedList = (await t.app.inject('/api/communes?status=merged')).json();
    expect(mergedList.total).toBe(2);

    const audit = (await t.app.inject({ url: '/api/admin/audit?entityType=commune&action=commune.merged', headers: admin.headers })).json();
    expect(audit.items).toHaveLength(2);
    const again = await t.app.inject({ method: 'POST', url: `/api/registry-imports/${p.id}/apply`, headers: admin.headers, payload: { version: p.version + 1 } });
    expect(again.statusCode).toBe(422);
  });

  it('parses a large workbook in a worker thread: the server keeps answering meanwhile', async () => {
    const events: string[] = [];
    const started = new Promise<void>((resolve) => taskEvents.once('start', () => { events.push('parsing started'); resolve(); }));
    taskEvents.once('end', () => events.push('parsing ended'));
    const importing = upload('31122024_Auszug_GV.xlsx', goodFile).then((res) => { events.push('import answered'); return res; });
    await started;
    // Health checks, one after the other, until the import is answered.
    while (!events.includes('import answered')) {
      events.push(`health ${(await t.app.inject('/api/health')).statusCode}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await importing).statusCode).toBe(201);
    const ended = events.indexOf('parsing ended');
    const whileParsing = events.slice(1, ended);
    expect(whileParsing).toContain('health 200');
    expect(whileParsing.every((e) => e === 'health 200')).toBe(true);
    expect(events.indexOf('import answered')).toBeGreaterThan(ended);
  });
});
