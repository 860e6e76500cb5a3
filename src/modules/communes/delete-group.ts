import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { staleVersion } from '../../server/http/problem.js';
import { communeGroups } from './schema.js';
import { getGroup } from './groups.js';

export async function deleteGroup(db: Db, ctx: AuditContext, id: string, version: number) {
  await db.transaction(async (tx) => {
    const before = await getGroup(tx, id);
    const deleted = await tx.delete(communeGroups).where(and(eq(communeGroups.id, id), eq(communeGroups.version, version))).returning();
    if (deleted.length === 0) throw staleVersion('Die Gruppe');
    await recordAudit(tx, ctx, { action: 'commune_group.deleted', entityType: 'commune_group', entityId: id, before });
  });
}
