import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF made by pdfmake/pdfkit, for tests: content streams decoded through each font's
 * ToUnicode map, text runs joined, a space where a new line starts (none after a hyphen: pdfkit breaks compounds only there).
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<string, string>();
  // An object runs to the next object's header (a stream's binary data may contain "endobj").
  const heads = [...src.matchAll(/(\d+) 0 obj\b/g)];
  heads.forEach((m, i) => objects.set(m[1]!, src.slice(m.index + m[0].length, heads[i + 1]?.index ?? src.length)));
  const streamOf = (body: string) => {
    const start = /stream\r?\n/.exec(body);
    if (!start) return '';
    const dict = body.slice(0, start.index);
    const length = /\/Length (\d+)(?: 0 R)?/.exec(dict)!;
    const n = length[0].endsWith('R') ? Number(/\d+/.exec(objects.get(length[1]!) ?? '')![0]) : Number(length[1]);
    const raw = Buffer.from(body.slice(start.index + start[0].length, start.index + start[0].length + n), 'latin1');
    return dict.includes('/FlateDecode') ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
  };
  const cmapOf = (id: string) => {
    const map = new Map<number, string>();
    const text = streamOf(objects.get(id) ?? '');
    const hex = (h: string) => String.fromCodePoint(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
        const from = parseInt(r[1]!, 16); const to = parseInt(r[2]!, 16);
        if (r[3]!.startsWith("[")) [...r[3]!.matchAll(/<([0-9a-f\s]*)>/gi)].forEach((d, i) => map.set(from + i, hex(d[1]!)));
        else for (let c = from; c <= to; c++) map.set(c, String.fromCodePoint(parseInt(r[3]!.slice(1, -1), 16) + c - from));
      }
    }
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(r[1]!, 16), hex(r[2]!));
    }
    return map;
  };
  const fonts = new Map<string, Map<number, string>>();
  for (const body of objects.values()) {
    for (const dict of body.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of dict[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(f[2]!) ?? '');
        if (toUnicode && !fonts.has(f[1]!)) fonts.set(f[1]!, cmapOf(toUnicode[1]!));
      }
    }
  }
  let out = '';
  for (const body of objects.values()) {
    const dict = body.slice(0, Math.max(0, body.indexOf('stream')));
    if (!/\/Length/.test(dict) || /\/Subtype|\/Length1|\/Type/.test(dict)) continue;
    let content: string;
    try { content = streamOf(body); } catch { continue; }
    if (!content.includes(' TJ')) continue;
    let font = new Map<number, string>();
    let y = '';
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm|\[([^\]]*)\] TJ/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[2] !== undefined) { if (op[2] !== y && out && !/[ -]$/.test(out)) out += ' '; y = op[2]; }
      else for (const h of op[3]!.matchAll(/<([0-9a-f]+)>/gi)) out += (h[1]!.match(/.{4}/g) ?? []).map((g) => font.get(parseInt(g, 16)) ?? '').join('');
    }
    out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}
