import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dataVersions } from './schema.js';

/** Versions of the tracked tables by name (a table never written since tracking began has 0). */
export type Versions = ReadonlyMap<string, number>;

const TRIGGER_LOCK = 7_411_019; // advisory lock key: processes starting at once install the triggers one after another
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Makes writes to `tables` bump their counter in `data_versions` (the functions come from migration 0013):
 * creates what is missing, idempotent, safe when several app processes start at once.
 */
export async function installDataVersionTriggers(db: Db, tables: readonly string[]) {
  const names = [...new Set(tables)].sort();
  if (!names.length) return;
  for (const name of names) if (!IDENTIFIER.test(name)) throw new Error(`Not a plain table name: ${name}`);
  const list = sql.join(names.map((n) => sql`${n}`), sql`, `);
  const installed = async (q: Db) => ((await q.execute(sql`
    SELECT c.relname AS table, count(*)::int AS count FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND t.tgname IN ('data_versions_touch', 'data_versions_bump') AND c.relname IN (${list})
    GROUP BY c.relname`)) as unknown as { rows: { table: string; count: number }[] }).rows;
  const complete = (rows: { table: string; count: number }[]) => names.every((n) => rows.some((r) => r.table === n && r.count === 2));
  if (complete(await installed(db))) {
    await db.insert(dataVersions).values(names.map((source) => ({ source }))).onConflictDoNothing();
    return;
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${TRIGGER_LOCK})`);
    await tx.insert(dataVersions).values(names.map((source) => ({ source }))).onConflictDoNothing();
    const rows = await installed(tx as unknown as Db);
    for (const name of names) {
      const have = rows.find((r) => r.table === name)?.count ?? 0;
      if (have === 2) continue;
      const table = sql.identifier(name);
      await tx.execute(sql`DROP TRIGGER IF EXISTS data_versions_touch ON ${table}`);
      await tx.execute(sql`DROP TRIGGER IF EXISTS data_versions_bump ON ${table}`);
      await tx.execute(sql`CREATE TRIGGER data_versions_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION data_versions_touch()`);
      await tx.execute(sql`CREATE CONSTRAINT TRIGGER data_versions_bump AFTER INSERT OR UPDATE OR DELETE ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump()`);
    }
  });
}

/**
 * Reads the versions for many concurrent requests at once, never staler than the request: a caller gets the
 * result of a read that started after it asked (the one in flight when it asked is not good enough, since a
 * write may have committed after that read began). Under load, one query serves every request that arrived
 * while the previous one ran.
 *
 * On the embedded database this process sees every change (`epoch`, see Database.localChanges): a read begun at
 * the current epoch, even one still running, is as fresh as a new one, since no statement completed since it
 * began (the database runs one statement at a time). So reads happen only after something else ran.
 */
export class VersionReader {
  private inFlight: Promise<Versions> | null = null;
  private next: Promise<Versions> | null = null;
  private known: { epoch: number; versions: Promise<Versions> } | null = null;

  constructor(private readonly load: () => Promise<Versions>, private readonly epoch?: () => number) {}

  read(): Promise<Versions> {
    if (this.epoch) return this.readAt(this.epoch());
    if (!this.inFlight) return this.start();
    this.next ??= this.inFlight.then(() => undefined, () => undefined).then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<Versions> {
    const run = this.load();
    this.inFlight = run;
    run.then(() => { if (this.inFlight === run) this.inFlight = null; }, () => { if (this.inFlight === run) this.inFlight = null; });
    return run;
  }

  private readAt(epoch: number): Promise<Versions> {
    if (this.known?.epoch === epoch) return this.known.versions;
    const known = { epoch, versions: this.load() };
    this.known = known;
    known.versions.catch(() => { if (this.known === known) this.known = null; });
    return known.versions;
  }
}

/** Every tracked table's version as the database has it now. */
export async function readVersions(db: Db): Promise<Versions> {
  const rows = await db.select({ source: dataVersions.source, version: dataVersions.version }).from(dataVersions);
  return new Map(rows.map((r) => [r.source, Number(r.version)]));
}

/** The same through the embedded database's uncounted path (reading the versions changes nothing). */
export async function readVersionsQuietly(read: <T>(query: string) => Promise<T[]>): Promise<Versions> {
  const rows = await read<{ source: string; version: string | number }>('SELECT source, version FROM data_versions');
  return new Map(rows.map((r) => [r.source, Number(r.version)]));
}

/** The part of `versions` that `sources` depend on, as a cache key. */
export const versionTag = (versions: Versions, sources: readonly string[]) => sources.map((s) => versions.get(s) ?? 0).join('.');
