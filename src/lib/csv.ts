/** Minimal RFC 4180 CSV reader/writer (quoted fields, embedded separators and newlines). */
export function parseCsvRows(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Parses CSV with a header line into records keyed by header name. Blank lines are skipped. */
export function parseCsv(text: string, separator = ','): Record<string, string | undefined>[] {
  const [header, ...rows] = parseCsvRows(text, separator).filter((r) => r.some((f) => f !== ''));
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i]])));
}

/** Text that spreadsheet software would read as a formula (or a DDE command): = + - @ tab and CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain signed number ("-9", "-2,5") is no formula and stays as it is. */
const SIGNED_NUMBER = /^[+-]\d+(?:[.,]\d+)?$/;

/**
 * One CSV field. Text that starts like a formula is neutralised as OWASP advises against CSV injection:
 * a single quote in front and the field quoted (`=HYPERLINK(…)` → `"'=HYPERLINK(…)"`), so Excel and
 * LibreOffice show it as text. Numbers stay numbers (-3 is written as -3); only text is changed.
 */
export function csvField(value: unknown, separator = ','): string {
  const s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s) && !SIGNED_NUMBER.test(s)) return `"'${s.replaceAll('"', '""')}"`;
  return /["\r\n]/.test(s) || s.includes(separator) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Records as CSV (every export writes through here); `header` gives the columns when there are no records. */
export function toCsv(records: Record<string, unknown>[], separator = ',', header: string[] = Object.keys(records[0] ?? {})): string {
  if (header.length === 0) return '';
  return [header, ...records.map((r) => header.map((h) => r[h]))]
    .map((r) => r.map((v) => csvField(v, separator)).join(separator)).join('\n') + '\n';
}

/**
 * A value for an XLSX cell: text and numbers as they are (exceljs writes strings as text cells, never
 * as formulas), anything else as text, so no value from the data can become a formula or hyperlink
 * object (exceljs reads `{ formula }` and `{ hyperlink }` objects as such).
 */
export function sheetValue(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `sheetValue` for every field of the rows (for `worksheet.addRows`). */
export const sheetRows = <R extends Record<string, unknown>>(rows: R[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, sheetValue(v)])));

/** UTF-8 if the bytes are valid UTF-8, else Windows-1252 (the usual Latin-1 of German administrations). */
export function decodeText(data: Buffer): { text: string; encoding: 'utf-8' | 'latin-1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(data), encoding: 'latin-1' };
  }
}
