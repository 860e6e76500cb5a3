import { crc32 } from 'node:zlib';
import { inflatedSize } from './inflate.js';

/**
 * Checks of uploaded PNG and JPEG images before anything decodes them: the size in pixels is read from
 * the header (PNG IHDR, JPEG SOF) and limited, and a PNG's image data must inflate to exactly what its
 * header announces (a small file can otherwise inflate to hundreds of megabytes).
 */
export interface ImageLimits { maxSide: number; maxPixels: number }
export interface ImageInfo { type: 'png' | 'jpeg'; width: number; height: number }
export type ImageVerdict = { ok: true; info: ImageInfo } | { ok: false; reason: 'invalid' | 'too_large'; info?: ImageInfo };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** Bytes of the filtered scanlines a PNG's IDAT must inflate to. */
export function pngDataSize(width: number, height: number, colorType: number, bitDepth: number, interlaced: boolean): number {
  const bits = CHANNELS[colorType]! * bitDepth;
  const rows = (w: number, h: number) => (w > 0 && h > 0 ? h * (Math.ceil((w * bits) / 8) + 1) : 0);
  if (!interlaced) return rows(width, height);
  return ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)), 0);
}

const tooLarge = (info: ImageInfo, limits: ImageLimits) =>
  info.width > limits.maxSide || info.height > limits.maxSide || info.width * info.height > limits.maxPixels;

/** A PNG whose chunks all pass their CRC, with a valid IHDR within the limits and image data of exactly the announced size. */
export async function checkPng(data: Buffer, limits: ImageLimits): Promise<ImageVerdict> {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR' || data.readUInt32BE(8) !== 13) return { ok: false, reason: 'invalid' };
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const [bitDepth, colorType, compression, filter, interlace] = [data[24]!, data[25]!, data[26]!, data[27]!, data[28]!];
  if (!width || !height || !DEPTHS[colorType]?.includes(bitDepth) || compression !== 0 || filter !== 0 || interlace > 1) return { ok: false, reason: 'invalid' };
  const info: ImageInfo = { type: 'png', width, height };
  if (tooLarge(info, limits)) return { ok: false, reason: 'too_large', info };
  const idat: Buffer[] = [];
  let at = 8;
  let ended = false;
  while (at + 12 <= data.length && !ended) {
    const length = data.readUInt32BE(at);
    const type = data.subarray(at + 4, at + 8);
    if (at + 12 + length > data.length) return { ok: false, reason: 'invalid' };
    const body = data.subarray(at + 8, at + 8 + length);
    if (crc32(Buffer.concat([type, body])) !== data.readUInt32BE(at + 8 + length)) return { ok: false, reason: 'invalid' };
    if (type.toString('latin1') === 'IDAT') idat.push(body);
    ended = type.toString('latin1') === 'IEND';
    at += 12 + length;
  }
  if (!ended || !idat.length) return { ok: false, reason: 'invalid' };
  const expected = pngDataSize(width, height, colorType, bitDepth, interlace === 1);
  const real = await inflatedSize(Buffer.concat(idat), expected, { raw: false });
  if (real === null) return { ok: false, reason: 'invalid' };
  if (real > expected) return { ok: false, reason: 'too_large' }; // more data than the header announces
  return real === expected ? { ok: true, info } : { ok: false, reason: 'invalid' };
}

/** A JPEG from SOI to EOI whose frame header (SOF) gives a size within the limits (it is embedded as it is). */
export function checkJpeg(data: Buffer, limits: ImageLimits): ImageVerdict {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8 || data.at(-2) !== 0xff || data.at(-1) !== 0xd9) return { ok: false, reason: 'invalid' };
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return { ok: false, reason: 'invalid' };
    const marker = data[at + 1]!;
    if (marker === 0xff) { at++; continue; } // fill byte
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    const length = data.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > data.length) return { ok: false, reason: 'invalid' };
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return { ok: false, reason: 'invalid' };
      const info: ImageInfo = { type: 'jpeg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      if (!info.width || !info.height) return { ok: false, reason: 'invalid' };
      return tooLarge(info, limits) ? { ok: false, reason: 'too_large', info } : { ok: true, info };
    }
    if (marker === 0xda || marker === 0xd9) break; // image data before any frame header
    at += 2 + length;
  }
  return { ok: false, reason: 'invalid' };
}
