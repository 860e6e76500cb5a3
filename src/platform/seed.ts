import { count } from 'drizzle-orm';
import pg from 'pg';
import type { Config } from '../server/config.js';
import type { Db } from '../server/db/client.js';
import type { PlatformModule } from '../server/modules.js';
import { platformModules } from './modules.js';
import { users } from '../modules/auth/schema.js';
import { fileStorageFor, type FileStorage } from '../server/files/storage.js';

const SEED_LOCK = 7_411_020; // arbitrary advisory lock key shared by all app processes

/**
 * Loads every module's reference data (idempotent), then, on a database without users and outside
 * production, every module's demo data. On PostgreSQL one process at a time: app processes started together
 * would otherwise insert the same reference rows at once, and each find no users and load the demo data.
 */
export async function seedDatabase(db: Db, config: Config, log: (msg: string) => void, modules: PlatformModule[] = platformModules, files: FileStorage = fileStorageFor(config)) {
  if (config.production && config.demoDataRequested) throw new Error('Demo data is refused when NODE_ENV=production.');
  await oneProcessAtATime(db, async () => {
    const ctx = { db, config, log, files };
    for (const m of modules) await m.seedReference?.(ctx);
    if (!config.demoData) return;
    const [u] = await db.select({ n: count() }).from(users);
    if ((u?.n ?? 0) > 0) return;
    for (const m of modules) await m.seedDemo?.(ctx);
  });
}

/** Holds an advisory lock on a connection of its own (not one of the pool's, which the seeding needs). */
async function oneProcessAtATime(db: Db, fn: () => Promise<void>) {
  const pool = (db as unknown as { $client?: unknown }).$client;
  // The embedded database belongs to one process (its data directory is locked).
  if (!(pool instanceof pg.Pool)) return fn();
  const lock = new pg.Client(pool.options);
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    await fn();
  } finally {
    await lock.end(); // ends the session, and with it the lock
  }
}
