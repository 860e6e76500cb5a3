/**
 * The two police crime statistics (PKS) files the platform reads (pure parsing and checks; no I/O).
 *
 * (a) BKA table 01 "Fälle – ausgewählte Straftaten", area Kreise, as the BKA publishes it as CSV:
 *     ISO-8859-1, `;`-separated, a first line of column numbers 1…18, a header line, `,` as thousands
 *     separator and `.` as decimal point, `#DIV/0!` where a rate has no cases, Gemeindeschlüssel without
 *     the leading zero, and offence keys with wildcards (`------` all offences, `****00` all theft, …).
 *     The file covers all of Germany; rows outside the wanted Kreise are checked, then skipped.
 * (b) A municipal table that a Polizeidirektion delivers, documented for them in the UI and README:
 *     CSV (`;` or `,`, UTF-8 or Latin-1) with the columns, in any order, names case-insensitive:
 *       AGS (8 digits), Jahr, Schlüssel (6 characters, digits, `*` or `-`), Straftat,
 *       Fälle, aufgeklärte Fälle, Tatverdächtige.
 * Both are all-or-nothing: every bad line is reported with its line number. Solved cases may exceed the
 * recorded ones (the PKS counts a case as solved in the year it is solved, also if recorded earlier), so
 * a clearance rate above 100 % is data, not an error.
 */
import { decodeText, parseCsvRows } from '../../lib/csv.js';

export interface PksRow {
  line: number;
  areaAgs: string;
  areaName: string | null;
  year: number;
  offenceKey: string;
  offenceLabel: string;
  cases: number;
  attempts: number | null;
  solved: number;
  suspects: number | null;
  publishedRate: number | null;
  publishedClearanceRate: number | null;
}

export interface PksError { line: number; field: string; message: string }

export interface ParsedPks {
  rows: PksRow[];
  /** Rows read but not wanted (other Länder or Kreise). */
  skipped: number;
  errors: PksError[];
  encoding: 'utf-8' | 'latin-1';
}

const OFFENCE_KEY = /^(?:-{6}|[0-9*]{6})$/;

/** Integer with optional thousands separators ("9,677", "12.345", "812"). */
function parseCount(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  return null;
}

/** BKA rates: "10,621" (thousands), "64.8" (decimal), "#DIV/0!" (no cases). */
function parseBkaRate(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '#DIV/0!' || t === '' || t === '-') return null;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t) || /^\d+(?:\.\d+)?$/.test(t)) return Number(t.replaceAll(',', ''));
  return undefined;
}

const BKA_COLUMNS = 18;

