import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { councilMemberships } from './schema.js';
import type { TMembershipUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { membershipOf } from './council-records.js';
import { checkMembership } from './membership-rules.js';

export async function updateMembership(db: Db, ctx: AuditContext, council: CouncilRow, membershipId: string, input: TMembershipUpdate) {
  const m = await membershipOf(db, council.id, membershipId);
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    await checkMembership(tx, { id: m.id, bodyId: m.bodyId, personId: m.personId, ...fields });
    const row = await updateVersioned(tx, councilMemberships, eq(councilMemberships.id, m.id), version, { ...fields, updatedAt: new Date() }, 'Die Mitgliedschaft');
    await recordCouncilsAudit(tx, ctx, { action: 'council_membership.updated', entityType: 'council_membership', entityId: m.id, before: { role: m.role, votingRight: m.votingRight, startedOn: m.startedOn, endedOn: m.endedOn, onBehalfOf: m.onBehalfOf }, after: { ...fields } });
    return row;
  });
}
