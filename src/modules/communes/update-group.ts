import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { communeGroups } from './schema.js';
import type { TGroupRecord, TGroupUpdate } from './communes.types.js';
import { checkMembers, groupNameTaken, groupRecord, setMembers } from './groups.js';
import { recordCommunesAudit } from './audit.js';

/** Renames a group, changes its kind, description and members (optimistic locking on `version`). */
export async function updateGroup(db: Db, ctx: AuditContext, id: string, input: TGroupUpdate): Promise<TGroupRecord> {
  return db.transaction(async (tx) => {
    const before = await groupRecord(tx, id);
    const members = await checkMembers(tx, input.members);
    const [dup] = await tx.select({ id: communeGroups.id }).from(communeGroups).where(and(eq(communeGroups.name, input.name), ne(communeGroups.id, id)));
    if (dup) throw groupNameTaken();
    await updateVersioned(tx, communeGroups, eq(communeGroups.id, id), input.version,
      { name: input.name, kind: input.kind, description: input.description, updatedAt: new Date() }, 'Die Gruppe');
    await setMembers(tx, id, members);
    const after = await groupRecord(tx, id);
    await recordCommunesAudit(tx, ctx, { action: 'commune_group.updated', entityType: 'commune_group', entityId: id, before, after });
    return after;
  });
}