export function parseBkaKreisTable(data: Buffer, year: number, wanted: (kreisAgs: string) => boolean): ParsedPks {
  const { text, encoding } = decodeText(data);
  const lines = parseCsvRows(text, ';');
  const errors: PksError[] = [];
  const columnLine = (lines[0] ?? []).map((c) => c.trim());
  if (columnLine.length !== BKA_COLUMNS || columnLine.some((c, i) => c !== String(i + 1))) {
    return { rows: [], skipped: 0, encoding, errors: [{ line: 1, field: 'file', message: 'Erwartet wird die Zeile mit den Spaltennummern 1 bis 18 der BKA-Tabelle 01 (Kreise).' }] };
  }
  const header = (lines[1] ?? []).map((c) => c.trim());
  if (header[0] !== 'Schluessel' || header[2] !== 'Gemeindeschluessel' || !header[5]?.startsWith('Anzahl erfasste F')) {
    return { rows: [], skipped: 0, encoding, errors: [{ line: 2, field: 'file', message: 'Die Kopfzeile entspricht nicht der BKA-Tabelle 01 (Schluessel; Straftat; Gemeindeschluessel; …).' }] };
  }
  const rows: PksRow[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  lines.slice(2).forEach((cells, i) => {
    const line = i + 3;
    if (cells.every((c) => !c.trim())) return;
    const bad = (field: string, message: string) => errors.push({ line, field, message });
    if (cells.length !== BKA_COLUMNS) { bad('file', `${cells.length} statt ${BKA_COLUMNS} Spalten.`); return; }
    const key = cells[0]!.trim();
    const ags = cells[2]!.trim();
    const before = errors.length;
    if (!OFFENCE_KEY.test(key)) bad('Schluessel', `Der Straftatenschlüssel „${key}“ ist ungültig.`);
    if (!cells[1]!.trim()) bad('Straftat', 'Die Bezeichnung der Straftat fehlt.');
    if (!/^\d{4,5}$/.test(ags)) bad('Gemeindeschluessel', `Der Kreisschlüssel „${ags}“ ist ungültig.`);
    const counts = [5, 7, 11, 13, 14, 15].map((c) => parseCount(cells[c]!));
    [5, 7, 11, 13, 14, 15].forEach((c, k) => { if (counts[k] === null) bad(header[c]!, `„${cells[c]}“ in Spalte ${c + 1} ist keine Anzahl.`); });
    const rate = parseBkaRate(cells[6]!);
    const clearance = parseBkaRate(cells[12]!);
    if (rate === undefined) bad(header[6]!, `Die Häufigkeitszahl „${cells[6]}“ ist keine Zahl.`);
    if (clearance === undefined) bad(header[12]!, `Die Aufklärungsquote „${cells[12]}“ ist keine Zahl.`);
    const [cases, attempts, solved, suspects] = [counts[0]!, counts[1]!, counts[2]!, counts[3]!];
    if (errors.length > before) return;
    const areaAgs = ags.padStart(5, '0');
    const id = `${areaAgs}|${key}`;
    if (seen.has(id)) { bad('Schluessel', `Kreis ${areaAgs} und Schlüssel ${key} kommen doppelt vor.`); return; }
    seen.add(id);
    if (!wanted(areaAgs)) { skipped++; return; }
    rows.push({
      line, areaAgs, areaName: cells[3]!.trim(), year, offenceKey: key, offenceLabel: cells[1]!.trim(), cases: cases!, attempts,
      solved: solved!, suspects, publishedRate: rate ?? null, publishedClearanceRate: clearance ?? null,
    });
  });
  return { rows, skipped, errors, encoding };
}

const MUNICIPAL_COLUMNS = {
  ags: ['ags', 'gemeindeschluessel', 'gemeindeschlüssel'],
  year: ['jahr'],
  key: ['schlüssel', 'schluessel', 'straftatenschlüssel', 'straftatenschluessel'],
  label: ['straftat', 'bezeichnung'],
  cases: ['fälle', 'faelle', 'erfasste fälle', 'erfasste faelle'],
  solved: ['aufgeklärte fälle', 'aufgeklaerte faelle', 'aufgeklärt', 'aufgeklaert'],
  suspects: ['tatverdächtige', 'tatverdaechtige'],
} as const;

export interface MunicipalContext {
  /** Is this AGS a commune of the registry? */
  communeExists: (ags: string) => boolean;
  /** Why the uploader may not deliver figures for this commune (e.g. another directorate), or null. */
  refuse: (ags: string) => string | null;
  currentYear: number;
}

export function parseMunicipalTable(data: Buffer, context: MunicipalContext): ParsedPks {
  const { text, encoding } = decodeText(data);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const lines = parseCsvRows(text, separator);
  const header = (lines[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(Object.entries(MUNICIPAL_COLUMNS).map(([k, names]) => [k, header.findIndex((h) => (names as readonly string[]).includes(h))])) as Record<keyof typeof MUNICIPAL_COLUMNS, number>;
  const missing = Object.entries(index).filter(([, i]) => i < 0).map(([k]) => MUNICIPAL_COLUMNS[k as keyof typeof MUNICIPAL_COLUMNS][0]);
  if (missing.length) return { rows: [], skipped: 0, encoding, errors: [{ line: 1, field: 'file', message: `Es fehlen die Spalten: ${missing.join(', ')}.` }] };
  const rows: PksRow[] = [];
  const errors: PksError[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const get = (k: keyof typeof MUNICIPAL_COLUMNS) => (cells[index[k]] ?? '').trim();
    const bad = (field: string, message: string) => errors.push({ line, field, message });
    const before = errors.length;
    const ags = get('ags');
    if (!/^\d{8}$/.test(ags)) bad('AGS', `Der Gemeindeschlüssel „${ags}“ hat nicht 8 Ziffern.`);
    else if (!context.communeExists(ags)) bad('AGS', `Die Gemeinde ${ags} ist im Gemeindeverzeichnis nicht bekannt.`);
    else {
      const refusal = context.refuse(ags);
      if (refusal) bad('AGS', refusal);
    }
    const year = Number(get('year'));
    if (!/^\d{4}$/.test(get('year')) || year < 1990 || year > context.currentYear) bad('Jahr', `Das Jahr „${get('year')}“ ist ungültig.`);
    const key = get('key');
    if (!OFFENCE_KEY.test(key)) bad('Schlüssel', `Der Straftatenschlüssel „${key}“ ist ungültig (6 Zeichen: Ziffern, * oder -).`);
    if (!get('label')) bad('Straftat', 'Die Bezeichnung der Straftat fehlt.');
    const cases = parseCount(get('cases'));
    const solved = parseCount(get('solved'));
    const suspects = parseCount(get('suspects'));
    if (cases === null) bad('Fälle', `„${get('cases')}“ ist keine Anzahl.`);
    if (solved === null) bad('aufgeklärte Fälle', `„${get('solved')}“ ist keine Anzahl.`);
    if (suspects === null) bad('Tatverdächtige', `„${get('suspects')}“ ist keine Anzahl.`);
    if (errors.length > before) return;
    const id = `${ags}|${year}|${key}`;
    const first = seen.get(id);
    if (first) { bad('Schlüssel', `Gemeinde ${ags}, Jahr ${year}, Schlüssel ${key} steht schon in Zeile ${first}.`); return; }
    seen.set(id, line);
    rows.push({
      line, areaAgs: ags, areaName: null, year, offenceKey: key, offenceLabel: get('label'), cases: cases!, attempts: null, solved: solved!,
      suspects, publishedRate: null, publishedClearanceRate: null,
    });
  });
  return { rows, skipped: 0, errors, encoding };
}
