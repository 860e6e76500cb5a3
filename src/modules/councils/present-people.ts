import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { councilBodies, councilMemberships, councilPersons } from './schema.js';
import { LABELS } from './councils.types.js';
import { berlinDay, currentOn, personName, type MembershipRow, type PersonRow } from './council-records.js';
import type { TMembershipView, TPersonView } from './councils.views.js';

/** Memberships with their person and body names (live rows only). */
export async function presentMemberships(db: Db, rows: MembershipRow[]): Promise<TMembershipView[]> {
  if (!rows.length) return [];
  const [persons, bodies] = await Promise.all([
    db.select().from(councilPersons).where(inArray(councilPersons.id, [...new Set(rows.map((r) => r.personId))])),
    db.select({ id: councilBodies.id, name: councilBodies.name }).from(councilBodies).where(inArray(councilBodies.id, [...new Set(rows.map((r) => r.bodyId))])),
  ]);
  const byPerson = new Map(persons.map((p) => [p.id, p]));
  const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
  const today = berlinDay(new Date());
  return rows.map((m) => {
    const p = byPerson.get(m.personId)!;
    return {
      id: m.id, bodyId: m.bodyId, bodyName: bodyName.get(m.bodyId) ?? '', person: { id: p.id, name: personName(p), organisation: p.organisation },
      role: m.role, roleLabel: LABELS.role[m.role], votingRight: m.votingRight, startedOn: m.startedOn, endedOn: m.endedOn, onBehalfOf: m.onBehalfOf,
      current: currentOn(m, today), version: m.version,
    };
  });
}

/** Role order within a body: chair, deputies, members, advisers, guests; then by name. */
const ROLE_RANK = { vorsitz: 0, stellv_vorsitz: 1, mitglied: 2, beratend: 3, gast: 4 } as const;
export const sortMemberships = (list: TMembershipView[]) =>
  list.sort((a, b) => Number(b.current) - Number(a.current) || ROLE_RANK[a.role as keyof typeof ROLE_RANK] - ROLE_RANK[b.role as keyof typeof ROLE_RANK] || a.person.name.localeCompare(b.person.name, 'de'));

export async function bodyMemberships(db: Db, bodyId: string) {
  const rows = await db.select().from(councilMemberships).where(and(eq(councilMemberships.bodyId, bodyId), isNull(councilMemberships.deletedAt))).orderBy(asc(councilMemberships.startedOn));
  return sortMemberships(await presentMemberships(db, rows));
}

export async function presentPersons(db: Db, persons: PersonRow[]): Promise<TPersonView[]> {
  const rows = persons.length ? await db.select().from(councilMemberships).where(and(inArray(councilMemberships.personId, persons.map((p) => p.id)), isNull(councilMemberships.deletedAt))) : [];
  const memberships = await presentMemberships(db, rows);
  return persons.map((p) => ({
    id: p.id, name: personName(p), formOfAddress: p.formOfAddress, title: p.title, givenName: p.givenName, familyName: p.familyName, position: p.position,
    organisation: p.organisation, organisationType: p.organisationType, organisationTypeLabel: LABELS.organisationType[p.organisationType], email: p.email, phone: p.phone,
    publicConsent: p.publicConsent, consentGivenOn: p.consentGivenOn, hasAccount: p.userId !== null, hasCalendar: p.calendarTokenHash !== null,
    memberships: sortMemberships(memberships.filter((m) => m.person.id === p.id)), version: p.version,
  }));
}
