import { desc } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { crimeImports } from './schema.js';
import { importVisibleTo } from './policy.js';
import type { TCrimeImport } from './crime.types.js';

/** The imported PKS files the actor may see, newest first (see importVisibleTo). */
export async function listCrimeImports(db: Db, actor: Actor | null): Promise<TCrimeImport[]> {
  const visible = importVisibleTo(actor);
  const rows = await db.select().from(crimeImports).orderBy(desc(crimeImports.importedAt));
  return rows.filter(visible).map((r) => ({
    id: r.id, format: r.format, years: r.years, source: r.source, version: r.version, fileName: r.fileName, encoding: r.encoding,
    rowsImported: r.rowsImported, rowsSkipped: r.rowsSkipped, importedAt: r.importedAt.toISOString(),
  }));
}
