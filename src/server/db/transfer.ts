/**
 * Export and import of the whole platform in one file: every table of the application's schemas and every
 * stored file, from the embedded database to a PostgreSQL server (or back), and as a backup of either.
 *
 * The file is gzip'd NDJSON, written and read as a stream (no table or file list is held in memory):
 *   {"format":"asskomm-export","formatVersion":1,"appVersion":…,"migrations":[…],"tables":[…],…}   header
 *   {"table":"public.x","columns":[…],"rows":N}   then N lines, each one row as PostgreSQL's row_to_json
 *   {"tableEnd":"public.x","rows":N,"checksum":…}
 *   {"sequences":[{"name":…,"lastValue":…,"isCalled":…}]}
 *   {"file":key,"size":…,"sha256":…,"data":base64}   one line per stored file
 *   {"end":true,"tables":…,"rows":…,"files":…}
 *
 * What is carried: every table (and partitioned table) of every schema except the system schemas, drizzle's
 * and pg-boss's, found in the catalog (so every module's tables, without importing a module); the sequences of
 * those schemas (last value); every file in the file store (directory or S3). Rows are turned into JSON by
 * PostgreSQL (row_to_json) and back (json_to_recordset with the target's column types), so every type
 * round-trips through its own text form; json/jsonb columns travel as their text, so a JSON `null` stays
 * distinct from SQL NULL. Settings that change text forms (time zone, float digits, bytea, interval style)
 * are fixed for both directions. Generated columns are not carried (the target computes them).
 *
 * What is not carried, and why:
 * - drizzle.__drizzle_migrations: the target is migrated by the app itself before the import; the export
 *   records its migration list and the import refuses a target whose list differs (naming the difference).
 * - pg-boss's schema (jobs): a queued job refers to the source's state of work, and pg-boss creates its schema
 *   and schedules when the app starts. The survey mix is swept every minute from the (carried) pool; a report
 *   job still queued would stay "queued": the export warns when jobs are pending, and operators should let the
 *   queue drain (or request the report again).
 *
 * Order: tables in foreign-key order (parents first); a foreign key that points to the same table or closes
 * a cycle is checked at the end of the import transaction instead of per row. Rows of a table in primary-key
 * order, or, without a primary key, in the order of their own text: never in physical or arrival order, so
 * an export adds no link between survey answers and codes or times (docs/anonymity.md). All rows are
 * inserted in one transaction: they share one xmin, and their physical order is the export's.
 *
 * Import: into a freshly migrated database whose application tables are all empty (else refused), in one
 * transaction: inserts, sequences set, counts and checksums compared with the export's, and only then
 * committed. Files are written to the target store before the commit; on any failure the files this import
 * added are removed again. A file already in the target store with the same content is left; one with other
 * content is refused. The audit log is filled like any table: its triggers reject only UPDATE, DELETE and
 * TRUNCATE, so the import inserts its rows exactly (ids, times) and nothing else can change them.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import type { Db } from './client.js';
import type { FileStorage } from '../files/storage.js';

export const EXPORT_FORMAT = 'asskomm-export';
export const EXPORT_FORMAT_VERSION = 1;
/** Schemas that are not the application's data. */
const FOREIGN_SCHEMAS = ['pg_catalog', 'information_schema', 'drizzle', 'pgboss'];
const ROWS_PER_CHUNK = 1000;
const BYTES_PER_CHUNK = 8 << 20;

export class TransferError extends Error {}

export interface MigrationEntry { hash: string; createdAt: string; tag: string | null }
export interface ExportSummary { tables: number; rows: number; files: number; bytes: number; pendingJobs: number }
export interface ImportSummary { tables: number; rows: number; files: number; filesWritten: number }

interface Session { query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>; release(): void }

async function openSession(db: Db): Promise<Session> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) {
    const c = await client.connect();
    return { query: async (text, params) => (await c.query(text, params)).rows, release: () => c.release() };
  }
  // The embedded database: one connection, used by nobody else while the command runs.
  const lite = client as { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };
  return { query: async (text, params) => (await lite.query(text, params)).rows as never, release() {} };
}

