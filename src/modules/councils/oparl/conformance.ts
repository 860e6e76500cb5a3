import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

/*
 * An OParl 1.1 conformance checker: crawls an interface from its System object, following every list page and
 * every reference, validates each object against the specification's JSON schemas (./schema, CC BY-SA 4.0) plus
 * what the German specification text makes mandatory (PROSE_REQUIRED), and checks the rules of the text: every id
 * answers with its object, lists with data/pagination/links and no repeated entry, filters narrow lists and
 * survive in the links, deleted objects only with modified_since, omit_internal, no null or empty strings, date
 * formats, CORS, file headers and checksums, the error object. No part of this platform is needed: a council
 * information system's vendor runs it against their own server (`npm run oparl:check -- <url>`).
 */

export interface ConformanceProblem { url: string; pointer: string; message: string }
export interface ConformanceResult {
  problems: ConformanceProblem[];
  stats: { requests: number; objects: number; lists: number; listPages: number; files: number; deleted: number; byType: Record<string, number> };
}
export interface ConformanceOptions {
  /** The fetch to use (a test passes one backed by its in-process server). */
  fetch?: (url: string, init?: { method?: string; headers?: Record<string, string> }) => Promise<Response>;
  /** Stop after this many requests (default 20,000): a runaway crawl is a problem too. */
  maxRequests?: number;
  /** Run the filter, deletion and omit_internal checks on every list (default true). */
  filters?: boolean;
}

const TYPE_PREFIX = 'https://schema.oparl.org/1.1/';
const TYPES = ['System', 'Body', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File', 'Location', 'LegislativeTerm'] as const;
type TypeName = (typeof TYPES)[number];
type Json = Record<string, unknown>;
type Mode = 'standalone' | 'embedded' | 'deleted' | 'omitInternal';

/** `required` that the German text adds to the schemas' (3-01 created/modified, Body lists "ZWINGEND", back references). */
export const PROSE_REQUIRED: { all: string[]; standalone: Partial<Record<TypeName, string[]>>; always: Partial<Record<TypeName, string[]>>; omitInternal: Partial<Record<TypeName, string[]>> } = {
  all: ['created', 'modified'],
  always: { Body: ['agendaItem', 'consultation', 'file', 'membership', 'locationList', 'legislativeTermList'] },
  // "… welche nur dann ausgegeben werden muss, wenn das Objekt einzeln abgerufen wird"
  standalone: { AgendaItem: ['meeting'], Consultation: ['paper', 'agendaItem', 'meeting'], LegislativeTerm: ['body'], Membership: ['person'] },
  // Internal lists that omit_internal lets a server leave out (2.5).
  omitInternal: { Body: ['legislativeTerm'] },
};
/** The list properties each object type links to, with the type of their entries. */
const EXTERNAL_LISTS: Partial<Record<TypeName, Record<string, TypeName>>> = {
  System: { body: 'Body' },
  Body: {
    organization: 'Organization', person: 'Person', meeting: 'Meeting', paper: 'Paper', agendaItem: 'AgendaItem', consultation: 'Consultation',
    file: 'File', membership: 'Membership', locationList: 'Location', legislativeTermList: 'LegislativeTerm',
  },
  Organization: { meeting: 'Meeting', consultation: 'Consultation' },
};
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-]([01]\d|2[0-3]):[0-5]\d$/;
const isUrl = (s: string) => { try { return /^https?:$/.test(new URL(s).protocol); } catch { return false; } };
const pointerOf = (path: (string | number)[]) => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

type SchemaDef = { required?: string[]; properties: Record<string, { type?: string; schema?: string; format?: string; items?: { schema?: string; format?: string; type?: string } }> };

