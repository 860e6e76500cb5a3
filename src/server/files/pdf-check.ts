import { inflateSync } from 'node:zlib';
import { runTask, TaskLimitError } from '../workers.js';

/**
 * A structural check of an uploaded PDF (no PDF library in the dependencies reads PDFs): header, the
 * `startxref` / `%%EOF` trailer, the cross-reference table or stream (with earlier sections via /Prev),
 * every object it lists (also inside object streams), the catalog and its page tree. It refuses HTML
 * or scripts in the file and active content: JavaScript, launch actions, embedded files, forms that
 * submit data, and the like (names are compared after decoding `#xx` escapes).
 */
export type PdfVerdict =
  | { ok: true; version: string; pages: number; objects: number }
  | { ok: false; reason: 'not_pdf' | 'broken' | 'html' | 'active' | 'encrypted'; detail: string };

/** Names whose presence means active content a signed scan never needs. */
export const ACTIVE_NAMES = new Set(['JS', 'JavaScript', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'SubmitForm', 'ImportData', 'XFA', 'GoToE', 'GoToR']);
/** Markup that makes a file an HTML polyglot, searched outside stream data. */
const HTML = /<(?:html|script|body|iframe|object|embed|svg|meta)[\s>/]|<!doctype\s+html|javascript:/i;

const MAX_OBJECTS = 200_000;
const MAX_DEPTH = 64;
const MAX_INFLATED = 64 * 1024 * 1024;

type Value = null | boolean | number | Name | Str | Ref | Value[] | Dict;
class Name { constructor(readonly v: string) {} }
class Str { constructor(readonly v: string) {} }
class Ref { constructor(readonly n: number, readonly g: number) {} }
class Dict extends Map<string, Value> {}
interface Obj { value: Value; stream?: { start: number; end: number } }

class Broken extends Error {}
class Active extends Error {}
const fail = (msg: string): never => { throw new Broken(msg); };

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const isDelim = (c: number) => c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 47 || c === 37;
const isRegular = (c: number) => !Number.isNaN(c) && !isWhite(c) && !isDelim(c);

/** A tokenizer/parser for PDF object syntax over a latin1 string (one char per byte). */
class Parser {
  pos = 0;
  constructor(readonly s: string, readonly onName: (name: string) => void) {}

  skip() {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (isWhite(c)) this.pos++;
      else if (c === 37) { while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++; } // comment
      else return;
    }
  }
  token(): string {
    this.skip();
    const start = this.pos;
    while (isRegular(this.s.charCodeAt(this.pos))) this.pos++;
    return this.s.slice(start, this.pos);
  }
  int(): number {
    const t = this.token();
    if (!/^\d+$/.test(t)) fail(`Zahl erwartet bei Byte ${this.pos}`);
    return Number(t);
  }
  keyword(word: string): boolean {
    this.skip();
    if (this.s.startsWith(word, this.pos) && !isRegular(this.s.charCodeAt(this.pos + word.length))) { this.pos += word.length; return true; }
    return false;
  }

  value(depth = 0): Value {
    if (depth > MAX_DEPTH) fail('zu tief verschachtelt');
    this.skip();
    const s = this.s;
    const c = s[this.pos];
    if (c === undefined) return fail('unerwartetes Dateiende');
    if (c === '/') {
      const start = ++this.pos;
      while (isRegular(s.charCodeAt(this.pos))) this.pos++;
      const name = s.slice(start, this.pos).replace(/#([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      this.onName(name);
      return new Name(name);
    }
    if (c === '(') return this.literal();
    if (c === '<' && s[this.pos + 1] === '<') {
      this.pos += 2;
      const d = new Dict();
      for (;;) {
        this.skip();
        if (s.startsWith('>>', this.pos)) { this.pos += 2; return d; }
        const key = this.value(depth + 1);
        if (!(key instanceof Name)) return fail(`Name als Schlüssel erwartet bei Byte ${this.pos}`);
        d.set(key.v, this.value(depth + 1));
      }
    }
    if (c === '<') {
      const end = s.indexOf('>', this.pos);
      if (end < 0) fail('Hex-Zeichenkette ohne Ende');
      const hex = s.slice(this.pos + 1, end).replace(/[\0\t\n\f\r ]/g, '');
      if (!/^[0-9a-f]*$/i.test(hex)) fail(`ungültige Hex-Zeichenkette bei Byte ${this.pos}`);
      this.pos = end + 1;
      return new Str(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
    }
    if (c === '[') {
      this.pos++;
      const a: Value[] = [];
      for (;;) {
        this.skip();
        if (s[this.pos] === ']') { this.pos++; return a; }
        if (this.pos >= s.length) fail('Feld ohne Ende');
        a.push(this.value(depth + 1));
      }
    }
    const start = this.pos;
    const t = this.token();
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) {
      // "n g R" is a reference
      if (/^\d+$/.test(t)) {
        const save = this.pos;
        const g = this.token();
        if (/^\d+$/.test(g) && this.keyword('R')) return new Ref(Number(t), Number(g));
        this.pos = save;
      }
      return Number(t);
    }
    return fail(`unbekanntes Element „${t.slice(0, 20) || s[start]}“ bei Byte ${start}`);
  }

  literal(): Str {
    const s = this.s;
    let depth = 0;
    let out = '';
    for (let i = this.pos; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\\') { out += s[++i] ?? ''; continue; }
      if (c === '(') { if (depth++ === 0) continue; }
      if (c === ')' && --depth === 0) { this.pos = i + 1; return new Str(out); }
      out += c;
    }
    return fail('Zeichenkette ohne Ende');
  }
}