/** Fixes every setting that changes a value's text form, for the current transaction. */
async function fixTextForms(s: Session) {
  for (const q of ["set local timezone = 'UTC'", "set local datestyle = 'ISO, YMD'", "set local intervalstyle = 'postgres'",
    'set local extra_float_digits = 1', "set local bytea_output = 'hex'"]) await s.query(q);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

interface Column { name: string; type: string; json: boolean }
interface Table { oid: string; schema: string; name: string; qname: string; columns: Column[]; primaryKey: string[] }
interface ForeignKey { name: string; table: string; references: string; deferrable: boolean; deferred: boolean }

/** The application's tables, columns, primary keys and foreign keys, read from the catalog. */
async function readCatalog(s: Session) {
  const excluded = `n.nspname not in (${FOREIGN_SCHEMAS.map((n) => `'${n}'`).join(', ')}) and n.nspname not like 'pg\\_%'`;
  const notExtension = (oid: string) => `not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = ${oid} and d.deptype = 'e')`;
  const tables = await s.query<{ oid: string; schema: string; name: string }>(
    `select c.oid::int8::text as oid, n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relispartition and ${excluded} and ${notExtension('c.oid')} order by 2, 3`);
  const oids = tables.map((t) => t.oid).join(',');
  const columns = await s.query<{ oid: string; name: string; type: string; json: boolean }>(
    `select a.attrelid::int8::text as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            a.atttypid in ('json'::regtype, 'jsonb'::regtype) as json
     from pg_attribute a where a.attrelid = any(string_to_array($1, ',')::oid[]) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     order by a.attrelid, a.attnum`, [oids]);
  const keys = await s.query<{ oid: string; name: string }>(
    `select i.indrelid::int8::text as oid, a.attname as name from pg_index i
     cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
     where i.indisprimary and i.indrelid = any(string_to_array($1, ',')::oid[]) order by 1, k.ord`, [oids]);
  const fks = await s.query<{ name: string; table: string; references: string; deferrable: boolean; deferred: boolean }>(
    `select conname as name, conrelid::int8::text as table, confrelid::int8::text as references, condeferrable as deferrable, condeferred as deferred
     from pg_constraint where contype = 'f' and conrelid = any(string_to_array($1, ',')::oid[]) order by 1`, [oids]);
  const sequences = await s.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'S' and ${excluded} and ${notExtension('c.oid')} order by 1, 2`);
  const byOid = new Map<string, Table>(tables.map((t) => [t.oid, { ...t, qname: `${t.schema}.${t.name}`, columns: [], primaryKey: [] }]));
  for (const c of columns) byOid.get(c.oid)!.columns.push({ name: c.name, type: c.type, json: c.json });
  for (const k of keys) byOid.get(k.oid)!.primaryKey.push(k.name);
  const foreignKeys: ForeignKey[] = fks.filter((f) => byOid.has(f.references))
    .map((f) => ({ ...f, table: byOid.get(f.table)!.qname, references: byOid.get(f.references)!.qname }));
  return { tables: [...byOid.values()], foreignKeys, sequences: sequences.map((q) => `${q.schema}.${q.name}`) };
}

/** Parents before children; tables in a cycle in name order (their keys are checked at commit). */
function foreignKeyOrder(tables: Table[], foreignKeys: ForeignKey[]): Table[] {
  const pending = new Map(tables.map((t) => [t.qname, t]));
  const order: Table[] = [];
  while (pending.size) {
    const ready = [...pending.values()].filter((t) => !foreignKeys.some((f) => f.table === t.qname && f.references !== t.qname && pending.has(f.references)));
    const next = ready.length ? ready : [[...pending.values()].sort((a, b) => a.qname.localeCompare(b.qname))[0]!];
    for (const t of next) { order.push(t); pending.delete(t.qname); }
  }
  return order;
}

/** The select whose rows are the export's lines: json columns as their text, in key order (or the row's own text). */
function rowSelect(t: Table): string {
  const cols = t.columns.map((c) => (c.json ? `${ident(c.name)}::text as ${ident(c.name)}` : ident(c.name))).join(', ');
  const order = t.primaryKey.length ? t.primaryKey.map((k) => `x.${ident(k)}`).join(', ') : '1';
  return `select row_to_json(x)::text as r from (select ${cols} from ${qualified(t.schema, t.name)}) x order by ${order}`;
}

/** Order-independent checksum of a table's lines (sum of their hashes), so collations cannot change it. */
class RowChecksum {
  private sum = 0n;
  add(line: string) { this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) & ((1n << 256n) - 1n); }
  toString() { return this.sum.toString(16).padStart(64, '0'); }
}

/** Streams a table's rows through a cursor of the current transaction. */
async function* tableRows(s: Session, t: Table): AsyncGenerator<string> {
  await s.query(`declare transfer_rows no scroll cursor for ${rowSelect(t)}`);
  try {
    for (;;) {
      const rows = await s.query<{ r: string }>(`fetch forward ${ROWS_PER_CHUNK} from transfer_rows`);
      for (const row of rows) yield row.r;
      if (rows.length < ROWS_PER_CHUNK) break;
    }
  } finally {
    await s.query('close transfer_rows');
  }
}

const appMigrationsFolder = resolve(import.meta.dirname, '../../../drizzle');

async function appliedMigrations(s: Session, migrationsFolder = appMigrationsFolder): Promise<MigrationEntry[]> {
  const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
  const tags = new Map(journal.entries.map((e) => [String(e.when), e.tag]));
  const exists = await s.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists[0]?.t) return [];
  const rows = await s.query<{ hash: string; created_at: string }>('select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id');
  return rows.map((r) => ({ hash: r.hash, createdAt: r.created_at, tag: tags.get(r.created_at) ?? null }));
}

/** Jobs pg-boss has not finished (not exported); outside the export's transaction, as pg-boss's tables are its own. */
async function pendingJobs(s: Session): Promise<number> {
  try {
    const [t] = await s.query<{ t: string | null }>(`select to_regclass('pgboss.job')::text as t`);
    if (!t?.t) return 0;
    const [n] = await s.query<{ n: string }>(`select count(*)::text as n from pgboss.job where state in ('created', 'retry', 'active')`);
    return Number(n?.n ?? 0);
  } catch {
    return 0; // another pg-boss layout: no warning rather than no export
  }
}

const contentTypes: Record<string, string> = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv', json: 'application/json', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const contentTypeOf = (key: string) => contentTypes[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export interface TransferOptions {
  /** drizzle's migrations folder (for the names of the migrations in messages); the app's by default. */
  migrationsFolder?: string;
  log?: (msg: string) => void;
}

/**
 * Writes the database and the file store into `path` (gzip'd NDJSON), from one consistent snapshot of the
 * database (a PostgreSQL server may keep running; the embedded database is locked by the command anyway).
 * The file appears under its name only when complete.
 */
export async function exportDatabase(db: Db, files: FileStorage, path: string, options: TransferOptions & { appVersion: string }): Promise<ExportSummary> {
  const log = options.log ?? (() => {});
  if (!files.list) throw new TransferError(`The ${files.kind} file store cannot list its files.`);
  const partial = `${path}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 }); // it holds password hashes, secrets and personal data
  const done = new Promise<void>((res, rej) => { out.on('finish', res); out.on('error', rej); gzip.on('error', rej); });
  done.catch(() => {}); // awaited at the end; a failure before that is reported by the step that failed
  gzip.pipe(out);
  const write = async (line: string) => { if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), done]); };
  const s = await openSession(db);
  const summary: ExportSummary = { tables: 0, rows: 0, files: 0, bytes: 0, pendingJobs: 0 };
  try {
    summary.pendingJobs = await pendingJobs(s);
    if (summary.pendingJobs) log(`Warning: ${summary.pendingJobs} background job(s) are pending; jobs are not exported (let the queue drain first).`);
    await s.query('begin isolation level repeatable read read only');
    try {
      await fixTextForms(s);
      const catalog = await readCatalog(s);
      const tables = foreignKeyOrder(catalog.tables, catalog.foreignKeys);
      const migrations = await appliedMigrations(s, options.migrationsFolder);
      const [server] = await s.query<{ v: string }>('select version() as v');
      await write(JSON.stringify({ format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, appVersion: options.appVersion,
        createdAt: new Date().toISOString(), server: server?.v ?? null, migrations, tables: tables.map((t) => t.qname) }));
      for (const t of tables) {
        const [count] = await s.query<{ n: string }>(`select count(*)::text as n from ${qualified(t.schema, t.name)}`);
        const rows = Number(count!.n);
        await write(JSON.stringify({ table: t.qname, columns: t.columns.map((c) => c.name), rows }));
        const checksum = new RowChecksum();
        let written = 0;
        for await (const line of tableRows(s, t)) { checksum.add(line); await write(line); written++; }
        if (written !== rows) throw new Error(`${t.qname}: counted ${rows} rows, read ${written}`);
        await write(JSON.stringify({ tableEnd: t.qname, rows, checksum: checksum.toString() }));
        summary.tables++;
        summary.rows += rows;
      }
      const sequences = [];
      for (const q of catalog.sequences) {
        const [schema, name] = [q.slice(0, q.indexOf('.')), q.slice(q.indexOf('.') + 1)];
        const [v] = await s.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${qualified(schema, name)}`);
        sequences.push({ name: q, lastValue: v!.last_value, isCalled: v!.is_called });
      }
      await write(JSON.stringify({ sequences }));
    } finally {
      await s.query('rollback').catch(() => {});
    }
    for await (const key of files.list()) {
      const data = await files.get(key);
      await write(JSON.stringify({ file: key, size: data.length, sha256: sha256(data), data: data.toString('base64') }));
      summary.files++;
      summary.bytes += data.length;
    }
    await write(JSON.stringify({ end: true, tables: summary.tables, rows: summary.rows, files: summary.files }));
    gzip.end();
    await done;
    await rename(partial, path);
    log(`Exported ${summary.tables} tables (${summary.rows} rows) and ${summary.files} files to ${path}.`);
    return summary;
  } catch (e) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw e;
  } finally {
    s.release();
  }
}

/** The lines of a gzip'd file; a damaged or truncated file makes the iteration throw. */
async function* readLines(path: string): AsyncGenerator<string> {
  const file = createReadStream(path);
  const input = createGunzip();
  file.on('error', (e) => input.destroy(e));
  file.pipe(input);
  input.setEncoding('utf8');
  let pieces: string[] = []; // of the line being read (a stored file's line can be long)
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let start = 0;
      let nl;
      while ((nl = chunk.indexOf('\n', start)) >= 0) {
        pieces.push(chunk.slice(start, nl));
        yield pieces.join('');
        pieces = [];
        start = nl + 1;
      }
      if (start < chunk.length) pieces.push(chunk.slice(start));
    }
  } catch (e) {
    throw new TransferError(`The export file is damaged or incomplete (${(e as Error).message}).`);
  }
  if (pieces.length) yield pieces.join('');
}

class LineReader {
  private it: AsyncGenerator<string>;
  constructor(path: string) { this.it = readLines(path); }
  async next(what: string): Promise<string> {
    const r = await this.it.next();
    if (r.done) throw new TransferError(`The export file ends early (expected ${what}): it is incomplete.`);
    return r.value;
  }
  async json<T>(what: string): Promise<T> {
    const line = await this.next(what);
    try { return JSON.parse(line) as T; } catch { throw new TransferError(`The export file is damaged (expected ${what}).`); }
  }
  close() { void this.it.return(undefined); }
}

interface Header { format: string; formatVersion: number; appVersion: string; createdAt: string; migrations: MigrationEntry[]; tables: string[] }

function migrationDifference(exported: MigrationEntry[], target: MigrationEntry[]): string | null {
  const name = (m: MigrationEntry) => m.tag ?? m.hash.slice(0, 12);
  const inTarget = new Set(target.map((m) => m.hash));
  const inExport = new Set(exported.map((m) => m.hash));
  const onlyExport = exported.filter((m) => !inTarget.has(m.hash)).map(name);
  const onlyTarget = target.filter((m) => !inExport.has(m.hash)).map(name);
  if (!onlyExport.length && !onlyTarget.length) return null;
  return [onlyExport.length ? `only in the export: ${onlyExport.join(', ')}` : '', onlyTarget.length ? `only in the target database: ${onlyTarget.join(', ')}` : '']
    .filter(Boolean).join('; ');
}

/**
 * Loads an export into this (freshly migrated, empty) database and file store, all or nothing.
 * Refuses a target that holds rows, or whose migrations differ from the export's.
 */
export async function importDatabase(db: Db, files: FileStorage, path: string, options: TransferOptions): Promise<ImportSummary> {
  const log = options.log ?? (() => {});
  if (!(await stat(path).catch(() => null))?.isFile()) throw new TransferError(`There is no export file at ${path}.`);
  const reader = new LineReader(path);
  const s = await openSession(db);
  const written: string[] = [];
  const summary: ImportSummary = { tables: 0, rows: 0, files: 0, filesWritten: 0 };
  try {
    const header = await reader.json<Header>('the header');
    if (header.format !== EXPORT_FORMAT) throw new TransferError(`${path} is not a platform export.`);
    if (header.formatVersion !== EXPORT_FORMAT_VERSION) throw new TransferError(`The export has format version ${header.formatVersion}; this version reads ${EXPORT_FORMAT_VERSION}.`);
    await s.query('begin');
    try {
      await fixTextForms(s);
      const difference = migrationDifference(header.migrations, await appliedMigrations(s, options.migrationsFolder));
      if (difference) {
        throw new TransferError(`The export (app ${header.appVersion}) and the target database have different migrations (${difference}). `
          + 'Export and import with the same version of the platform.');
      }
      const catalog = await readCatalog(s);
      const byName = new Map(catalog.tables.map((t) => [t.qname, t]));
      const unknown = header.tables.filter((t) => !byName.has(t));
      const missing = catalog.tables.map((t) => t.qname).filter((t) => !header.tables.includes(t));
      if (unknown.length || missing.length) {
        throw new TransferError(`The export's tables differ from the target's (${[unknown.length ? `not in the target: ${unknown.join(', ')}` : '',
          missing.length ? `not in the export: ${missing.join(', ')}` : ''].filter(Boolean).join('; ')}).`);
      }
      const filled = [];
      for (const t of catalog.tables) {
        const [r] = await s.query<{ e: boolean }>(`select exists (select 1 from ${qualified(t.schema, t.name)}) as e`);
        if (r!.e) filled.push(t.qname);
      }
      if (filled.length) {
        const named = filled.length > 5 ? `${filled.slice(0, 5).join(', ')} and ${filled.length - 5} more tables` : filled.join(', ');
        throw new TransferError(`The target database is not empty (rows in ${named}). Import into a new database `
          + 'that the platform has only migrated (npm run cli -- db:migrate), before it is started or seeded.');
      }
      // Foreign keys to a table that is not filled yet (itself, or later in the file) are checked at the end.
      const position = new Map(header.tables.map((t, i) => [t, i]));
      const late = catalog.foreignKeys.filter((f) => position.get(f.references)! >= position.get(f.table)!);
      for (const f of late) {
        const t = byName.get(f.table)!;
        if (!f.deferrable) await s.query(`alter table ${qualified(t.schema, t.name)} alter constraint ${ident(f.name)} deferrable initially deferred`);
        else await s.query(`set constraints ${qualified(t.schema, f.name)} deferred`);
      }

      const checksums = new Map<string, { rows: number; checksum: string }>();
      for (const name of header.tables) {
        const section = await reader.json<{ table: string; columns: string[]; rows: number }>(`table ${name}`);
        if (section.table !== name) throw new TransferError(`The export file is damaged (expected table ${name}, found ${section.table ?? 'something else'}).`);
        const t = byName.get(name)!;
        const target = new Map(t.columns.map((c) => [c.name, c]));
        const strange = section.columns.filter((c) => !target.has(c));
        if (strange.length) throw new TransferError(`${name}: columns ${strange.join(', ')} are not in the target.`);
        const cols = section.columns.map((c) => target.get(c)!);
        const insert = `insert into ${qualified(t.schema, t.name)} (${cols.map((c) => ident(c.name)).join(', ')}) overriding system value `
          + `select ${cols.map((c) => (c.json ? `x.${ident(c.name)}::${c.type}` : `x.${ident(c.name)}`)).join(', ')} `
          + `from json_to_recordset($1::json) as x(${cols.map((c) => `${ident(c.name)} ${c.json ? 'text' : c.type}`).join(', ')})`;
        let chunk: string[] = [];
        let bytes = 0;
        const flush = async () => {
          if (!chunk.length) return;
          await s.query(insert, [`[${chunk.join(',')}]`]);
          chunk = [];
          bytes = 0;
        };
        for (let i = 0; i < section.rows; i++) {
          const line = await reader.next(`row ${i + 1} of ${name}`);
          chunk.push(line);
          bytes += line.length;
          if (chunk.length >= ROWS_PER_CHUNK || bytes >= BYTES_PER_CHUNK) await flush();
        }
        await flush();
        const end = await reader.json<{ tableEnd: string; rows: number; checksum: string }>(`the end of table ${name}`);
        if (end.tableEnd !== name || end.rows !== section.rows) throw new TransferError(`The export file is damaged (table ${name} does not end as announced).`);
        checksums.set(name, end);
        summary.tables++;
        summary.rows += section.rows;
        log(`  ${name}: ${section.rows}`);
      }
      for (const f of late) {
        const t = byName.get(f.table)!;
        await s.query(`set constraints ${qualified(t.schema, f.name)} immediate`);
        if (!f.deferrable) await s.query(`alter table ${qualified(t.schema, t.name)} alter constraint ${ident(f.name)} not deferrable initially immediate`);
        else if (f.deferred) await s.query(`set constraints ${qualified(t.schema, f.name)} deferred`);
      }

      const { sequences } = await reader.json<{ sequences: { name: string; lastValue: string; isCalled: boolean }[] }>('the sequences');
      if (!Array.isArray(sequences)) throw new TransferError('The export file is damaged (expected the sequences).');
      const targetSequences = new Set(catalog.sequences);
      for (const q of sequences) {
        if (!targetSequences.has(q.name)) throw new TransferError(`Sequence ${q.name} is not in the target.`);
        const [schema, name] = [q.name.slice(0, q.name.indexOf('.')), q.name.slice(q.name.indexOf('.') + 1)];
        await s.query('select setval($1::regclass, $2::int8, $3::boolean)', [qualified(schema, name), q.lastValue, q.isCalled]);
      }

      let end: { end?: boolean; tables?: number; rows?: number; files?: number; file?: string; size?: number; sha256?: string; data?: string };
      for (;;) {
        end = await reader.json('a file or the end');
        if (end.end) break;
        if (typeof end.file !== 'string' || typeof end.data !== 'string') throw new TransferError('The export file is damaged (expected a file).');
        const data = Buffer.from(end.data, 'base64');
        if (data.length !== end.size || sha256(data) !== end.sha256) throw new TransferError(`The export file is damaged (file ${end.file} does not match its checksum).`);
        const present = await files.get(end.file).catch(() => null);
        if (present && !present.equals(data)) {
          throw new TransferError(`The target file store already holds ${end.file} with other content. Import into an empty file store (FILES_DIR or S3 bucket).`);
        }
        if (!present) { await files.put(end.file, data, contentTypeOf(end.file)); written.push(end.file); }
        summary.files++;
      }
      if (end.tables !== summary.tables || end.rows !== summary.rows || end.files !== summary.files) {
        throw new TransferError('The export file is damaged (its totals do not match its contents).');
      }
      summary.filesWritten = written.length;

      for (const name of header.tables) {
        const t = byName.get(name)!;
        const expected = checksums.get(name)!;
        const checksum = new RowChecksum();
        let rows = 0;
        for await (const line of tableRows(s, t)) { checksum.add(line); rows++; }
        if (rows !== expected.rows || checksum.toString() !== expected.checksum) {
          throw new TransferError(`${name} does not read back as exported (${rows} of ${expected.rows} rows${rows === expected.rows ? ', different content' : ''}).`);
        }
      }
      await s.query('commit');
    } catch (e) {
      await s.query('rollback').catch(() => {});
      throw e;
    }
    log(`Imported ${summary.tables} tables (${summary.rows} rows) and ${summary.files} files (${summary.filesWritten} written).`);
    return summary;
  } catch (e) {
    for (const key of written) await files.remove(key).catch(() => {});
    throw e;
  } finally {
    reader.close();
    s.release();
  }
}
