import type ExcelJS from 'exceljs';
import { Problem } from '../../server/http/problem.js';

// Columns (exceljs row.values is 1-based): 1 Satzart, 2 Textkennzeichen, 3 Land, 4 RB, 5 Kreis, 6 VB, 7 Gem, 8 Name,
// 9 Fläche, 10-12 Bevölkerung insgesamt/männlich/weiblich, 13 je km², 14 PLZ, 15 Länge, 16 Breite.

/** One Saxon municipality row (Satzart 60) of a Destatis GV-ISys "Auszug GV" workbook. */
export interface GvCommune {
  line: number; ags: string; ars: string; name: string; textCode: string; type: string; districtAgs: string; associationArs: string;
  areaKm2: number; population: number; populationMale: number; populationFemale: number; postalCode: string | null; lon: number | null; lat: number | null;
}
export interface GvAssociation { line: number; ars: string; name: string; textCode: string; type: string; districtAgs: string }
export interface GvDistrict { line: number; ags: string; name: string }
export interface GvFile { referenceDate: string; communes: GvCommune[]; associations: GvAssociation[]; districts: GvDistrict[] }

const COMMUNE_TYPES: Record<string, string> = { '60': 'Markt', '61': 'Kreisfreie Stadt', '62': 'Stadtkreis', '63': 'Stadt', '64': 'Gemeinde' };
const ASSOCIATION_TYPES: Record<string, string> = { '50': 'verbandsfreie Gemeinde', '54': 'Verwaltungsgemeinschaft', '56': 'Verwaltungsverband', '58': 'erfüllende Gemeinde' };

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if (v instanceof Date) return v.toISOString();
    if ('text' in v) return String(v.text);
  }
  return String(v).trim();
}
/** Numbers come as numbers, or as German strings with decimal comma and thousands dots. */
function num(v: ExcelJS.CellValue): number | null {
  if (typeof v === 'number') return v;
  const t = text(v);
  if (t === '') return null;
  const normalised = t.includes(',') ? t.replaceAll('.', '').replace(',', '.') : t;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

export const unreadableGvFile = () =>
  new Problem(422, 'registry_file_unreadable', 'Die Datei ist keine lesbare Excel-Datei (.xlsx) im Format des Destatis-Gemeindeverzeichnisses.', { field: 'file' });

/**
 * Reads the Saxon rows of a GV-ISys workbook (sheet "Onlineprodukt_Gemeinden"). Every bad row is reported
 * with its line number and the whole file is rejected (422). Runs in a worker thread (`parseGvIsysOffLoop`);
 * check the archive's sizes (`checkZipLimits`) before.
 */
export async function parseGvIsys(data: Buffer, land = '14'): Promise<GvFile> {
  const { default: Excel } = await import('exceljs'); // loaded here: the server imports this file at start for unreadableGvFile
  const wb = new Excel.Workbook();
  try { await wb.xlsx.load(data as unknown as ArrayBuffer); } catch { throw unreadableGvFile(); }
  const ws = wb.worksheets.find((w) => w.name.startsWith('Onlineprodukt')) ?? wb.worksheets.find((w) => w.rowCount > 100);
  if (!ws) throw new Problem(422, 'registry_file_invalid', 'Die Datei enthält kein Tabellenblatt „Onlineprodukt_Gemeinden“.', { field: 'file' });
  let referenceDate: string | null = null;
  for (let r = 1; r <= 8 && !referenceDate; r++) {
    const m = /Gebietsstand am (\d{2})\.(\d{2})\.(\d{4})/.exec(ws.getRow(r).values ? (ws.getRow(r).values as ExcelJS.CellValue[]).map(text).join(' ') : '');
    if (m) referenceDate = `${m[3]}-${m[2]}-${m[1]}`;
  }
  if (!referenceDate) throw new Problem(422, 'registry_file_invalid', 'Der Gebietsstand („Gebietsstand am TT.MM.JJJJ“) fehlt im Tabellenkopf.', { field: 'file' });

  const errors: { line: number; message: string }[] = [];
  const out: GvFile = { referenceDate, communes: [], associations: [], districts: [] };
  ws.eachRow((row, line) => {
    const v = row.values as ExcelJS.CellValue[];
    const satzart = text(v[1]);
    if (text(v[3]) !== land || !['40', '50', '60'].includes(satzart)) return;
    const [tk, rb, kreis, vb, gem, name] = [text(v[2]), text(v[4]), text(v[5]), text(v[6]), text(v[7]), text(v[8])];
    const districtAgs = `${land}${rb}${kreis}`;
    if (!/^\d{5}$/.test(districtAgs)) { errors.push({ line, message: `Kreisschlüssel „${districtAgs}“ ist ungültig.` }); return; }
    if (!name) { errors.push({ line, message: 'Der Name fehlt.' }); return; }
    if (satzart === '40') { out.districts.push({ line, ags: districtAgs, name }); return; }
    const associationArs = `${districtAgs}${vb}`;
    if (!/^\d{9}$/.test(associationArs)) { errors.push({ line, message: `Verbandsschlüssel „${vb}“ ist ungültig.` }); return; }
    if (satzart === '50') {
      out.associations.push({ line, ars: associationArs, name, textCode: tk, type: ASSOCIATION_TYPES[tk] ?? `Gemeindeverband (${tk})`, districtAgs });
      return;
    }
    const ags = `${districtAgs}${gem}`;
    if (!/^\d{8}$/.test(ags)) { errors.push({ line, message: `AGS „${ags}“ ist ungültig (8 Ziffern erwartet).` }); return; }
    const [area, pop, m, w] = [num(v[9]), num(v[10]), num(v[11]), num(v[12])];
    const bad = (field: string, value: number | null) => value === null || value < 0 ? `${field} fehlt oder ist keine Zahl` : null;
    const problems = [bad('Fläche', area), bad('Bevölkerung insgesamt', pop), bad('Bevölkerung männlich', m), bad('Bevölkerung weiblich', w)].filter(Boolean);
    if (problems.length === 0 && m! + w! !== pop) problems.push(`männlich + weiblich (${m! + w!}) ≠ insgesamt (${pop})`);
    if (!COMMUNE_TYPES[tk]) problems.push(`Textkennzeichen „${tk}“ ist unbekannt`);
    if (problems.length) { errors.push({ line, message: `${name} (${ags}): ${problems.join('; ')}.` }); return; }
    out.communes.push({
      line, ags, ars: `${associationArs}${gem}`, name, textCode: tk, type: COMMUNE_TYPES[tk]!, districtAgs, associationArs,
      areaKm2: area!, population: pop!, populationMale: m!, populationFemale: w!, postalCode: text(v[14]) || null, lon: num(v[15]), lat: num(v[16]),
    });
  });
  const seen = new Map<string, number>();
  for (const c of out.communes) {
    if (seen.has(c.ags)) errors.push({ line: c.line, message: `AGS ${c.ags} kommt doppelt vor (zuerst in Zeile ${seen.get(c.ags)}).` });
    seen.set(c.ags, c.line);
  }
  if (errors.length) {
    errors.sort((a, b) => a.line - b.line);
    throw new Problem(422, 'registry_file_invalid',
      `Die Datei enthält ${errors.length} fehlerhafte Zeile(n); es wurde nichts übernommen. Erste: Zeile ${errors[0]!.line}: ${errors[0]!.message}`,
      { errors: errors.map((e) => ({ field: 'file', label: `Zeile ${e.line}`, message: e.message, line: e.line })) });
  }
  if (out.communes.length === 0) throw new Problem(422, 'registry_file_invalid', 'Die Datei enthält keine sächsischen Gemeinden (Land 14).', { field: 'file' });
  return out;
}
