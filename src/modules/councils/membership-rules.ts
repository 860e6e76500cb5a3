import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { invalidField } from '../../server/http/problem.js';
import { councilMemberships, councilPersons } from './schema.js';
import type { TMembershipRole } from './councils.types.js';
import { LABELS } from './councils.types.js';

/**
 * A body has one chair at a time: a membership as Vorsitz may not overlap another's. The same person may not
 * hold two overlapping memberships of one body. Call inside the write's transaction (it locks the body).
 */
export async function checkMembership(tx: Db, m: { id?: string; bodyId: string; personId: string; role: TMembershipRole; startedOn: string; endedOn: string | null }) {
  if (m.endedOn && m.endedOn < m.startedOn) throw invalidField('endedOn', 'Die Mitgliedschaft kann nicht vor ihrem Beginn enden.', 'Mitglied bis');
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`council-body:${m.bodyId}`}))`);
  const overlapping = and(
    eq(councilMemberships.bodyId, m.bodyId), isNull(councilMemberships.deletedAt),
    m.id ? ne(councilMemberships.id, m.id) : undefined,
    sql`${councilMemberships.startedOn} <= ${m.endedOn ?? '9999-12-31'}`,
    sql`coalesce(${councilMemberships.endedOn}, '9999-12-31') >= ${m.startedOn}`,
  );
  const [same] = await tx.select({ id: councilMemberships.id }).from(councilMemberships).where(and(overlapping, eq(councilMemberships.personId, m.personId)));
  if (same) throw invalidField('personId', 'Diese Person ist in diesem Zeitraum bereits Mitglied des Gremiums.', 'Person');
  if (m.role === 'vorsitz') {
    const [chair] = await tx.select({ familyName: councilPersons.familyName, givenName: councilPersons.givenName, startedOn: councilMemberships.startedOn })
      .from(councilMemberships).innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId))
      .where(and(overlapping, eq(councilMemberships.role, 'vorsitz')));
    if (chair) throw invalidField('role', `Das Gremium hat in diesem Zeitraum bereits einen ${LABELS.role.vorsitz}: ${`${chair.givenName} ${chair.familyName}`.trim()} (seit ${chair.startedOn.split('-').reverse().join('.')}). Beenden Sie zuerst dessen Vorsitz.`, 'Rolle');
  }
}
