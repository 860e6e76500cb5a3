import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as pdfmake (pdfkit) writes it: Flate-compressed content streams, Identity-H fonts with a
 * ToUnicode CMap each. One line per line of text (text objects at the same height), in drawing order. For tests only.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; data: Buffer | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) { objects.set(m[1]!, { dict: body, data: null }); continue; }
    const dict = body.slice(0, at);
    const start = at + (body[at + 6] === '\r' ? 8 : 7);
    const bytes = Buffer.from(body.slice(start, body.lastIndexOf('endstream')).replace(/\r?\n$/, ''), 'latin1');
    objects.set(m[1]!, { dict, data: /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes });
  }
  const cmapOf = (id: string) => {
    const map = new Map<number, string>();
    const text = objects.get(id)?.data?.toString('latin1') ?? '';
    const hex = (h: string) => parseInt(h, 16);
    const chars = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
        const from = hex(r[1]!);
        const to = hex(r[2]!);
        // An entry may stand for several characters (a ligature: <0066 0066 0069>).
        if (r[3]!.startsWith('[')) [...r[3]!.matchAll(/<([0-9a-f\s]+)>/gi)].forEach((v, i) => map.set(from + i, chars(v[1]!.replace(/\s/g, ''))));
        else for (let c = from, u = hex(r[3]!.slice(1, -1)); c <= to; c++, u++) map.set(c, String.fromCharCode(u));
      }
    }
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) map.set(hex(r[1]!), chars(r[2]!.replace(/\s/g, '')));
    }
    return map;
  };
  // Resource names (/F1 …) to their font's character map; pdfkit names each font once per document.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const block of dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const f of block[1]!.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(f[2]!)?.dict ?? '')?.[1];
        if (toUnicode && !fonts.has(f[1]!)) fonts.set(f[1]!, cmapOf(toUnicode));
      }
    }
  }
  const lines: string[] = [];
  for (const { data } of objects.values()) {
    const content = data?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content) || /begincmap/.test(content)) continue;
    let y = '';
    for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let font = new Map<number, string>();
      let line = '';
      // pdfkit writes a text object per word: those at the same height make one line.
      const at = /[\d.-]+\s+([\d.-]+)\s+Tm/.exec(block[1]!)?.[1] ?? '';
      const sameLine = at === y && lines.length > 0;
      y = at;
      for (const op of block[1]!.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]]|\n)*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
        if (op[1]) { font = fonts.get(op[1]) ?? new Map(); continue; }
        const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!) : [op[3]!];
        for (const h of hexes) line += (h.match(/.{4}/g) ?? []).map((g) => font.get(parseInt(g, 16)) ?? '').join('');
      }
      if (sameLine) lines[lines.length - 1] += line;
      else lines.push(line);
    }
  }
  return lines.join('\n');
}