export function loadSchemas(dir = resolve(import.meta.dirname, 'schema')) {
  const raw = Object.fromEntries(TYPES.map((t) => [t, JSON.parse(readFileSync(resolve(dir, `${t}.json`), 'utf8')) as SchemaDef])) as Record<TypeName, SchemaDef>;
  // Ajv settings for these schemas: their patterns escape ':' and '/', which Unicode mode refuses; the extra keywords are documentation.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('url', { type: 'string', validate: isUrl });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => DATE.test(s) });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) });
  for (const keyword of ['references', 'backreference', 'cardinality', 'schema']) ajv.addKeyword({ keyword });
  const validators = new Map<string, ValidateFunction>();
  const validator = (type: TypeName, mode: Mode) => {
    const key = `${type}:${mode}`;
    let v = validators.get(key);
    if (!v) {
      const s = structuredClone(raw[type]) as SchemaDef & Json;
      const req = new Set(s.required ?? []);
      if (mode === 'deleted') {
        s.required = ['id', 'type', 'created', 'modified', 'deleted'];
        (s.properties.deleted as Json).const = true;
      } else {
        for (const p of [...PROSE_REQUIRED.all, ...(PROSE_REQUIRED.always[type] ?? [])]) req.add(p);
        if (mode !== 'embedded') for (const p of PROSE_REQUIRED.standalone[type] ?? []) req.add(p);
        if (mode === 'omitInternal') for (const p of PROSE_REQUIRED.omitInternal[type] ?? []) req.delete(p);
        s.required = [...req];
      }
      v = ajv.compile(s);
      validators.set(key, v);
    }
    return v;
  };
  return { raw, validator };
}

const typeName = (type: unknown): TypeName | undefined => {
  if (typeof type !== 'string' || !type.startsWith(TYPE_PREFIX)) return undefined;
  const name = type.slice(TYPE_PREFIX.length);
  return (TYPES as readonly string[]).includes(name) ? (name as TypeName) : undefined;
};

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Json)[k], (b as Json)[k]));
}

