import pg from 'pg';
import type { Db } from './client.js';

/**
 * VACUUM for tables whose deleted rows must not stay readable (docs/anonymity.md). Plain VACUUM frees dead
 * rows but leaves their bytes in the pages' free space; `full` rewrites each table into a new file, taking
 * an exclusive lock for the moment it needs: if the lock is not granted within `lockTimeoutMs` (busy
 * table), that table gets a plain VACUUM now and the full one next time. Runs outside any transaction.
 */
export async function vacuumTables(db: Db, tables: readonly string[], options: { full: boolean; lockTimeoutMs?: number }): Promise<{ full: string[]; plain: string[] }> {
  const done = { full: [] as string[], plain: [] as string[] };
  if (!tables.length) return done;
  for (const t of tables) if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`Not a table name: ${t}`);
  const client = (db as unknown as { $client: unknown }).$client;
  const run = async (query: (text: string) => Promise<unknown>) => {
    if (!options.full) { await query(`vacuum (skip_locked) ${tables.join(', ')}`); done.plain.push(...tables); return; }
    for (const t of tables) {
      try { await query(`vacuum full ${t}`); done.full.push(t); } catch (e) {
        if ((e as { code?: string }).code !== '55P03') throw e;
        await query(`vacuum (skip_locked) ${t}`);
        done.plain.push(t);
      }
    }
  };
  if (client instanceof pg.Pool) {
    // One connection, so the lock timeout applies to these statements only.
    const c = await client.connect();
    try {
      await c.query(`set lock_timeout = ${Math.max(1, Math.round(options.lockTimeoutMs ?? 1000))}`);
      await run((text) => c.query(text));
    } finally {
      await c.query('reset lock_timeout').catch(() => {});
      c.release();
    }
  } else {
    // The embedded database has one connection and no concurrent sessions to wait for.
    await run((text) => (client as { exec(q: string): Promise<unknown> }).exec(text));
  }
  return done;
}
