import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { communeGroups } from './schema.js';
import { checkMembers, getGroup, setMembers } from './groups.js';

export const groupNameTaken = () => new Problem(409, 'group_name_taken', 'Es gibt bereits eine Gruppe mit diesem Namen.', { field: 'name' });

export async function createGroup(db: Db, ctx: AuditContext, input: { name: string; kind: string; description: string; members: string[] }) {
  return db.transaction(async (tx) => {
    const members = await checkMembers(tx, input.members);
    const [dup] = await tx.select({ id: communeGroups.id }).from(communeGroups).where(eq(communeGroups.name, input.name));
    if (dup) throw groupNameTaken();
    const [row] = await tx.insert(communeGroups).values({ name: input.name, kind: input.kind, description: input.description }).returning();
    await setMembers(tx, row!.id, members);
    const after = await getGroup(tx, row!.id);
    await recordAudit(tx, ctx, { action: 'commune_group.created', entityType: 'commune_group', entityId: row!.id, after });
    return after;
  });
}
