/**
 * Public answers at the speed of static files. A public GET route that declares `config.publicAnswer` is
 * computed once per (route, query, today's date, versions of the tables it reads) and then sent from memory:
 * compressed once per encoding, with an ETag (a hash of the body, the same in every process) so that a client
 * that has it gets 304. Writes invalidate through the database (`data_versions`, bumped at commit by triggers),
 * so every app process behind a load balancer answers fresh, and the answer is exactly what the live computation
 * gives: it is kept only if the versions did not move while it was computed.
 *
 * Immutable documents (the commune geometry, the same on every date) get a content-hashed address instead,
 * cached for a year by browsers and proxies.
 *
 * Only for answers that are the same for every viewer: the cache never looks at who asks.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Db } from '../db/client.js';
import { todayIso } from '../../lib/dates.js';
import { COMPRESS_MIN_BYTES, negotiateEncoding, varyOnEncoding, type Encoding } from '../http/compression.js';
import { notFound } from '../http/problem.js';
import { readVersions, readVersionsQuietly, VersionReader, versionTag, type Versions } from './data-versions.js';
import type { Database } from '../db/client.js';

/** A route's `config.publicAnswer`: `true` (depends on every tracked table) or the tables it reads. */
export type PublicAnswerRule = true | { sources: readonly string[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this public GET answer until a table it reads changes (see cache/public-answers.ts). */
    publicAnswer?: PublicAnswerRule;
  }
}

/** Revalidated on every use (a 304 costs nothing), so an answer is never older than the data. */
export const PUBLIC_ANSWER_CACHE_CONTROL = 'public, no-cache';
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const MAX_ENTRIES = 1000;
const MAX_BYTES = 64 * 1024 * 1024;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface Entry {
  tag: string;
  body: Buffer;
  etag: string;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
  /** Brotli quality: fast for answers that change with the data, strongest for immutable documents. */
  quality: number;
}

interface DocumentDefinition { sources: readonly string[]; build: (db: Db) => Promise<unknown> }
interface DocumentState { tag: string; file: string; entry: Entry }

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function makeEntry(tag: string, body: Buffer, quality: number): Entry {
  return { tag, body, etag: etagOf(body), encoded: {}, quality };
}

function encodedBody(entry: Entry, encoding: Encoding): Promise<Buffer> {
  entry.encoded[encoding] ??= encoding === 'br'
    ? brotliAsync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: entry.quality, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
    : gzipAsync(entry.body, { level: entry.quality >= 11 ? 9 : 6 });
  return entry.encoded[encoding]!;
}

