import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Db } from './client.js';

export interface Readiness {
  database: 'ok' | 'unavailable';
  /** Migrations of the drizzle journal: how many the database has, how many this code expects, which are missing. */
  migrations: { applied: number; expected: number; missing: string[] };
}

/** How long the database may take to answer before the process counts as not ready. */
const DATABASE_TIMEOUT_MS = 3000;
const UNDEFINED_TABLE = '42P01';

let journal: { tag: string; when: number }[] | undefined;
/** The migrations this code expects (drizzle/meta/_journal.json, read once). */
export function expectedMigrations(): { tag: string; when: number }[] {
  journal ??= (JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] })
    .entries.map(({ tag, when }) => ({ tag, when }));
  return journal;
}

/**
 * Whether the database answers and has every migration of the journal applied. Drizzle's migrator records each
 * applied migration in drizzle.__drizzle_migrations with the journal's `when` as created_at (that is how it
 * decides what is pending), so the same key decides here.
 */
export async function checkReadiness(db: Db): Promise<Readiness> {
  const expected = expectedMigrations();
  let applied: Set<number>;
  try {
    applied = await withTimeout(appliedMigrations(db), DATABASE_TIMEOUT_MS);
  } catch {
    return { database: 'unavailable', migrations: { applied: 0, expected: expected.length, missing: expected.map((m) => m.tag) } };
  }
  const missing = expected.filter((m) => !applied.has(m.when)).map((m) => m.tag);
  return { database: 'ok', migrations: { applied: expected.length - missing.length, expected: expected.length, missing } };
}

async function appliedMigrations(db: Db): Promise<Set<number>> {
  try {
    const result = await db.execute(sql`select created_at from drizzle.__drizzle_migrations`) as unknown as { rows: { created_at: string | number }[] };
    return new Set(result.rows.map((r) => Number(r.created_at)));
  } catch (e) {
    // A database that answers but was never migrated has no journal table.
    if (errorCode(e) === UNDEFINED_TABLE) return new Set();
    throw e;
  }
}

function errorCode(e: unknown): string | undefined {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (typeof err.code === 'string') return err.code;
  }
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