export async function checkOparl(systemUrl: string, options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const doFetch = options.fetch ?? ((u: string, init?: { method?: string; headers?: Record<string, string> }) => fetch(u, init));
  const maxRequests = options.maxRequests ?? 20_000;
  const { raw, validator } = loadSchemas();
  const problems: ConformanceProblem[] = [];
  const stats: ConformanceResult['stats'] = { requests: 0, objects: 0, lists: 0, listPages: 0, files: 0, deleted: 0, byType: {} };
  const problem = (url: string, pointer: string, message: string) => { problems.push({ url, pointer, message }); };
  /** Every object seen, by id: the fullest version (as fetched at its id) and where it was seen. */
  const seen = new Map<string, { type: TypeName; versions: { obj: Json; at: string; pointer: string }[]; fetched?: Json | null }>();
  const validated = new Set<string>();
  const deletedIds = new Set<string>();
  const fetchedJson = new Map<string, Promise<Json | null>>();
  const lists: { url: string; type: TypeName; items: Json[] }[] = [];
  let stopped = false;

  async function request(url: string, init?: { method?: string; headers?: Record<string, string> }) {
    if (stats.requests >= maxRequests) {
      if (!stopped) problem(url, '', `Abbruch nach ${maxRequests} Anfragen: die Schnittstelle endet nicht (Endlosschleife in links.next?).`);
      stopped = true;
      return null;
    }
    stats.requests++;
    try { return await doFetch(url, init); } catch (e) {
      problem(url, '', `Die Adresse ist nicht erreichbar: ${(e as Error).message}`);
      return null;
    }
  }

  /** GET of a JSON resource with the checks every JSON answer must pass. */
  async function getJson(url: string): Promise<Json | null> {
    const res = await request(url);
    if (!res) return null;
    const text = await res.text();
    if (res.status !== 200) {
      problem(url, '', `HTTP-Status ${res.status} statt 200.`);
      return null;
    }
    if (res.headers.get('access-control-allow-origin') !== '*') problem(url, '', 'Der Header Access-Control-Allow-Origin: * fehlt (2.6).');
    const methods = res.headers.get('access-control-allow-methods');
    if (methods && !/\bGET\b/i.test(methods)) problem(url, '', 'Access-Control-Allow-Methods enthält GET nicht (2.6).');
    if (!/^application\/json\b/i.test(res.headers.get('content-type') ?? '')) problem(url, '', `Content-Type ist ${res.headers.get('content-type') ?? 'nicht gesetzt'} statt application/json (2.4).`);
    if (res.headers.get('set-cookie')) problem(url, '', 'Die Antwort setzt ein Cookie: Zugriffe müssen zustandslos sein (2.3).');
    if (text.charCodeAt(0) === 0xfeff) problem(url, '', 'Die Antwort beginnt mit einer Byte Order Mark (2.4).');
    try {
      const body = JSON.parse(text) as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        problem(url, '', 'Die Antwort ist kein JSON-Objekt.');
        return null;
      }
      return body as Json;
    } catch {
      problem(url, '', 'Die Antwort ist kein gültiges JSON.');
      return null;
    }
  }
  const fetchOnce = (url: string) => {
    let p = fetchedJson.get(url);
    if (!p) { p = getJson(url); fetchedJson.set(url, p); }
    return p;
  };

  /** No null values and no empty strings anywhere (2.4). */
  function checkValues(value: unknown, url: string, path: (string | number)[]) {
    if (value === null) problem(url, pointerOf(path), 'Der Wert null ist nicht zulässig (2.4).');
    else if (value === '') problem(url, pointerOf(path), 'Leere Zeichenkette statt ausgelassener Eigenschaft (2.4).');
    else if (Array.isArray(value)) value.forEach((v, i) => checkValues(v, url, [...path, i]));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) checkValues(v, url, [...path, k]);
  }

  /** Validates an object and what it embeds; records it (and its references) for the id and reference checks. */
  function visit(obj: Json, expected: TypeName | undefined, url: string, path: (string | number)[], mode: Mode, refs: Set<string>) {
    const pointer = pointerOf(path);
    const type = typeName(obj.type);
    if (!type) { problem(url, `${pointer}/type`, `Unbekannter Objekttyp ${JSON.stringify(obj.type)}.`); return; }
    if (expected && type !== expected) problem(url, `${pointer}/type`, `Erwartet ${expected}, geliefert ${type}.`);
    const deleted = obj.deleted === true;
    if (deleted && typeof obj.id === 'string') deletedIds.add(obj.id);
    // The same object met again (another list page, a filtered list) is not reported twice.
    const fingerprint = `${mode}\u0000${JSON.stringify(obj)}`;
    if (validated.has(fingerprint)) return;
    validated.add(fingerprint);
    const v = validator(type, deleted ? 'deleted' : mode);
    if (!v(obj)) {
      for (const e of v.errors ?? []) {
        const where = e.keyword === 'required' ? `${pointer}${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : `${pointer}${e.instancePath}`;
        problem(url, where, `${type}: ${e.message ?? e.keyword}${e.keyword === 'required' ? '' : ` (${e.schemaPath})`}`);
      }
    }
    if (obj.deleted !== undefined && obj.deleted !== true) problem(url, `${pointer}/deleted`, 'deleted ist nur mit dem Wert true anzugeben (2.8).');
    if (deleted && mode === 'embedded') problem(url, pointer, 'Gelöschte Objekte dürfen nicht intern ausgegeben werden (2.5).');
    if (typeof obj.id === 'string') {
      const known = seen.get(obj.id);
      if (!known || known.type === 'System' && !known.versions.length) {
        seen.set(obj.id, { type, versions: [{ obj, at: url, pointer }], fetched: known?.fetched });
        stats.objects++;
        stats.byType[type] = (stats.byType[type] ?? 0) + 1;
      } else if (known.type !== type) problem(url, `${pointer}/id`, `Die id ${obj.id} bezeichnet auch ein ${known.type}.`);
      else known.versions.push({ obj, at: url, pointer });
    }
    const def = raw[type];
    for (const [key, value] of Object.entries(obj)) {
      const prop = def.properties[key];
      if (!prop) continue;
      if (prop.schema && typeof value === 'object' && value && !Array.isArray(value)) {
        visit(value as Json, typeName(`${TYPE_PREFIX}${prop.schema.replace(/\.json$/, '')}`), url, [...path, key], 'embedded', refs);
      } else if (prop.type === 'array' && prop.items?.schema && Array.isArray(value)) {
        value.forEach((item, i) => { if (typeof item === 'object' && item) visit(item as Json, typeName(`${TYPE_PREFIX}${prop.items!.schema!.replace(/\.json$/, '')}`), url, [...path, key, i], 'embedded', refs); });
      } else if (prop.format === 'url' && typeof value === 'string' && key !== 'id' && !EXTERNAL_LISTS[type]?.[key] && !['web', 'website', 'license', 'vendor', 'product', 'accessUrl', 'downloadUrl', 'externalServiceUrl', 'fileLicense'].includes(key)) {
        refs.add(value);
      } else if (prop.type === 'array' && prop.items?.format === 'url' && Array.isArray(value)) {
        for (const r of value) if (typeof r === 'string') refs.add(r);
      }
    }
  }

  /** Reads a whole list (every page via links.next); returns its entries, or null when it could not be read. */
  async function readList(listUrl: string, type: TypeName, mode: Mode, refs: Set<string>, keep: string[] = [], maxPages = Infinity): Promise<Json[] | null> {
    const items: Json[] = [];
    const ids = new Set<string>();
    const pages = new Set<string>();
    let next: string | undefined = listUrl;
    while (next && !stopped && pages.size < maxPages) {
      if (pages.has(next)) { problem(next, '/links/next', 'links.next zeigt auf eine schon gelesene Seite.'); break; }
      pages.add(next);
      const page = await getJson(next);
      if (!page) return items.length ? items : null;
      stats.listPages++;
      checkValues(page, next, []);
      if (!Array.isArray(page.data)) { problem(next, '/data', 'Eine Listenseite braucht data (Array) (2.5).'); return null; }
      if (typeof page.pagination !== 'object' || page.pagination === null) problem(next, '/pagination', 'Eine Listenseite braucht pagination (Objekt) (2.5).');
      if (typeof page.links !== 'object' || page.links === null) problem(next, '/links', 'Eine Listenseite braucht links (Objekt) (2.5).');
      const links = (page.links ?? {}) as Record<string, unknown>;
      for (const [rel, link] of Object.entries(links)) {
        if (typeof link !== 'string' || !isUrl(link)) { problem(next, `/links/${rel}`, 'Ein Link muss eine URL sein.'); continue; }
        const params = new URL(link).searchParams;
        for (const k of keep) if (params.get(k) !== new URL(listUrl).searchParams.get(k)) problem(next, `/links/${rel}`, `Der Parameter ${k} geht im Link verloren (2.5: Filter bleiben erhalten).`);
      }
      page.data.forEach((item, i) => {
        if (typeof item !== 'object' || item === null) { problem(next!, `/data/${i}`, 'Ein Listeneintrag muss ein Objekt sein.'); return; }
        const id = (item as Json).id;
        if (typeof id === 'string') {
          if (ids.has(id)) problem(next!, `/data/${i}/id`, `${id} steht mehrfach in der Liste (stabile Sortierung, 2.5).`);
          ids.add(id);
        }
        visit(item as Json, type, next!, ['data', i], mode, refs);
        items.push(item as Json);
      });
      const n = links.next;
      next = typeof n === 'string' && isUrl(n) ? n : undefined;
    }
    return items;
  }

  // 1. System, bodies and all lists.
  const system = await fetchOnce(systemUrl);
  if (!system) return { problems, stats };
  checkValues(system, systemUrl, []);
  const refs = new Set<string>();
  visit(system, 'System', systemUrl, [], 'standalone', refs);
  if (system.id !== systemUrl) problem(systemUrl, '/id', `Die id ${JSON.stringify(system.id)} ist nicht die abgerufene URL ${systemUrl} (kanonische URL, 2.3).`);
  const queue: { url: string; type: TypeName }[] = [];
  const queued = new Set<string>();
  const enqueueLists = (obj: Json, type: TypeName) => {
    for (const [prop, entryType] of Object.entries(EXTERNAL_LISTS[type] ?? {})) {
      const u = obj[prop];
      if (typeof u === 'string' && isUrl(u) && !queued.has(u)) { queued.add(u); queue.push({ url: u, type: entryType }); }
    }
  };
  enqueueLists(system, 'System');
  while (queue.length && !stopped) {
    const { url: listUrl, type } = queue.shift()!;
    const items = await readList(listUrl, type, 'standalone', refs);
    if (!items) continue;
    stats.lists++;
    lists.push({ url: listUrl, type, items });
    items.forEach((item, i) => {
      if (item.deleted === true) problem(listUrl, `/data/${i}`, 'Gelöschtes Objekt ohne modified_since in der Liste (2.5).');
      const t = typeName(item.type);
      if (t && item.deleted !== true) enqueueLists(item, t);
    });
  }

  // 2. Every id answers with its object (a superset of what lists and embeddings show); every reference resolves.
  const pending = [...seen.keys(), ...refs];
  const done = new Set<string>();
  while (pending.length && !stopped) {
    const id = pending.shift()!;
    if (done.has(id)) continue;
    done.add(id);
    const fetched = await fetchOnce(id);
    const entry = seen.get(id);
    if (!fetched) {
      const where = entry?.versions[0];
      problem(where?.at ?? id, where?.pointer ?? '', `Die id ${id} liefert kein Objekt.`);
      continue;
    }
    if (fetched.id !== id) problem(id, '/id', `Das Objekt an ${id} trägt die id ${JSON.stringify(fetched.id)} (kanonische URL, 2.3).`);
    checkValues(fetched, id, []);
    const t = typeName(fetched.type);
    const more = new Set<string>();
    if (t) visit(fetched, t, id, [], 'standalone', more);
    for (const r of more) if (!done.has(r)) pending.push(r);
    if (t && fetched.deleted !== true) enqueueLists(fetched, t);
    const now = seen.get(id);
    if (now) now.fetched = fetched;
    for (const version of entry?.versions ?? []) {
      for (const [k, v] of Object.entries(version.obj)) {
        if (!(k in fetched)) problem(version.at, `${version.pointer}/${k}`, `Das Objekt an seiner id ${id} hat ${k} nicht.`);
        else if (!deepEqual(v, fetched[k])) problem(version.at, `${version.pointer}/${k}`, `${k} weicht vom Objekt an seiner id ${id} ab.`);
      }
    }
  }
  // Lists found only through referenced objects (e.g. Organization.meeting of an object outside the lists).
  while (queue.length && !stopped) {
    const { url: listUrl, type } = queue.shift()!;
    const items = await readList(listUrl, type, 'standalone', new Set());
    if (items) { stats.lists++; lists.push({ url: listUrl, type, items }); }
  }

  // 3. Filters, deletion and omit_internal on every list.
  if (options.filters !== false) {
    for (const list of lists) {
      if (stopped) break;
      await checkFilters(list);
    }
  }

  // 4. Files: accessUrl without attachment, downloadUrl with it, checksum and size.
  for (const [id, entry] of seen) {
    if (stopped) break;
    const file = entry.fetched ?? entry.versions[0]?.obj ?? {};
    if (entry.type !== 'File' || file.deleted === true) continue;
    stats.files++;
    const access = typeof file.accessUrl === 'string' ? file.accessUrl : undefined;
    if (!access) continue;
    const res = await request(access);
    if (!res) continue;
    const data = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) { problem(id, '/accessUrl', `accessUrl antwortet mit HTTP-Status ${res.status}.`); continue; }
    if (/^\s*attachment/i.test(res.headers.get('content-disposition') ?? '')) problem(id, '/accessUrl', 'accessUrl sendet Content-Disposition: attachment (2.7).');
    if (typeof file.sha512Checksum === 'string' && createHash('sha512').update(data).digest('hex') !== file.sha512Checksum.toLowerCase()) problem(id, '/sha512Checksum', 'sha512Checksum passt nicht zum Inhalt der Datei.');
    if (typeof file.sha1Checksum === 'string' && createHash('sha1').update(data).digest('hex') !== file.sha1Checksum.toLowerCase()) problem(id, '/sha1Checksum', 'sha1Checksum passt nicht zum Inhalt der Datei.');
    if (typeof file.size === 'number' && file.size !== data.length) problem(id, '/size', `size ist ${file.size}, die Datei hat ${data.length} Bytes.`);
    if (typeof file.mimeType === 'string' && !(res.headers.get('content-type') ?? '').toLowerCase().startsWith(file.mimeType.toLowerCase().split(';')[0]!)) {
      problem(id, '/mimeType', `Content-Type ${res.headers.get('content-type') ?? '–'} passt nicht zu mimeType ${file.mimeType}.`);
    }
    if (typeof file.downloadUrl === 'string') {
      const dl = await request(file.downloadUrl);
      if (!dl) continue;
      await dl.arrayBuffer();
      if (dl.status !== 200) problem(id, '/downloadUrl', `downloadUrl antwortet mit HTTP-Status ${dl.status}.`);
      else if (!/^\s*attachment\s*;.*filename/i.test(dl.headers.get('content-disposition') ?? '')) problem(id, '/downloadUrl', 'downloadUrl sendet kein Content-Disposition: attachment; filename=… (2.7).');
    }
  }

  // 5. An unknown address: an error status, and if an object comes with it, the OParl error object (2.9).
  const missing = `${systemUrl.replace(/\/$/, '')}/gibt-es-nicht-${Date.now().toString(36)}`;
  const res = await request(missing);
  if (res) {
    const text = await res.text();
    if (res.status < 400) problem(missing, '', `Eine unbekannte Adresse antwortet mit HTTP-Status ${res.status} statt eines Fehlerstatus (2.9).`);
    try {
      const body = JSON.parse(text) as Json;
      if (body.type !== `${TYPE_PREFIX}Error`) problem(missing, '/type', `Das Fehlerobjekt hat type ${JSON.stringify(body.type)} statt ${TYPE_PREFIX}Error (2.9).`);
      if (typeof body.message !== 'string' || !body.message) problem(missing, '/message', 'Das Fehlerobjekt braucht message (2.9).');
    } catch { /* an error object is recommended, not required */ }
    if (res.headers.get('access-control-allow-origin') !== '*') problem(missing, '', 'Der Header Access-Control-Allow-Origin: * fehlt auch bei Fehlern (2.6).');
  }
  stats.deleted = deletedIds.size;
  return { problems, stats };

  async function checkFilters(list: { url: string; type: TypeName; items: Json[] }) {
    const withParams = (params: Record<string, string>) => {
      const u = new URL(list.url);
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
      return u.toString();
    };
    const live = list.items.filter((i) => i.deleted !== true && typeof i.id === 'string');
    const time = (o: Json, k: 'created' | 'modified') => (typeof o[k] === 'string' ? Date.parse(o[k] as string) : NaN);
    const pick = (k: 'created' | 'modified') => {
      const values = [...new Set(live.map((o) => o[k]).filter((x): x is string => typeof x === 'string' && DATE_TIME.test(x)))].sort((a, b) => Date.parse(a) - Date.parse(b));
      return values[Math.floor(values.length / 2)];
    };
    const cases: { param: string; key: 'created' | 'modified'; since: boolean }[] = [
      { param: 'created_since', key: 'created', since: true }, { param: 'created_until', key: 'created', since: false },
      { param: 'modified_since', key: 'modified', since: true }, { param: 'modified_until', key: 'modified', since: false },
    ];
    for (const c of cases) {
      const at = pick(c.key);
      if (!at) continue;
      const t = Date.parse(at);
      // limit=1 makes a paginating server show on its first pages that the filter stays in the links.
      await readList(withParams({ [c.param]: at, limit: '1' }), list.type, 'standalone', new Set(), [c.param], 3);
      const u = withParams({ [c.param]: at });
      const got = await readList(u, list.type, 'standalone', new Set(), [c.param]);
      if (!got) continue;
      const ids = new Set(got.map((o) => o.id));
      got.forEach((o) => {
        const v = time(o, c.key);
        if (o.deleted === true && c.param !== 'modified_since') problem(u, '', `Gelöschtes Objekt ${String(o.id)} ohne modified_since (2.5).`);
        if (!(c.since ? v >= t : v <= t)) problem(u, '', `${String(o.id)} (${c.key} ${String(o[c.key])}) passt nicht zum Filter ${c.param}=${at}.`);
      });
      for (const o of live) {
        const v = time(o, c.key);
        if ((c.since ? v >= t : v <= t) && !ids.has(o.id)) problem(u, '', `${String(o.id)} (${c.key} ${String(o[c.key])}) fehlt in der mit ${c.param}=${at} gefilterten Liste.`);
      }
      if (live.some((o) => !(c.since ? time(o, c.key) >= t : time(o, c.key) <= t)) && got.length >= live.length && c.param !== 'modified_since') {
        problem(u, '', `Der Filter ${c.param} schränkt die Liste nicht ein.`);
      }
    }
    // Deleted objects: listed with modified_since (marked deleted: true, answering at their id), never without it.
    const since = withParams({ modified_since: '1970-01-01T00:00:00+00:00' });
    const all = await readList(since, list.type, 'standalone', new Set(), ['modified_since']);
    if (all) {
      const ids = new Set(all.map((o) => o.id));
      for (const o of live) if (!ids.has(o.id)) problem(since, '', `${String(o.id)} fehlt mit modified_since.`);
      for (const o of all) {
        if (o.deleted === true) {
          const at = await fetchOnce(String(o.id));
          if (at && at.deleted !== true) problem(String(o.id), '/deleted', 'Das als gelöscht gelistete Objekt ist an seiner id nicht als gelöscht markiert (2.8).');
          if (at && o.created !== at.created) problem(String(o.id), '/created', 'created eines gelöschten Objekts muss erhalten bleiben (2.8).');
        } else if (!live.some((l) => l.id === o.id)) problem(since, '', `${String(o.id)} steht nur mit modified_since in der Liste, ist aber nicht gelöscht.`);
      }
    }
    // omit_internal: the list still validates, with the internal lists that may be left out.
    const omitted = withParams({ omit_internal: 'true' });
    await readList(omitted, list.type, 'omitInternal', new Set(), ['omit_internal']);
  }
}
