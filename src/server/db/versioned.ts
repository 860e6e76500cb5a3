import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { notFound, staleVersion } from '../http/problem.js';

type VersionedTable = PgTable & { version: PgColumn };

/**
 * Optimistic locking: updates the row only if it still has `expectedVersion`, bumping the version.
 * A stale version gives 409 and changes nothing; a missing row gives 404.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Db, table: T, where: SQL, expectedVersion: number, values: Record<string, unknown>, entityLabel: string,
): Promise<T['$inferSelect']> {
  const rows = (await db.update(table as PgTable)
    .set({ ...values, version: sql`${table.version} + 1` } as never)
    .where(and(where, eq(table.version, expectedVersion)))
    .returning()) as unknown[];
  if (rows.length === 1) return rows[0] as T['$inferSelect'];
  const exists: unknown[] = await db.select({ v: sql`1` }).from(table as PgTable).where(where).limit(1);
  throw exists.length ? staleVersion(entityLabel) : notFound();
}
