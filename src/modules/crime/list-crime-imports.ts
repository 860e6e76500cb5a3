import { asc, desc } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { fold, page } from '../../server/http/paging.js';
import { crimeImports } from './schema.js';
import { importVisibleTo } from './policy.js';
import type { TCrimeImportList, TCrimeImportListQuery } from './crime.types.js';

const collator = new Intl.Collator('de');

/**
 * The imported PKS files the actor may see (see importVisibleTo; few files, so filtered, sorted and paged here),
 * by file name or source, newest first by default.
 */
export async function listCrimeImports(db: Db, actor: Actor | null, q: TCrimeImportListQuery): Promise<TCrimeImportList> {
  const visible = importVisibleTo(actor);
  const term = q.q ? fold(q.q) : '';
  const rows = (await db.select().from(crimeImports).orderBy(desc(crimeImports.importedAt), asc(crimeImports.id)))
    .filter(visible).filter((r) => !term || fold(r.fileName).includes(term) || fold(r.source).includes(term));
  if (q.sort === 'fileName') rows.sort((a, b) => collator.compare(a.fileName, b.fileName) || a.id.localeCompare(b.id));
  if (q.dir === (q.sort === 'fileName' ? 'desc' : 'asc')) rows.reverse();
  const items = rows.slice(q.offset, q.offset + q.limit).map((r) => ({
    id: r.id, format: r.format, years: r.years, source: r.source, version: r.version, fileName: r.fileName, encoding: r.encoding,
    rowsImported: r.rowsImported, rowsSkipped: r.rowsSkipped, importedAt: r.importedAt.toISOString(),
  }));
  return page(items, rows.length, q);
}
