/** Column-oriented data for the engine, and a fast CSV reader that fills it (pure: bytes or text in, columns out). */

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

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function categorical(values: readonly (string | null)[]): CategoricalColumn {
  const levels = [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort(compareStrings);
  const index = new Map(levels.map((l, i) => [l, i]));
  return { kind: 'categorical', codes: Int32Array.from(values, (v) => (v === null || v === '' ? -1 : index.get(v)!)), levels };
}

export function numeric(values: readonly (number | null)[]): NumericColumn {
  return { kind: 'numeric', values: Float64Array.from(values, (v) => (v === null ? NaN : v)) };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;
const SEMICOLON = 59;
const N = 78;
const A = 65;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;

/** Exact powers of ten: m / 10^k is correctly rounded for integer m < 2^53 and k ≤ 22 (Clinger's fast path). */
const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const EXACT_INTEGER_LIMIT = 2 ** 53;

const decoder = new TextDecoder('utf-8');
/** Distinct non-plain numbers remembered per column. */
const SLOW_VALUES_KEPT = 4096;

/** Number(text) of a field [+-]digits[.digits] that is exact in binary with at most 22 decimals; NaN for other forms. */
function parsePlainNumber(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  const sign = bytes[p];
  if (sign === MINUS || sign === PLUS) p++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; p < end; p++) {
    const c = bytes[p]!;
    const d = c - ZERO;
    if (d >= 0 && d <= 9) { mantissa = mantissa * 10 + d; digits++; if (decimals >= 0) decimals++; }
    else if (c === DOT && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || mantissa >= EXACT_INTEGER_LIMIT || decimals > 22) return NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return sign === MINUS ? -value : value;
}

/**
 * Dictionary of one column's values → codes in order of appearance. Values of up to 6 bytes are
 * found by an exact number made of their bytes (a short list, then a map); longer ones by open
 * addressing on a byte hash, compared byte-wise with their first occurrence; unescaped text by text.
 */
class Dictionary {
  private shortKeys: number[] = [];
  private shortCodes: number[] = [];
  private shortMap: Map<number, number> | null = null;
  /** Entry index + 1 per slot, 0 = empty. */
  private slots = new Int32Array(64);
  private entryHash: number[] = [];
  private entryStart: number[] = [];
  private entryEnd: number[] = [];
  private entryCode: number[] = [];
  /** Level text by code, in order of appearance. */
  readonly seen: string[] = [];
  private byText = new Map<string, number>();

  constructor(private readonly bytes: Uint8Array) {}

  /** Code of the (non-empty) value in bytes [start, end). */
  code(start: number, end: number): number {
    const bytes = this.bytes;
    if (end - start <= 6) {
      // The length, then the bytes: distinct values give distinct numbers below 2^53.
      let key = end - start;
      for (let p = start; p < end; p++) key = key * 256 + bytes[p]!;
      const keys = this.shortKeys;
      for (let k = 0; k < keys.length; k++) if (keys[k] === key) return this.shortCodes[k]!;
      const known = this.shortMap?.get(key);
      if (known !== undefined) return known;
      const code = this.codeOfText(decoder.decode(bytes.subarray(start, end)));
      if (keys.length < 8) { keys.push(key); this.shortCodes.push(code); } else (this.shortMap ??= new Map()).set(key, code);
      return code;
    }
    let hash = 0x811c9dc5;
    for (let p = start; p < end; p++) hash = Math.imul(hash ^ bytes[p]!, 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) {
        const code = this.codeOfText(decoder.decode(bytes.subarray(start, end)));
        this.slots[slot] = this.entryCode.length + 1;
        this.entryHash.push(hash); this.entryStart.push(start); this.entryEnd.push(end); this.entryCode.push(code);
        if (this.entryCode.length * 2 > this.slots.length) this.grow();
        return code;
      }
      if (this.entryHash[entry] !== hash) continue;
      const s = this.entryStart[entry]!;
      if (this.entryEnd[entry]! - s !== end - start) continue;
      let p = 0;
      while (start + p < end && bytes[s + p] === bytes[start + p]) p++;
      if (start + p === end) return this.entryCode[entry]!;
    }
  }

  /** Code of a value given as text (also for values that had to be unescaped). */
  codeOfText(text: string): number {
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.seen.length;
      this.seen.push(text);
      this.byText.set(text, code);
    }
    return code;
  }

  private grow() {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.entryHash.length; entry++) {
      let slot = this.entryHash[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

/** Re-sorts a categorical column's levels after reading (codes were assigned in order of appearance). */
function sortLevels(codes: Int32Array, seen: string[]): CategoricalColumn {
  const levels = [...seen].sort(compareStrings);
  const rank = new Map(levels.map((l, k) => [l, k]));
  const remap = Int32Array.from(seen, (l) => rank.get(l)!);
  let identity = true;
  for (let k = 0; k < remap.length; k++) if (remap[k] !== k) identity = false;
  if (!identity) for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) codes[i] = remap[codes[i]!]!;
  return { kind: 'categorical', codes, levels };
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let p = bytes.indexOf(LF); p >= 0 && p < offset; p = bytes.indexOf(LF, p + 1)) line++;
  return line;
}

/**
 * Reads the named columns of a CSV file (UTF-8 bytes, or text): RFC 4180 quoting (fields in double
 * quotes may hold separators, line breaks and doubled quotes), header line, `,` or `;` separator (`;`
 * when the header has it and no `,`), LF or CRLF line ends, a leading byte order mark, blank lines skipped.
 * Empty fields and `NA` are missing. A numeric field is read as Number() reads it; one that is not a
 * number is an error naming the line.
 *
 * One pass over the bytes, no text per row: other columns are only scanned, numbers are parsed while
 * scanning (digit strings that are exact in binary with at most 22 decimals directly, m / 10^k being
 * correctly rounded as Number() is; anything else through Number(), remembering the last such field per
 * column because weights repeat), categories are looked up by their bytes.
 */
export function readCsv(input: Uint8Array | string, wanted: Record<string, 'numeric' | 'categorical'>): Table {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const length = bytes.length;
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headerEnd = bytes.indexOf(LF, pos) < 0 ? length : bytes.indexOf(LF, pos);
  const headerBytes = bytes.subarray(pos, headerEnd);
  const separator = headerBytes.indexOf(SEMICOLON) >= 0 && headerBytes.indexOf(COMMA) < 0 ? SEMICOLON : COMMA;
  const stops = new Uint8Array(256);
  stops[separator] = stops[LF] = stops[CR] = 1;
  let recordStart = pos;
  const fail = (message: (line: number) => string, column?: string): never => {
    const line = lineOf(bytes, recordStart);
    throw new DataError(message(line), line, column);
  };
  const text = (start: number, end: number, escaped: boolean) => {
    const raw = decoder.decode(bytes.subarray(start, end));
    return escaped ? raw.replaceAll('""', '"') : raw;
  };

  // Header: read with the same rules as a record.
  const header: string[] = [];
  for (;;) {
    let start = pos;
    let end: number;
    let escaped = false;
    if (bytes[pos] === QUOTE) {
      start = pos + 1;
      let q = bytes.indexOf(QUOTE, start);
      while (q >= 0 && bytes[q + 1] === QUOTE) { escaped = true; q = bytes.indexOf(QUOTE, q + 2); }
      if (q < 0) fail((line) => `Line ${line}: a quoted field is not closed.`);
      end = q;
      pos = q + 1;
    } else {
      while (pos < length && stops[bytes[pos]!] === 0) pos++;
      end = pos;
    }
    header.push(text(start, end, escaped).trim());
    const c = bytes[pos];
    pos++;
    if (c === separator) continue;
    if (c === CR && bytes[pos] === LF) pos++;
    else if (c !== LF && c !== CR && pos <= length) fail((line) => `Line ${line}: a quoted field is followed by text before the next separator.`);
    break;
  }
  for (const name of Object.keys(wanted)) if (!header.includes(name)) throw new DataError(`The data has no column "${name}".`, 1, name);
  const fields = header.length;

  // Upper bound of the row count: line breaks after the header, plus a last line without one.
  let capacity = pos < length && bytes[length - 1] !== LF ? 1 : 0;
  for (let p = bytes.indexOf(LF, pos); p >= 0; p = bytes.indexOf(LF, p + 1)) capacity++;
  const kinds = new Uint8Array(fields); // 0 skip, 1 numeric, 2 categorical
  const numbers = header.map(() => new Float64Array(0));
  const codes = header.map(() => new Int32Array(0));
  const dictionaries = header.map(() => new Dictionary(bytes));
  // Per numeric column, the values of fields that needed Number(), by their bytes (weights repeat);
  // a column with too many distinct such values goes without.
  const slowFields: (Dictionary | null)[] = header.map(() => new Dictionary(bytes));
  const slowValues: number[][] = header.map(() => []);
  header.forEach((name, k) => {
    const kind = Object.hasOwn(wanted, name) ? wanted[name] : undefined;
    if (kind === 'numeric') { kinds[k] = 1; numbers[k] = new Float64Array(capacity); }
    if (kind === 'categorical') { kinds[k] = 2; codes[k] = new Int32Array(capacity); }
  });

  let rows = 0;
  while (pos < length) {
    const first = bytes[pos];
    if (first === LF) { pos++; continue; }
    if (first === CR) { pos += bytes[pos + 1] === LF ? 2 : 1; continue; }
    recordStart = pos;
    let k = 0;
    for (;;) {
      const kind = k < fields ? kinds[k]! : 0;
      let start = pos;
      let end: number;
      let escaped = false;
      let value = NaN;
      if (bytes[pos] === QUOTE) {
        start = pos + 1;
        // Fields are short: a loop is cheaper here than indexOf.
        let q = start;
        for (;;) {
          while (q < length && bytes[q] !== QUOTE) q++;
          if (q >= length) fail((line) => `Line ${line}: a quoted field is not closed.`);
          if (bytes[q + 1] !== QUOTE) break;
          escaped = true;
          q += 2;
        }
        end = q;
        pos = q + 1;
        if (kind === 1 && !escaped) value = parsePlainNumber(bytes, start, end);
      } else if (kind === 1) {
        // Parse [+-]digits[.digits] while scanning; stop at the field's end or at any other byte.
        let c = bytes[pos];
        let negative = false;
        if (c === MINUS || c === PLUS) { negative = c === MINUS; c = bytes[++pos]; }
        const digitsStart = pos;
        let mantissa = 0;
        let dot = -1;
        for (;;) {
          const d = c! - ZERO;
          if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
          else if (c === DOT && dot < 0) dot = pos;
          else break;
          c = bytes[++pos];
        }
        const decimals = dot < 0 ? 0 : pos - dot - 1;
        if (pos < length && stops[c!] === 0) while (pos < length && stops[bytes[pos]!] === 0) pos++;
        else if (pos - digitsStart > (dot < 0 ? 0 : 1) && mantissa < EXACT_INTEGER_LIMIT && decimals <= 22) {
          value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
          if (negative) value = -value;
        }
        end = pos;
      } else {
        while (stops[bytes[pos]!] === 0) pos++; // past the end, bytes[pos] is undefined and stops[undefined] is not 0
        end = pos;
      }

      if (kind === 1) {
        const missing = !escaped && (end === start || (end - start === 2 && bytes[start] === N && bytes[start + 1] === A));
        if (!missing && Number.isNaN(value)) value = slowNumber(k, start, end, escaped);
        numbers[k]![rows] = value;
      } else if (kind === 2) {
        const missing = !escaped && (end === start || (end - start === 2 && bytes[start] === N && bytes[start + 1] === A));
        codes[k]![rows] = missing ? -1 : escaped ? dictionaries[k]!.codeOfText(text(start, end, true)) : dictionaries[k]!.code(start, end);
      }
      k++;

      const c = bytes[pos];
      pos++;
      if (c === separator) continue;
      if (c === CR && bytes[pos] === LF) pos++;
      else if (c !== LF && c !== CR && pos <= length) fail((line) => `Line ${line}: a quoted field is followed by text before the next separator.`);
      break;
    }
    if (k !== fields) fail((line) => `Line ${line} has ${k} fields, the header ${fields}.`);
    rows++;
  }

  /** A numeric field in another form than plain digits: Number() on its text, remembered by its bytes. */
  function slowNumber(k: number, start: number, end: number, escaped: boolean): number {
    const known = escaped ? null : slowFields[k]!;
    const code = known ? known.code(start, end) : -1;
    const values = slowValues[k]!;
    if (code >= 0 && code < values.length) return values[code]!;
    const field = known ? known.seen[code]! : text(start, end, escaped);
    const value = Number(field);
    if (Number.isNaN(value)) fail((line) => `Line ${line}, column "${header[k]}": "${field}" is not a number.`, header[k]);
    if (known) {
      values.push(value);
      if (values.length > SLOW_VALUES_KEPT) slowFields[k] = null;
    }
    return value;
  }

  const columns = new Map<string, Column>();
  header.forEach((name, k) => {
    if (kinds[k] === 1) columns.set(name, { kind: 'numeric', values: rows === capacity ? numbers[k]! : numbers[k]!.slice(0, rows) });
    if (kinds[k] === 2) columns.set(name, sortLevels(rows === capacity ? codes[k]! : codes[k]!.slice(0, rows), dictionaries[k]!.seen));
  });
  return { rows, columns };
}
