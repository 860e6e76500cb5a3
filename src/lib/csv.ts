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

function quote(value: unknown, separator: string): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /["\r\n]/.test(s) || s.includes(separator) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(records: Record<string, unknown>[], separator = ','): string {
  if (records.length === 0) return '';
  const header = Object.keys(records[0]!);
  return [header, ...records.map((r) => header.map((h) => r[h]))]
    .map((r) => r.map((v) => quote(v, separator)).join(separator)).join('\n') + '\n';
}

/** UTF-8 if the bytes are valid UTF-8, else Windows-1252 (the usual Latin-1 of German administrations). */
export function decodeText(data: Buffer): { text: string; encoding: 'utf-8' | 'latin-1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(data), encoding: 'latin-1' };
  }
}
