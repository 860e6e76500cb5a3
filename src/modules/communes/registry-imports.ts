import type { registryImports } from './schema.js';
import type { TRegistryChange, TRegistryPreview, TRegistrySummary } from './communes.types.js';

export function presentImport(row: typeof registryImports.$inferSelect): TRegistryPreview {
  const preview = row.preview as { summary: TRegistrySummary; changes: TRegistryChange[] };
  return { id: row.id, fileName: row.fileName, referenceDate: row.referenceDate, status: row.status, version: row.version, ...preview };
}
