import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { communes, districts, registryImports } from './schema.js';
import type { TRegistryPreview } from './communes.types.js';
import { parseGvIsysOffLoop } from './gv-isys-file.js';
import { computeChanges, summarise } from './registry-changes.js';
import { presentImport } from './registry-imports.js';
import { recordCommunesAudit } from './audit.js';

/** Parses an uploaded GV-ISys file and stores what applying it would change; changes nothing in the registry. */
export async function previewRegistryImport(db: Db, ctx: AuditContext, input: { fileName: string; data: Buffer }): Promise<TRegistryPreview> {
  const file = await parseGvIsysOffLoop(input.data);
  const known = new Set((await db.select({ ags: districts.ags }).from(districts)).map((d) => d.ags));
  const unknown = file.communes.filter((c) => !known.has(c.districtAgs));
  if (unknown.length) {
    throw new Problem(422, 'registry_unknown_district', `Kreis ${unknown[0]!.districtAgs} (Zeile ${unknown[0]!.line}) ist nicht bekannt. Eine Kreisreform muss zuerst mit der Zuordnung zur Polizeidirektion erfasst werden.`,
      { errors: unknown.slice(0, 50).map((c) => ({ field: 'file', label: `Zeile ${c.line}`, message: `Kreis ${c.districtAgs} unbekannt`, line: c.line })) });
  }
  const current = await db.select().from(communes);
  const changes = computeChanges(current, file);
  const summary = summarise(file, changes);
  const [row] = await db.insert(registryImports).values({
    fileName: input.fileName, referenceDate: file.referenceDate, parsed: file, createdBy: ctx.actorId, preview: { summary, changes },
  }).returning();
  await recordCommunesAudit(db, ctx, { action: 'registry_import.previewed', entityType: 'registry_import', entityId: row!.id,
    after: { fileName: input.fileName, referenceDate: file.referenceDate, summary } });
  return presentImport(row!);
}
