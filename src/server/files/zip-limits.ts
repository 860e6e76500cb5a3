import { inflatedSize } from './inflate.js';
import { Problem } from '../http/problem.js';

/**
 * Limits for a ZIP container (XLSX, DOCX) before any library unpacks it: a small upload must not unpack
 * to hundreds of megabytes (a "zip bomb").
 */
export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Sum of the unpacked sizes. */
  maxTotalBytes: number;
  /** Unpacked ÷ packed size of one entry, checked for entries larger than `ratioFrom` bytes. */
  maxRatio: number;
  ratioFrom: number;
}

/** An Excel workbook: the Destatis GV-ISys file (2 MB) unpacks to 14 MB with at most 7 : 1 per entry. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 100, ratioFrom: 1024 * 1024 };

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const refused = (detail: string) => new Problem(422, 'archive_too_large', detail, { field: 'file' });
export const ZIP_UNREADABLE = 'archive_unreadable';
const unreadable = () => new Problem(422, ZIP_UNREADABLE, 'Die Datei ist kein lesbares ZIP-Archiv (wie es eine .xlsx-Datei ist).', { field: 'file' });

interface Entry { name: string; method: number; flags: number; packed: number; unpacked: number; localOffset: number }

/** Reads the central directory (with ZIP64 sizes): what the archive says about its entries. */
export function zipEntries(data: Buffer, maxEntries = Infinity): Entry[] {
  const min = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= min; i--) if (data.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw unreadable();
  let count: number = data.readUInt16LE(eocd + 10);
  let cdSize: number = data.readUInt32LE(eocd + 12);
  let cdOffset: number = data.readUInt32LE(eocd + 16);
  if (data.readUInt16LE(eocd + 4) !== 0 || data.readUInt16LE(eocd + 6) !== 0) throw unreadable(); // split archives
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== 0x07064b50) throw unreadable();
    const rec = Number(data.readBigUInt64LE(locator + 8));
    if (rec + 56 > data.length || data.readUInt32LE(rec) !== 0x06064b50) throw unreadable();
    count = Number(data.readBigUInt64LE(rec + 32));
    cdSize = Number(data.readBigUInt64LE(rec + 40));
    cdOffset = Number(data.readBigUInt64LE(rec + 48));
  }
  if (count > maxEntries) throw refused(`Die Datei enthält ${count} gepackte Teile (höchstens ${maxEntries}).`);
  if (cdOffset + cdSize > data.length) throw unreadable();
  const entries: Entry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const nameLen = data.readUInt16LE(at + 28);
    const extraLen = data.readUInt16LE(at + 30);
    const commentLen = data.readUInt16LE(at + 32);
    const e: Entry = {
      name: data.toString('utf8', at + 46, at + 46 + nameLen), flags: data.readUInt16LE(at + 8), method: data.readUInt16LE(at + 10),
      packed: data.readUInt32LE(at + 20), unpacked: data.readUInt32LE(at + 24), localOffset: data.readUInt32LE(at + 42),
    };
    // ZIP64 extra field: the 8-byte values of the fields set to 0xffffffff, in this order.
    for (let x = at + 46 + nameLen, end = x + extraLen; x + 4 <= end;) {
      const id = data.readUInt16LE(x);
      const len = data.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let y = x + 4;
        const next = () => { if (y + 8 > x + 4 + len) throw unreadable(); const v = Number(data.readBigUInt64LE(y)); y += 8; return v; };
        if (e.unpacked === 0xffffffff) e.unpacked = next();
        if (e.packed === 0xffffffff) e.packed = next();
        if (e.localOffset === 0xffffffff) e.localOffset = next();
      }
      x += 4 + len;
    }
    entries.push(e);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Refuses an archive that would unpack to too much, by what its directory says (entry count, sizes,
 * ratio) and by what it really inflates to (the directory can lie): each entry is inflated (on the zlib
 * thread pool, output discarded) and must not be larger than declared. 422 with a German message naming
 * the file, before the archive is handed to a library.
 */
export async function checkZipLimits(data: Buffer, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  const entries = zipEntries(data, limits.maxEntries);
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new Problem(422, 'archive_encrypted', 'Die Datei ist verschlüsselt; bitte speichern Sie sie ohne Kennwort.', { field: 'file' });
    if (e.method !== 0 && e.method !== 8) throw unreadable();
    total += e.unpacked;
    if (total > limits.maxTotalBytes) throw refused(`Die Datei würde entpackt mehr als ${MB(limits.maxTotalBytes)} ergeben und wird nicht verarbeitet (Schutz vor „ZIP-Bomben“).`);
    if (e.unpacked > limits.ratioFrom && (e.packed === 0 || e.unpacked / e.packed > limits.maxRatio)) {
      throw refused(`Die Datei ist ungewöhnlich stark gepackt („${e.name}“: ${MB(e.packed)} → ${MB(e.unpacked)}) und wird nicht verarbeitet (Schutz vor „ZIP-Bomben“).`);
    }
  }
  let real = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) throw unreadable();
    const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
    if (start + e.packed > data.length) throw unreadable();
    const packed = data.subarray(start, start + e.packed);
    const size = e.method === 0 ? packed.length : await inflatedSize(packed, e.unpacked, { raw: true });
    if (size === null) throw unreadable();
    if (size > e.unpacked) throw refused(`Die Datei entpackt sich zu mehr, als sie angibt („${e.name}“), und wird nicht verarbeitet (Schutz vor „ZIP-Bomben“).`);
    real += size;
    if (real > limits.maxTotalBytes) throw refused(`Die Datei würde entpackt mehr als ${MB(limits.maxTotalBytes)} ergeben und wird nicht verarbeitet (Schutz vor „ZIP-Bomben“).`);
  }
}