/** RFC 9110 weak comparison of If-None-Match with an entity tag. */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => { const v = t.trim(); return v === '*' || v.replace(/^W\//, '') === bare; });
}

/** A query object as a stable string (keys sorted; the validated query, so defaults are applied). */
function stableQuery(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  return JSON.stringify(Object.keys(query).sort().map((k) => [k, (query as Record<string, unknown>)[k]]));
}

export class PublicAnswers {
  private readonly versions: VersionReader;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly computing = new Map<string, Promise<Entry>>();
  private readonly documents = new Map<string, DocumentDefinition>();
  /** The current and the previous build of each document (a page that got the old address still loads it). */
  private readonly builds = new Map<string, DocumentState[]>();

  private shared: { tag: string; memo: Map<string, Promise<unknown>> } = { tag: '', memo: new Map() };

  private readonly db: Db;

  constructor(database: Database, private readonly tracked: readonly string[], private readonly compression: boolean, private readonly enabled = true) {
    this.db = database.db;
    const local = database.localChanges;
    this.versions = local
      ? new VersionReader(() => readVersionsQuietly(local.readQuietly), local.epoch)
      : new VersionReader(() => readVersions(database.db));
  }

  /** The tables a rule depends on; every one must be tracked (else its changes would go unnoticed). */
  sourcesOf(rule: PublicAnswerRule): readonly string[] {
    if (rule === true) return this.tracked;
    const unknown = rule.sources.filter((s) => !this.tracked.includes(s));
    if (unknown.length) throw new Error(`publicAnswer reads untracked tables (add them to a module's publicSources): ${unknown.join(', ')}`);
    return [...rule.sources].sort();
  }

  /** The route handler that answers from the cache and computes with `handler` when the data changed. */
  wrap(handler: RouteHandlerMethod, rule: PublicAnswerRule, url: string): RouteHandlerMethod {
    const sources = this.sourcesOf(rule);
    const cache = this;
    return async function cachedAnswer(this: unknown, request: FastifyRequest, reply: FastifyReply) {
      const key = `${url}?${stableQuery(request.query)}@${todayIso()}`;
      const versions = await cache.versions.read();
      const tag = versionTag(versions, sources);
      let entry = cache.entries.get(key);
      if (!entry || entry.tag !== tag) {
        entry = await cache.singleFlight(`${key}#${tag}`, async () => {
          const value = await (handler as (this: unknown, rq: FastifyRequest, rp: FastifyReply) => unknown).call(this, request, reply);
          const body = Buffer.from(reply.serialize(value) as string);
          const made = makeEntry(tag, body, 5);
          if (versionTag(await cache.versions.read(), sources) === tag) cache.store(key, made);
          return made;
        });
      } else {
        cache.touch(key, entry);
      }
      return cache.send(request, reply, entry, PUBLIC_ANSWER_CACHE_CONTROL);
    };
  }

  /**
   * Loads that answers of the same data version share (e.g. the alliance's facts behind figures, map and
   * timeline: after a write the first answer loads them, the others reuse them). Exact for the same reason as the
   * answers: an answer computed from loads of a newer version is sent but not kept. Fresh per call with the cache off.
   */
  async sharedMemo(): Promise<Map<string, Promise<unknown>>> {
    if (!this.enabled) return new Map();
    const tag = versionTag(await this.versions.read(), this.tracked);
    if (this.shared.tag !== tag) this.shared = { tag, memo: new Map() };
    return this.shared.memo;
  }

  /** Registers an immutable JSON document, built from the database when the tables it reads change. */
  document(name: string, definition: { sources: readonly string[]; build: (db: Db) => Promise<unknown> }) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Document name must be lower-case words: ${name}`);
    this.documents.set(name, { sources: this.sourcesOf({ sources: definition.sources }), build: definition.build });
  }

  /** The current address of a document: /api/public/static/<name>.<hash>.json. */
  async documentUrl(name: string): Promise<string> {
    return `/api/public/static/${(await this.currentDocument(name)).file}`;
  }

  /** Answers GET /api/public/static/:file. */
  async sendDocument(request: FastifyRequest, reply: FastifyReply, file: string) {
    const name = /^([a-z][a-z0-9-]*)\.[0-9a-f]{16}\.json$/.exec(file)?.[1];
    if (!name || !this.documents.has(name)) throw notFound(`Die Datei ${file} gibt es nicht.`);
    await this.currentDocument(name);
    const state = this.builds.get(name)?.find((b) => b.file === file);
    if (!state) throw notFound(`Die Datei ${file} gibt es nicht (mehr). Bitte laden Sie die Seite neu.`);
    reply.type('application/json; charset=utf-8');
    return this.send(request, reply, state.entry, IMMUTABLE_CACHE_CONTROL);
  }

  private async currentDocument(name: string): Promise<DocumentState> {
    const definition = this.documents.get(name);
    if (!definition) throw new Error(`Unknown document ${name}`);
    const tag = versionTag(await this.versions.read(), definition.sources);
    const current = this.builds.get(name)?.[0];
    if (current?.tag === tag) return current;
    const entry = await this.singleFlight(`document:${name}#${tag}`, async () => {
      const body = Buffer.from(JSON.stringify(await definition.build(this.db)));
      const made = makeEntry(tag, body, 11);
      // Compressed before the address is handed out: the first visitors get the small file too.
      if (this.compression) await Promise.all([encodedBody(made, 'br'), encodedBody(made, 'gzip')]);
      return made;
    });
    const file = `${name}.${createHash('sha256').update(entry.body).digest('hex').slice(0, 16)}.json`;
    const builds = this.builds.get(name) ?? [];
    const state = { tag, file, entry };
    if (builds[0]?.file !== file) this.builds.set(name, [state, ...builds.filter((b) => b.file !== file)].slice(0, 2));
    else builds[0] = state;
    return state;
  }

  private singleFlight(key: string, compute: () => Promise<Entry>): Promise<Entry> {
    let running = this.computing.get(key);
    if (!running) {
      running = compute().finally(() => this.computing.delete(key));
      this.computing.set(key, running);
    }
    return running;
  }

  private store(key: string, entry: Entry) {
    const old = this.entries.get(key);
    if (old) { this.bytes -= old.body.length; this.entries.delete(key); }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
  }

  /** Least recently used goes first: a hit moves to the end. */
  private touch(key: string, entry: Entry) {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private async send(request: FastifyRequest, reply: FastifyReply, entry: Entry, cacheControl: string) {
    reply.header('cache-control', cacheControl);
    reply.header('etag', entry.etag);
    if (this.compression && entry.body.length >= COMPRESS_MIN_BYTES) varyOnEncoding(reply);
    if (matchesEtag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    const encoding = this.compression && entry.body.length >= COMPRESS_MIN_BYTES ? negotiateEncoding(request.headers['accept-encoding']) : null;
    if (!encoding) return reply.send(entry.body);
    reply.header('content-encoding', encoding);
    return reply.send(await encodedBody(entry, encoding));
  }

  /** For tests: the versions as the database has them now. */
  currentVersions(): Promise<Versions> { return this.versions.read(); }
}
