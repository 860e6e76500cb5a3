import { createHash, createHmac } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * Where uploaded and generated files live: a local directory by default, an S3-compatible bucket by
 * configuration. Keys are relative paths like "agreements/<id>/scan-2.pdf".
 */
export interface FileStorage {
  kind: 'local' | 's3';
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
  /** Every stored key (for export and backup), in no particular order. */
  list?(): AsyncIterable<string>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;
/** Whether a key is one the storage accepts (anything else in its directory is not the platform's). */
export const isFileKey = (key: string) => SAFE_KEY.test(key) && !key.includes('..');
function checkKey(key: string) {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe file key: ${key}`);
}

export function localFileStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    checkKey(key);
    const p = resolve(base, key);
    if (!p.startsWith(base + sep)) throw new Error(`unsafe file key: ${key}`);
    return p;
  };
  return {
    kind: 'local',
    async put(key, data) {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, data);
    },
    get: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
    async *list() {
      let entries;
      try { entries = await readdir(base, { recursive: true, withFileTypes: true }); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw e;
      }
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const key = relative(base, resolve(entry.parentPath, entry.name)).split(sep).join('/');
        if (isFileKey(key)) yield key;
      }
    },
  };
}

export interface S3Options { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const encodePath = (path: string) => path.split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');

const encodeQueryPart = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const canonicalQuery = (query: Record<string, string> = {}) =>
  Object.keys(query).sort().map((k) => `${encodeQueryPart(k)}=${encodeQueryPart(query[k]!)}`).join('&');

/**
 * AWS Signature Version 4 for one request (header-based, path-style URL). Returns the headers to send.
 * Exported for its test against the example in the AWS S3 documentation.
 */
export function signS3Request(o: Pick<S3Options, 'region' | 'accessKeyId' | 'secretAccessKey'>, req: {
  method: string; host: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; body?: Buffer; amzDate: string;
}): Record<string, string> {
  const payloadHash = sha256(req.body ?? '');
  const headers: Record<string, string> = { host: req.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': req.amzDate };
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v.trim();
  const names = Object.keys(headers).sort();
  const canonical = [req.method, encodePath(req.path), canonicalQuery(req.query), ...names.map((n) => `${n}:${headers[n]}`), '', names.join(';'), payloadHash].join('\n');
  const day = req.amzDate.slice(0, 8);
  const scope = `${day}/${o.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', req.amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secretAccessKey}`, day), o.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${o.accessKeyId}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}`;
  return headers;
}

const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
  ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()]
  ?? String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));

export function s3FileStorage(o: S3Options): FileStorage {
  const endpoint = new URL(o.endpoint);
  async function request(method: string, path: string, query: Record<string, string> | undefined, body?: Buffer, contentType?: string) {
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const headers = signS3Request(o, { method, host: endpoint.host, path, query, amzDate, body, headers: contentType ? { 'content-type': contentType } : {} });
    delete headers.host;
    const url = new URL(encodePath(path), endpoint);
    if (query) url.search = canonicalQuery(query);
    return fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
  }
  const bucketPath = `${endpoint.pathname.replace(/\/$/, '')}/${o.bucket}`;
  async function send(method: string, key: string, body?: Buffer, contentType?: string) {
    checkKey(key);
    const res = await request(method, `${bucketPath}/${key}`, undefined, body, contentType);
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) throw new Error(`S3 ${method} ${key}: ${res.status} ${await res.text()}`);
    return res;
  }
  return {
    kind: 's3',
    async put(key, data, contentType) { await send('PUT', key, data, contentType); },
    async get(key) { return Buffer.from(await (await send('GET', key)).arrayBuffer()); },
    async remove(key) { await send('DELETE', key); },
    async *list() {
      // ListObjectsV2, a page of up to 1000 keys at a time.
      let token: string | undefined;
      do {
        const res = await request('GET', bucketPath, { 'list-type': '2', ...(token ? { 'continuation-token': token } : {}) });
        const xml = await res.text();
        if (!res.ok) throw new Error(`S3 list: ${res.status} ${xml}`);
        for (const m of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) {
          const key = unescapeXml(m[1]!);
          if (isFileKey(key)) yield key;
        }
        token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? unescapeXml(/<NextContinuationToken>([^<]*)</.exec(xml)?.[1] ?? '') : undefined;
      } while (token);
    },
  };
}

/** The storage the configuration asks for: S3-compatible when configured, else the local directory. */
export function fileStorageFor(config: { s3: S3Options | null | undefined; filesDir: string }): FileStorage {
  return config.s3 ? s3FileStorage(config.s3) : localFileStorage(config.filesDir);
}
