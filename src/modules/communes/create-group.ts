import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { communeGroups } from './schema.js';
import type { TGroupInput, TGroupRecord } from './communes.types.js';
import { checkMembers, groupNameTaken, groupRecord, setMembers } from './groups.js';
import { recordCommunesAudit } from './audit.js';

export async function createGroup(db: Db, ctx: AuditContext, input: TGroupInput): Promise<TGroupRecord> {
  return db.transaction(async (tx) => {
    const members = await checkMembers(tx, input.members);
    const [dup] = await tx.select({ id: communeGroups.id }).from(communeGroups).where(eq(communeGroups.name, input.name));
    if (dup) throw groupNameTaken();
    const [row] = await tx.insert(communeGroups).values({ name: input.name, kind: input.kind, description: input.description }).returning();
    await setMembers(tx, row!.id, members);
    const after = await groupRecord(tx, row!.id);
    await recordCommunesAudit(tx, ctx, { action: 'commune_group.created', entityType: 'commune_group', entityId: row!.id, after });
    return after;
  });
}
