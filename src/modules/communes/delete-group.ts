import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { staleVersion } from '../../server/http/problem.js';
import { communeGroups } from './schema.js';
import { groupRecord } from './groups.js';
import { recordCommunesAudit } from './audit.js';

/** Deletes a group (optimistic locking on `version`); its communes stay. */
export async function deleteGroup(db: Db, ctx: AuditContext, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await groupRecord(tx, id);
    const deleted = await tx.delete(communeGroups).where(and(eq(communeGroups.id, id), eq(communeGroups.version, version))).returning();
    if (deleted.length === 0) throw staleVersion('Die Gruppe');
    await recordCommunesAudit(tx, ctx, { action: 'commune_group.deleted', entityType: 'commune_group', entityId: id, before });
  });
}
