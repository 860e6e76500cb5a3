/**
 * Negotiated compression (brotli or gzip). Static files are compressed once at build time (`precompressDir`,
 * run by the web build; @fastify/static serves the `.br`/`.gz` sibling); responses the app computes (API
 * JSON, problem details) are compressed on the way out by `compressReply`, above a threshold and only for
 * types that shrink.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type Encoding = 'br' | 'gzip';
/** Below this many bytes compression saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;
/** Types that shrink when compressed (images, PDFs, office files and archives are compressed already). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|problem\+json|javascript|xml|geo\+json|manifest\+json)|image\/svg\+xml)/i;
/** File extensions of build output worth precompressing. */
const COMPRESSIBLE_FILE = /\.(?:js|mjs|css|json|svg|html|txt|map|wasm)$/;

export const isCompressible = (contentType: string | undefined) => !!contentType && COMPRESSIBLE.test(contentType);

/** The client's preferred encoding of brotli and gzip by Accept-Encoding (q-values, `*`); null for none. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    if (!token) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(token.trim(), Number.isFinite(value) ? value : 0);
  }
  const of = (e: Encoding) => q.get(e) ?? q.get('*') ?? 0;
  const br = of('br');
  const gz = of('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Adds accept-encoding to Vary (once). */
export function varyOnEncoding(reply: FastifyReply) {
  const current = String(reply.getHeader('vary') ?? '');
  if (!current) reply.header('vary', 'accept-encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) reply.header('vary', `${current}, accept-encoding`);
}

/**
 * An onSend hook's work: compresses a computed (string or Buffer) payload of a compressible type above
 * COMPRESS_MIN_BYTES with the encoding the client prefers; streams (files) and encoded payloads pass as they are.
 * Fast settings (brotli quality 4, gzip level 6): a response is compressed each time it is sent.
 */
export async function compressReply(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (request.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304 || reply.hasHeader('content-encoding')) return payload;
  if (!isCompressible(reply.getHeader('content-type') as string | undefined)) return payload;
  const size = Buffer.byteLength(payload);
  if (size < COMPRESS_MIN_BYTES) return payload;
  varyOnEncoding(reply);
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return payload;
  const compressed = encoding === 'br'
    ? await brotliAsync(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: size } })
    : await gzipAsync(payload, { level: 6 });
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
  return compressed;
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir` (recursively) of at least
 * COMPRESS_MIN_BYTES (done once per build). Returns the files compressed.
 */
export function precompressDir(dir: string): string[] {
  const done: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { done.push(...precompressDir(path)); continue; }
    if (!COMPRESSIBLE_FILE.test(name) || name === 'index.html') continue;
    const data = readFileSync(path);
    if (data.length < COMPRESS_MIN_BYTES) continue;
    // The strongest brotli takes seconds per megabyte; the largest (lazily loaded) chunks get a fast setting.
    const quality = data.length <= 512 * 1024 ? 11 : 9;
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    done.push(path);
  }
  return done;
}
