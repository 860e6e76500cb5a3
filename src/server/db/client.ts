import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { fromPglite } from 'pg-boss';
import { lockDataDir } from './lock.js';

/** A database handle or an open transaction: use cases take either (queries are built from each module's tables). */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations; safe when several app processes start at once. */
  migrate(): Promise<void>;
  /** How pg-boss reaches the same database (its own small pool, or the one embedded connection). */
  jobConnection(): JobConnection;
  /** The connections of this process (for /metrics): a pool on PostgreSQL, the one connection of the embedded database. */
  poolStats(): PoolStats;
  /**
   * Embedded database only: this process is its one client (the data directory is locked), so it knows when
   * something may have changed. `epoch()` moves after every statement and transaction that completes (except
   * `readQuietly`'s); while it stands still, nothing was committed, and a cache need not ask the database.
   */
  localChanges?: { epoch(): number; readQuietly<T>(query: string): Promise<T[]> };
  close(): Promise<void>;
}

/** `idle` and `waiting` (queries waiting for a free connection) only where there is a pool. */
export interface PoolStats { max: number; open: number; idle?: number; waiting?: number }

export type JobConnection = { connectionString: string; max: number } | { db: ReturnType<typeof fromPglite>; backend: 'pglite' };

/** The drizzle-kit migrations (SQL files and meta/_journal.json), read at run time from the repository root. */
export const migrationsFolder = resolve(import.meta.dirname, '../../../drizzle');
const MIGRATION_LOCK = 7_411_018; // arbitrary advisory lock key shared by all app processes

/** `dataDir` 'memory://' gives a throwaway in-memory database (tests); `pgliteExtensions` load contrib modules into it. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; poolSize?: number; pgliteExtensions?: Extensions }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => { /* idle client lost; the pool replaces it */ });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
          await migratePg(drizzlePg(client), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
          client.release();
        }
      },
      jobConnection: () => ({ connectionString: opts.databaseUrl!, max: 3 }),
      poolStats: () => ({ max: pool.options.max, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => pool.end(),
    };
  }
  const dataDir = opts.dataDir ?? './var/db';
  const inMemory = dataDir.startsWith('memory://');
  let release = () => {};
  if (!inMemory) {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    release = lockDataDir(dir);
  }
  try {
    const extensions = opts.pgliteExtensions ? { extensions: opts.pgliteExtensions } : {};
    const client = inMemory ? new PGlite(extensions) : new PGlite(resolve(dataDir), extensions);
    await client.waitReady;
    const readQuietly = countChanges(client);
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      jobConnection: () => ({ db: fromPglite(client), backend: 'pglite' }),
      poolStats: () => ({ max: 1, open: 1 }),
      localChanges: readQuietly,
      async close() { await client.close(); release(); },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * Makes every query, exec and transaction of `client` (drizzle's, pg-boss's, the migrator's) move an epoch once it
 * completes: the caller's continuation runs after the epoch moved, so a write is counted before anyone learns of it.
 * A query on its own that is a plain SELECT changes no table and does not count (our SELECTs call no function that
 * writes); everything in a transaction counts when the transaction ends.
 */
function countChanges(client: PGlite) {
  let epoch = 0;
  const rawQuery = client.query.bind(client);
  const count = <R>(running: Promise<R>) => {
    running.then(() => { epoch++; }, () => { epoch++; });
    return running;
  };
  const readOnly = (query: unknown) => typeof query === 'string' && /^\s*select\s/i.test(query);
  client.query = ((query: string, ...rest: unknown[]) => {
    const running = (rawQuery as (q: string, ...r: unknown[]) => Promise<unknown>)(query, ...rest);
    return readOnly(query) ? running : count(running);
  }) as typeof client.query;
  const rawExec = client.exec.bind(client);
  client.exec = ((...args: Parameters<typeof client.exec>) => count(rawExec(...args))) as typeof client.exec;
  const rawTransaction = client.transaction.bind(client);
  client.transaction = ((...args: Parameters<typeof client.transaction>) => count(rawTransaction(...args))) as typeof client.transaction;
  return {
    epoch: () => epoch,
    readQuietly: async <T>(query: string) => (await rawQuery<T>(query)).rows,
  };
}

export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
