import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilDecisions, councilMemberships, councilPersons } from './schema.js';
import { OPEN_TRACK_STATES } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { personOf } from './council-records.js';

/** Removes a person with their memberships; refused while they own decisions still to be carried out. */
export async function deletePerson(db: Db, ctx: AuditContext, council: CouncilRow, personId: string, version: number) {
  const person = await personOf(db, council.id, personId);
  const owned = await db.select({ number: councilDecisions.number }).from(councilDecisions)
    .where(and(eq(councilDecisions.ownerPersonId, person.id), isNull(councilDecisions.deletedAt), inArray(councilDecisions.trackState, [...OPEN_TRACK_STATES])));
  if (owned.length) throw new Problem(409, 'person_owns_decisions', `${person.familyName} ist für ${owned.length === 1 ? 'den Beschluss' : 'die Beschlüsse'} ${owned.map((d) => d.number).join(', ')} verantwortlich. Übertragen Sie ${owned.length === 1 ? 'ihn' : 'sie'} zuerst jemand anderem.`);
  await db.transaction(async (tx) => {
    const now = new Date();
    await updateVersioned(tx, councilPersons, eq(councilPersons.id, person.id), version, { deletedAt: now, updatedAt: now, calendarTokenHash: null }, 'Die Person');
    await tx.update(councilMemberships).set({ deletedAt: now, updatedAt: now }).where(and(eq(councilMemberships.personId, person.id), isNull(councilMemberships.deletedAt)));
    await recordCouncilsAudit(tx, ctx, { action: 'council_person.deleted', entityType: 'council_person', entityId: person.id, before: { familyName: person.familyName, organisation: person.organisation } });
  });
}
