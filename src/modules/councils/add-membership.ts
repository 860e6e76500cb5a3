import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { invalidField } from '../../server/http/problem.js';
import { councilMemberships } from './schema.js';
import type { TMembershipInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { bodyOf, personOf } from './council-records.js';
import { checkMembership } from './membership-rules.js';

/** Adds a person of the council to a body with role, voting right and term. */
export async function addMembership(db: Db, ctx: AuditContext, council: CouncilRow, bodyId: string, input: TMembershipInput) {
  const body = await bodyOf(db, council.id, bodyId);
  const person = await personOf(db, council.id, input.personId).catch(() => { throw invalidField('personId', 'Diese Person gehört nicht zu diesem Rat.', 'Person'); });
  return db.transaction(async (tx) => {
    await checkMembership(tx, { bodyId: body.id, ...input });
    const [row] = await tx.insert(councilMemberships).values({ councilId: council.id, bodyId: body.id, ...input, onBehalfOf: input.onBehalfOf || person.organisation }).returning();
    await recordCouncilsAudit(tx, ctx, { action: 'council_membership.created', entityType: 'council_membership', entityId: row!.id, after: { body: body.name, person: person.familyName, role: input.role, votingRight: input.votingRight, startedOn: input.startedOn, endedOn: input.endedOn } });
    return row!;
  });
}
