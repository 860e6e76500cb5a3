import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { communeGroups } from './schema.js';
import { checkMembers, getGroup, setMembers } from './groups.js';
import { groupNameTaken } from './create-group.js';

export async function updateGroup(db: Db, ctx: AuditContext, id: string, input: { name: string; kind: string; description: string; members: string[]; version: number }) {
  return db.transaction(async (tx) => {
    const before = await getGroup(tx, id);
    const members = await checkMembers(tx, input.members);
    const [dup] = await tx.select({ id: communeGroups.id }).from(communeGroups).where(and(eq(communeGroups.name, input.name), ne(communeGroups.id, id)));
    if (dup) throw groupNameTaken();
    await updateVersioned(tx, communeGroups, eq(communeGroups.id, id), input.version,
      { name: input.name, kind: input.kind, description: input.description, updatedAt: new Date() }, 'Die Gruppe');
    await setMembers(tx, id, members);
    const after = await getGroup(tx, id);
    await recordAudit(tx, ctx, { action: 'commune_group.updated', entityType: 'commune_group', entityId: id, before, after });
    return after;
  });
}