/** The decoded data of a stream (no filter or FlateDecode, with PNG predictors), bounded in size. */
function decodeStream(file: Buffer, dict: Dict, range: { start: number; end: number }, budget: { left: number }): Buffer {
  const raw = file.subarray(range.start, range.end);
  const filter = dict.get('Filter');
  const filters = (Array.isArray(filter) ? filter : filter ? [filter] : []).map((f) => (f instanceof Name ? f.v : fail('ungültiger Filter')));
  if (filters.length === 0) return raw;
  if (filters.length !== 1 || filters[0] !== 'FlateDecode') fail(`nicht unterstützter Filter ${filters.join(', ')} für Verzeichnisdaten`);
  let out0: Buffer;
  try { out0 = inflateSync(raw, { maxOutputLength: Math.max(1, budget.left) }); } catch { return fail('Verzeichnisdaten lassen sich nicht entpacken oder sind zu groß'); }
  budget.left -= out0.length;
  const parms = dict.get('DecodeParms');
  const p = parms instanceof Dict ? parms : Array.isArray(parms) && parms[0] instanceof Dict ? parms[0] : null;
  const predictor = typeof p?.get('Predictor') === 'number' ? (p.get('Predictor') as number) : 1;
  if (predictor < 10) return out0;
  const data = out0;
  const columns = typeof p?.get('Columns') === 'number' ? (p.get('Columns') as number) : 1;
  const rowLen = columns + 1;
  const out = Buffer.alloc(Math.floor(data.length / rowLen) * columns);
  for (let r = 0; r * rowLen + rowLen <= data.length; r++) {
    const type = data[r * rowLen]!;
    for (let i = 0; i < columns; i++) {
      const x = data[r * rowLen + 1 + i]!;
      const left = i > 0 ? out[r * columns + i - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + i]! : 0;
      const ul = r > 0 && i > 0 ? out[(r - 1) * columns + i - 1]! : 0;
      const pa = Math.abs(up - ul), pb = Math.abs(left - ul), pc = Math.abs(left + up - 2 * ul);
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : ul;
      out[r * columns + i] = (x + [0, left, up, (left + up) >> 1, paeth][type]!) & 0xff;
    }
  }
  return out;
}

