import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { notFound, staleVersion, unprocessable } from '../../server/http/problem.js';
import { communeAgeStructure, communes } from './schema.js';
import type { TAgeStructureInput, TAgeStructureRecord } from './communes.types.js';
import { AGE_GROUP_KEYS, ageStructureRecord } from './age-structure.js';
import { recordCommunesAudit } from './audit.js';

/** Saves all 14 cells (7 age groups × m/w) with their source; `version` 0 creates, otherwise optimistic locking. */
export async function saveAgeStructure(db: Db, ctx: AuditContext, ags: string, input: TAgeStructureInput): Promise<TAgeStructureRecord> {
  const missing = AGE_GROUP_KEYS.flatMap((a) => (['m', 'w'] as const).filter((s) => !input.cells.some((c) => c.ageGroup === a && c.sex === s)).map((s) => `${a} ${s}`));
  if (missing.length) throw unprocessable('cells_incomplete', `Es fehlen Zellen: ${missing.join(', ')}.`, 'cells');
  const unknown = input.cells.filter((c) => !(AGE_GROUP_KEYS as readonly string[]).includes(c.ageGroup));
  if (unknown.length) throw unprocessable('age_group_unknown', `Unbekannte Altersgruppe: ${unknown[0]!.ageGroup}.`, 'cells');
  if (input.cells.length !== AGE_GROUP_KEYS.length * 2) throw unprocessable('cells_duplicate', 'Jede Zelle (Altersgruppe × Geschlecht) darf nur einmal vorkommen.', 'cells');
  return db.transaction(async (tx) => {
    if (!(await tx.select({ ags: communes.ags }).from(communes).where(eq(communes.ags, ags))).length) throw notFound('Diese Gemeinde ist nicht bekannt.');
    const before = await ageStructureRecord(tx, ags);
    const values = { referenceDate: input.referenceDate, source: input.source, cells: input.cells, updatedBy: ctx.actorId, updatedAt: new Date() };
    if (input.version === 0) {
      if (before) throw staleVersion('Die Altersstruktur');
      await tx.insert(communeAgeStructure).values({ ags, ...values });
    } else {
      await updateVersioned(tx, communeAgeStructure, eq(communeAgeStructure.ags, ags), input.version, values, 'Die Altersstruktur');
    }
    const after = (await ageStructureRecord(tx, ags))!;
    await recordCommunesAudit(tx, ctx, { action: 'commune_age_structure.saved', entityType: 'commune', entityId: ags, before, after });
    return after;
  });
}
