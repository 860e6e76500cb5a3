import { crc32, deflateRawSync, deflateSync, constants } from 'node:zlib';

/**
 * Hand-built files for the upload checks: small PDFs (cross-reference table or stream, object streams,
 * incremental updates), PNGs and ZIP archives, including "bombs" made of deflated zeros.
 */

export interface PdfOptions {
  /** Bodies of objects 1…n; object 1 is the catalog. */
  objects?: string[];
  /** 'stream': a cross-reference stream (PDF 1.5), with the objects in `packed` inside an object stream. */
  xref?: 'table' | 'stream';
  packed?: number[];
  /** PNG "Up" predictor on the cross-reference stream, as most writers use. */
  predictor?: boolean;
  /** Text right after the header (e.g. markup smuggled in). */
  afterHeader?: string;
  trailerExtra?: string;
  /** Appended as an incremental update: these objects replace earlier ones (1-based numbers). */
  update?: Record<number, string>;
}

const CONTENT = '% scan\n0 0 m 100 100 l S\nBT ET';
/** Catalog, page tree, one page and its content stream. */
export const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  `<< /Length ${CONTENT.length} >>\nstream\n${CONTENT}\nendstream`,
];

export function buildPdf(o: PdfOptions = {}): Buffer {
  const objects = o.objects ?? PAGE_OBJECTS;
  const packed = new Set(o.xref === 'stream' ? o.packed ?? [] : []);
  let out = `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${o.afterHeader ?? ''}`;
  const offsets = new Map<number, number>();
  const add = (n: number, body: string) => { offsets.set(n, out.length); out += `${n} 0 obj\n${body}\nendobj\n`; };
  objects.forEach((body, i) => { if (!packed.has(i + 1)) add(i + 1, body); });
  let size = objects.length + 1;
  if (o.xref !== 'stream') {
    const xrefAt = out.length;
    out += `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) out += `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${size} /Root 1 0 R ${o.trailerExtra ?? ''}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    if (o.update) {
      const upd: [number, number][] = [];
      for (const [n, body] of Object.entries(o.update)) { upd.push([Number(n), out.length]); out += `${n} 0 obj\n${body}\nendobj\n`; }
      const at = out.length;
      out += 'xref\n';
      for (const [n, off] of upd) out += `${n} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
      out += `trailer\n<< /Size ${size} /Root 1 0 R /Prev ${xrefAt} >>\nstartxref\n${at}\n%%EOF\n`;
    }
    return Buffer.from(out, 'latin1');
  }
  // Object stream with the packed objects.
  const stm = size++;
  const inside = [...packed].sort((a, b) => a - b);
  let header = '';
  let bodies = '';
  for (const n of inside) { header += `${n} ${bodies.length} `; bodies += `${objects[n - 1]}\n`; }
  const objStm = deflateSync(Buffer.from(header + bodies, 'latin1')).toString('latin1');
  if (inside.length) add(stm, `<< /Type /ObjStm /N ${inside.length} /First ${header.length} /Filter /FlateDecode /Length ${objStm.length} >>\nstream\n${objStm}\nendstream`);
  const xrefNumber = size++;
  const xrefAt = out.length;
  const rows: number[][] = [];
  for (let n = 0; n < size; n++) {
    if (n === 0) rows.push([0, 0, 0xffff]);
    else if (packed.has(n)) rows.push([2, stm, inside.indexOf(n)]);
    else if (n === xrefNumber) rows.push([1, xrefAt, 0]);
    else if (offsets.has(n)) rows.push([1, offsets.get(n)!, 0]);
    else rows.push([0, 0, 0]);
  }
  const raw = rows.map(([t, a, b]) => [t!, (a! >>> 24) & 255, (a! >>> 16) & 255, (a! >>> 8) & 255, a! & 255, (b! >>> 8) & 255, b! & 255]);
  const bytes = o.predictor
    ? raw.flatMap((r, i) => [2, ...r.map((x, j) => (x - (i > 0 ? raw[i - 1]![j]! : 0)) & 255)])
    : raw.flat();
  const data = deflateSync(Buffer.from(bytes)).toString('latin1');
  const parms = o.predictor ? ' /DecodeParms << /Predictor 12 /Columns 7 >>' : '';
  out += `${xrefNumber} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode${parms} /Length ${data.length} ${o.trailerExtra ?? ''}>>\nstream\n${data}\nendstream\nendobj\n`;
  out += `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** `total` zero bytes as a raw deflate stream, built from one deflated MiB repeated (no 400 MB buffer needed). */
export function deflatedZeros(total: number): Buffer {
  const mib = 1024 * 1024;
  if (total % mib) throw new Error('whole MiB only');
  const block = deflateRawSync(Buffer.alloc(mib), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: total / mib }, () => block), Buffer.from([0x03, 0x00])]);
}

/** The same as a zlib stream (as in a PNG): header, raw deflate, Adler-32 of zeros. */
export function zlibZeros(total: number): Buffer {
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), deflatedZeros(total), adler]);
}

const chunk = (type: string, body: Buffer) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])));
  return Buffer.concat([len, Buffer.from(type, 'latin1'), body, crc]);
};

/** A grayscale 8-bit PNG with the given header size and IDAT (default: honest, all black). */
export function png(width: number, height: number, idat?: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const data = idat ?? deflateSync(Buffer.alloc(height * (width + 1)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

export interface ZipEntry { name: string; data?: Buffer; packed?: Buffer; size?: number; declaredSize?: number; crc?: number }

/** A ZIP archive; an entry is either `data` (deflated here) or already `packed` deflate data of `size` bytes. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = e.packed ?? deflateRawSync(e.data!);
    const size = e.declaredSize ?? e.size ?? e.data!.length;
    const crc = e.crc ?? (e.data ? crc32(e.data) : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16); cd.writeUInt32LE(packed.length, 20); cd.writeUInt32LE(size, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(cd, name);
    offset += 30 + name.length + packed.length;
  }
  const cdSize = central.reduce((a, b) => a + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12); eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, eocd]);
}

/** The parts of a minimal workbook around a sheet, for bombs that look like an .xlsx. */
export function xlsxWith(sheet: ZipEntry): Buffer {
  const x = (s: string) => Buffer.from(s);
  return zip([
    { name: '[Content_Types].xml', data: x('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', data: x('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: x('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Onlineprodukt_Gemeinden" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: x('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ]);
}
