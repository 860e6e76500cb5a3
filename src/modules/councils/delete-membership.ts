import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { councilMemberships } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { membershipOf } from './council-records.js';

/** Removes a membership entered by mistake (one that ended is kept with its end date). */
export async function deleteMembership(db: Db, ctx: AuditContext, council: CouncilRow, membershipId: string, version: number) {
  const m = await membershipOf(db, council.id, membershipId);
  await db.transaction(async (tx) => {
    await updateVersioned(tx, councilMemberships, eq(councilMemberships.id, m.id), version, { deletedAt: new Date(), updatedAt: new Date() }, 'Die Mitgliedschaft');
    await recordCouncilsAudit(tx, ctx, { action: 'council_membership.deleted', entityType: 'council_membership', entityId: m.id, before: { bodyId: m.bodyId, personId: m.personId, role: m.role } });
  });
}
