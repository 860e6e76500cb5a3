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
  close(): Promise<void>;
}

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
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      jobConnection: () => ({ db: fromPglite(client), backend: 'pglite' }),
      async close() { await client.close(); release(); },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
