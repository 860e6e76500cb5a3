/** Column-oriented data for the engine, and a fast CSV reader that fills it (pure: text in, columns out). */

export interface CategoricalColumn {
  kind: 'categorical';
  /** Index into `levels` per row, −1 where the value is missing. */
  codes: Int32Array;
  /** Distinct values, sorted. */
  levels: string[];
}

export interface NumericColumn {
  kind: 'numeric';
  /** NaN where the value is missing. */
  values: Float64Array;
}

export type Column = CategoricalColumn | NumericColumn;

export interface Table {
  rows: number;
  columns: Map<string, Column>;
}

export class DataError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: string) {
    super(message);
    this.name = 'DataError';
  }
}

export function categorical(values: readonly (string | null)[]): CategoricalColumn {
  const levels = [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(levels.map((l, i) => [l, i]));
  return { kind: 'categorical', codes: Int32Array.from(values, (v) => (v === null || v === '' ? -1 : index.get(v)!)), levels };
}

export function numeric(values: readonly (number | null)[]): NumericColumn {
  return { kind: 'numeric', values: Float64Array.from(values, (v) => (v === null ? NaN : v)) };
}

/** Re-sorts a categorical column's levels after reading (codes were assigned in order of appearance). */
function sortLevels(codes: Int32Array, seen: string[]): CategoricalColumn {
  const levels = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const remap = Int32Array.from(seen, (l) => levels.indexOf(l));
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) codes[i] = remap[codes[i]!]!;
  return { kind: 'categorical', codes, levels };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function isMissing(text: string): boolean {
  return text === '' || text === 'NA';
}

/**
 * Reads the named columns of a CSV text (RFC 4180 quoting, header line, `,` or `;` separator).
 * Empty fields and `NA` are missing. A numeric field that is not a number is an error naming the line.
 */
export function readCsv(text: string, wanted: Record<string, 'numeric' | 'categorical'>): Table {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? 59 : 44;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = text.length;
  let unquoted = '';

  /** Reads one field starting at pos; returns [value, terminator code (separator, LF or −1 at end)]. */
  function field(): number {
    if (text.charCodeAt(pos) === QUOTE) {
      let out = '';
      let start = ++pos;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q < 0) throw new DataError('A quoted field is not closed.');
        if (text.charCodeAt(q + 1) === QUOTE) { out += text.slice(start, q + 1); pos = q + 2; start = pos; continue; }
        out += text.slice(start, q);
        pos = q + 1;
        break;
      }
      unquoted = out;
    } else {
      const start = pos;
      while (pos < length) {
        const c = text.charCodeAt(pos);
        if (c === separator || c === LF || c === CR) break;
        pos++;
      }
      unquoted = text.slice(start, pos);
    }
    if (pos >= length) return -1;
    let c = text.charCodeAt(pos);
    if (c === CR) { pos++; c = text.charCodeAt(pos); }
    pos++;
    return c === separator ? separator : LF;
  }

  const header: string[] = [];
  for (;;) {
    const end = field();
    header.push(unquoted.trim());
    if (end !== separator) break;
  }
  const slots = header.map((name) => wanted[name]);
  for (const name of Object.keys(wanted)) if (!header.includes(name)) throw new DataError(`The data has no column "${name}".`, 1, name);

  let capacity = Math.max(1024, Math.ceil(length / Math.max(1, header.length * 4)));
  const numbers = new Map<number, Float64Array>();
  const codes = new Map<number, Int32Array>();
  const dictionaries = new Map<number, Map<string, number>>();
  slots.forEach((kind, k) => {
    if (kind === 'numeric') numbers.set(k, new Float64Array(capacity));
    if (kind === 'categorical') { codes.set(k, new Int32Array(capacity)); dictionaries.set(k, new Map()); }
  });

  let rows = 0;
  let line = 1;
  while (pos < length) {
    line++;
    if (text.charCodeAt(pos) === LF || (text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF)) { pos += text.charCodeAt(pos) === CR ? 2 : 1; continue; }
    if (rows === capacity) {
      capacity *= 2;
      for (const [k, a] of numbers) { const b = new Float64Array(capacity); b.set(a); numbers.set(k, b); }
      for (const [k, a] of codes) { const b = new Int32Array(capacity); b.set(a); codes.set(k, b); }
    }
    let k = 0;
    for (;;) {
      const end = field();
      const kind = slots[k];
      if (kind === 'numeric') {
        const value = isMissing(unquoted) ? NaN : Number(unquoted);
        if (Number.isNaN(value) && !isMissing(unquoted)) throw new DataError(`Line ${line}, column "${header[k]}": "${unquoted}" is not a number.`, line, header[k]);
        numbers.get(k)![rows] = value;
      } else if (kind === 'categorical') {
        const dictionary = dictionaries.get(k)!;
        let code = -1;
        if (!isMissing(unquoted)) {
          code = dictionary.get(unquoted) ?? -1;
          if (code < 0) { code = dictionary.size; dictionary.set(unquoted, code); }
        }
        codes.get(k)![rows] = code;
      }
      k++;
      if (end !== separator) break;
    }
    if (k !== header.length) throw new DataError(`Line ${line} has ${k} fields, the header ${header.length}.`, line);
    rows++;
  }

  const columns = new Map<string, Column>();
  slots.forEach((kind, k) => {
    const name = header[k]!;
    if (kind === 'numeric') columns.set(name, { kind: 'numeric', values: numbers.get(k)!.slice(0, rows) });
    if (kind === 'categorical') columns.set(name, sortLevels(codes.get(k)!.slice(0, rows), [...dictionaries.get(k)!.keys()]));
  });
  return { rows, columns };
}