export function inspectPdf(data: Buffer): PdfVerdict {
  const s = data.toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(s)?.[1];
  if (!version) return { ok: false, reason: 'not_pdf', detail: 'Die Datei ist kein PDF-Dokument (der Inhalt passt nicht zur Endung).' };
  const active = new Set<string>();
  const onName = (n: string) => { if (ACTIVE_NAMES.has(n)) active.add(n); };
  const p = new Parser(s, onName);
  const streams: { start: number; end: number }[] = [];
  const entries = new Map<number, { type: 1; offset: number; g: number } | { type: 2; stm: number; idx: number }>();
  const objects = new Map<number, Obj>();
  const budget = { left: MAX_INFLATED };
  try {
    // Trailer: "startxref <offset> %%EOF" at the end (a little trailing junk is tolerated, as readers do).
    const tail = s.slice(-2048);
    if (!tail.includes('%%EOF')) fail('der Abschluss „%%EOF“ fehlt (die Datei ist unvollständig)');
    const m = /^startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(Math.max(0, tail.lastIndexOf('startxref'))));
    if (!m) fail('„startxref“ fehlt vor dem Abschluss „%%EOF“');

    /** An indirect object "n g obj … endobj" at `offset`, with the byte range of its stream data. */
    const objectAt = (offset: number, n: number): Obj | null => {
      p.pos = offset;
      const num = p.token(); const gen = p.token();
      if (num !== String(n) || !/^\d+$/.test(gen) || !p.keyword('obj')) return null;
      const value = p.value();
      const obj: Obj = { value };
      if (value instanceof Dict && p.keyword('stream')) {
        let start = p.pos;
        if (s[start] === '\r') start++;
        if (s[start] === '\n') start++;
        const len = value.get('Length');
        const declared = typeof len === 'number' ? len : len instanceof Ref ? lengthOf(len) : null;
        let end = declared !== null && declared >= 0 && /^\s*endstream/.test(s.slice(start + declared, start + declared + 12)) ? start + declared : -1;
        if (end < 0) { end = s.indexOf('endstream', start); if (end < 0) fail(`Objekt ${n}: Datenstrom ohne „endstream“`); }
        obj.stream = { start, end };
        streams.push(obj.stream);
        p.pos = end + 'endstream'.length;
      }
      return obj;
    };
    let inLength = false;
    const lengthOf = (ref: Ref): number | null => {
      const e = entries.get(ref.n);
      if (e?.type !== 1 || e.offset <= 0 || inLength) return null;
      const save = p.pos;
      inLength = true;
      const o = objectAt(e.offset, ref.n);
      inLength = false;
      p.pos = save;
      return typeof o?.value === 'number' ? o.value : null;
    };

    // Cross-reference sections, newest first; older ones (/Prev) do not override newer entries.
    let trailer: Dict | null = null;
    const seen = new Set<number>();
    const readXref = (offset: number) => {
      if (seen.has(offset) || seen.size > 1000) fail('die Querverweise bilden eine Schleife');
      seen.add(offset);
      if (offset >= s.length) fail('„startxref“ zeigt hinter das Dateiende');
      p.pos = offset;
      let dict: Dict;
      if (p.keyword('xref')) {
        for (;;) {
          if (p.keyword('trailer')) break;
          const first = p.int(); const count = p.int();
          if (entries.size + count > MAX_OBJECTS) fail('zu viele Objekte');
          for (let i = 0; i < count; i++) {
            const off = p.int(); const g = p.int(); const kind = p.token();
            if (kind !== 'n' && kind !== 'f') fail(`ungültiger Eintrag in der Querverweistabelle bei Byte ${p.pos}`);
            if (kind === 'n' && !entries.has(first + i)) entries.set(first + i, { type: 1, offset: off, g });
            else if (!entries.has(first + i)) entries.set(first + i, { type: 1, offset: -1, g });
          }
        }
        const t = p.value();
        if (!(t instanceof Dict)) return fail('der Trailer ist kein Verzeichnis');
        dict = t;
        const stm = dict.get('XRefStm');
        if (typeof stm === 'number') readXref(stm);
      } else {
        // A cross-reference stream (PDF 1.5+).
        p.pos = offset;
        const n = Number(p.token());
        const o = Number.isInteger(n) ? objectAt(offset, n) : null;
        if (!o || !(o.value instanceof Dict) || !(o.value.get('Type') instanceof Name) || (o.value.get('Type') as Name).v !== 'XRef' || !o.stream) {
          return fail('„startxref“ zeigt weder auf eine Querverweistabelle noch auf einen Querverweis-Datenstrom');
        }
        dict = o.value;
        const w = dict.get('W');
        if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8)) fail('ungültiges /W im Querverweis-Datenstrom');
        const [w0, w1, w2] = w as number[];
        const size = dict.get('Size');
        if (typeof size !== 'number' || size > MAX_OBJECTS) fail('ungültiges /Size');
        const index = dict.get('Index') ?? [0, size];
        if (!Array.isArray(index) || index.length % 2 || !index.every((x) => typeof x === 'number')) fail('ungültiges /Index');
        const rows = decodeStream(data, dict, o.stream, budget);
        const rowLen = w0! + w1! + w2!;
        const field = (at: number, width: number) => { let v = 0; for (let i = 0; i < width; i++) v = v * 256 + rows[at + i]!; return v; };
        let row = 0;
        for (let k = 0; k < (index as number[]).length; k += 2) {
          const first = (index as number[])[k]!; const count = (index as number[])[k + 1]!;
          if (entries.size + count > MAX_OBJECTS) fail('zu viele Objekte');
          for (let i = 0; i < count; i++, row++) {
            const at = row * rowLen;
            if (at + rowLen > rows.length) fail('der Querverweis-Datenstrom ist zu kurz');
            const type = w0 ? field(at, w0) : 1;
            const a = field(at + w0!, w1!); const b = field(at + w0! + w1!, w2!);
            if (entries.has(first + i)) continue;
            if (type === 1) entries.set(first + i, { type: 1, offset: a, g: b });
            else if (type === 2) entries.set(first + i, { type: 2, stm: a, idx: b });
            else entries.set(first + i, { type: 1, offset: -1, g: 0 });
          }
        }
      }
      trailer ??= dict;
      const prev = dict.get('Prev');
      if (typeof prev === 'number') readXref(prev);
    };
    readXref(Number(m![1]));
    const root = trailer!.get('Root');
    if (trailer!.has('Encrypt')) return { ok: false, reason: 'encrypted', detail: 'Die Datei ist verschlüsselt oder kennwortgeschützt. Bitte laden Sie den Scan ohne Kennwortschutz hoch.' };

    // Every object the cross-references list must be where they say (or be found by its number, as readers repair).
    let found: Map<number, number> | null = null;
    for (const [n, e] of entries) {
      if (e.type !== 1 || e.offset <= 0) continue;
      let o = e.offset < s.length ? objectAt(e.offset, n) : null;
      if (!o) {
        if (!found) {
          found = new Map();
          for (const x of s.matchAll(/(?<![0-9])(\d+)\s+\d+\s+obj\b/g)) found.set(Number(x[1]), x.index);
        }
        const at = found.get(n);
        o = at === undefined ? null : objectAt(at, n);
      }
      if (!o) fail(`Objekt ${n} fehlt an der angegebenen Stelle`);
      objects.set(n, o!);
    }
    // Object streams: every object in them is parsed (also ones no entry points to), so nothing hidden there escapes.
    const packed = new Map<string, Value>();
    for (const [stmNumber, o] of [...objects]) {
      if (!(o.value instanceof Dict) || !o.stream) continue;
      const type = o.value.get('Type');
      if (!(type instanceof Name) || type.v !== 'ObjStm') continue;
      const count = o.value.get('N'); const first = o.value.get('First');
      if (typeof count !== 'number' || typeof first !== 'number' || count > MAX_OBJECTS) fail(`Objektstrom ${stmNumber}: /N oder /First fehlt`);
      const inner = new Parser(decodeStream(data, o.value, o.stream, budget).toString('latin1'), onName);
      const offsets: [number, number][] = [];
      for (let i = 0; i < (count as number); i++) offsets.push([inner.int(), inner.int()]);
      for (const [n, off] of offsets) {
        inner.pos = (first as number) + off;
        packed.set(`${stmNumber}/${n}`, inner.value());
      }
    }
    for (const [n, e] of entries) {
      if (e.type !== 2) continue;
      const v = packed.get(`${e.stm}/${n}`);
      if (v === undefined) fail(`Objekt ${n} fehlt im Objektstrom ${e.stm}`);
      objects.set(n, { value: v! });
    }

    const resolve = (v: Value | undefined): Value | undefined => (v instanceof Ref ? objects.get(v.n)?.value : v);
    const catalog = resolve(root);
    if (!(catalog instanceof Dict)) fail('der Katalog (/Root) fehlt');
    const pages = resolve((catalog as Dict).get('Pages'));
    if (!(pages instanceof Dict)) fail('der Seitenbaum (/Pages) fehlt');
    const count = (pages as Dict).get('Count');
    if (typeof count !== 'number' || count < 1) fail('das Dokument hat keine Seiten');

    // Outside stream data: no markup, no active names in objects no cross-reference lists.
    streams.sort((a, b) => a.start - b.start);
    let from = 0;
    const gaps: string[] = [];
    for (const r of streams) { if (r.start > from) gaps.push(s.slice(from, r.start)); from = Math.max(from, r.end); }
    gaps.push(s.slice(from));
    for (const gap of gaps) {
      if (HTML.test(gap)) return { ok: false, reason: 'html', detail: 'Die Datei enthält HTML oder Skripte und wird aus Sicherheitsgründen nicht angenommen. Bitte laden Sie den Scan als reines PDF hoch.' };
      for (const nm of gap.matchAll(/\/([^\0\t\n\f\r ()<>[\]{}/%]+)/g)) onName(nm[1]!.replace(/#([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    if (active.size) throw new Active();
    return { ok: true, version, pages: count as number, objects: objects.size };
  } catch (err) {
    if (err instanceof Active || (err instanceof Broken && active.size)) {
      return { ok: false, reason: 'active', detail: `Die Datei enthält aktive Inhalte (${[...active].map((a) => `/${a}`).join(', ')}) – etwa JavaScript, Programmstarts, eingebettete Dateien oder Formularversand – und wird aus Sicherheitsgründen nicht angenommen. Bitte laden Sie einen reinen Scan als PDF hoch.` };
    }
    if (err instanceof Broken) {
      if (HTML.test(s.slice(0, 4096))) return { ok: false, reason: 'html', detail: 'Die Datei enthält HTML oder Skripte und wird aus Sicherheitsgründen nicht angenommen. Bitte laden Sie den Scan als reines PDF hoch.' };
      return { ok: false, reason: 'broken', detail: `Die Datei ist kein gültiges PDF-Dokument: ${err.message}.` };
    }
    if (err instanceof RangeError) return { ok: false, reason: 'broken', detail: 'Die Datei ist kein gültiges PDF-Dokument: ihre Struktur ist zu tief verschachtelt.' };
    throw err;
  }
}

/** Files up to this size are checked on the request loop (well under 0.1 s); larger ones in a worker thread. */
export const PDF_INLINE_BYTES = 512 * 1024;

/**
 * `inspectPdf` off the request loop for larger files: a dense 15 MB PDF (hundreds of thousands of tiny
 * objects) takes seconds to walk, which must not stall other requests.
 */
export async function checkPdf(data: Buffer): Promise<PdfVerdict> {
  if (data.length <= PDF_INLINE_BYTES) return inspectPdf(data);
  try {
    return await runTask<PdfVerdict>(new URL('./pdf-check.ts', import.meta.url), 'inspectPdf', [data], { maxHeapMb: 512, timeoutMs: 60_000 });
  } catch (err) {
    if (err instanceof TaskLimitError) return { ok: false, reason: 'broken', detail: 'Die Datei ist kein gültiges PDF-Dokument: ihre Struktur ist zu umfangreich, um sie zu prüfen.' };
    throw err;
  }
}
