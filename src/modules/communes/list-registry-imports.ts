import { asc, count } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { byColumn, byName, nameContains, page } from '../../server/http/paging.js';
import { registryImports } from './schema.js';
import type { TRegistryImportList, TRegistryImportListQuery } from './communes.types.js';
import { presentImport } from './registry-imports.js';

/** Registry updates by file name, newest first by default, paged. */
export async function listRegistryImports(db: Db, q: TRegistryImportListQuery): Promise<TRegistryImportList> {
  const cond = q.q ? nameContains(registryImports.fileName, q.q) : undefined;
  const order = q.sort === 'fileName' ? byName(registryImports.fileName, q.dir) : byColumn(registryImports.createdAt, q.dir);
  const rows = await db.select().from(registryImports).where(cond).orderBy(order, asc(registryImports.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(registryImports).where(cond);
  return page(rows.map(presentImport), total?.n ?? 0, q);
}
