import { desc } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { registryImports } from './schema.js';
import type { TRegistryImportList } from './communes.types.js';
import { presentImport } from './registry-imports.js';

/** The 50 most recent registry updates, newest first. */
export async function listRegistryImports(db: Db): Promise<TRegistryImportList> {
  return { items: (await db.select().from(registryImports).orderBy(desc(registryImports.createdAt)).limit(50)).map(presentImport) };
}
