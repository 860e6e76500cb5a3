import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { registryImports } from './schema.js';
import type { TRegistryPreview } from './communes.types.js';
import { presentImport } from './registry-imports.js';

export async function getRegistryImport(db: Db, id: string): Promise<TRegistryPreview> {
  const [row] = await db.select().from(registryImports).where(eq(registryImports.id, id));
  if (!row) throw new Problem(404, 'not_found', 'Dieser Import existiert nicht.');
  return presentImport(row);
}
