import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Config } from '../../server/config.js';
import type { AuditContext } from '../../server/audit/record.js';
import { notFound } from '../../server/http/problem.js';
import { councilMeetings, councilMemberships, councilPersons, councils } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { personName, type PersonRow } from './council-records.js';
import { calendar } from './ical.js';
import { meetingContext, meetingEvent } from './meeting-mails.js';
import { publicCouncil } from './public-councils.js';

/** Feeds reach back a year and forward without end. */
const feedStart = () => new Date(Date.now() - 366 * 24 * 3600_000);

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function eventsOf(db: Db, config: Config, where: Parameters<typeof and>[0]) {
  const meetings = await db.select().from(councilMeetings).where(and(where, isNull(councilMeetings.deletedAt), gte(councilMeetings.startsAt, feedStart()))).orderBy(asc(councilMeetings.startsAt)).limit(1000);
  const out = [];
  // Feeds never carry non-public agenda items, not even the member's own (issue: nothing non-public in iCal feeds).
  for (const m of meetings) out.push(meetingEvent(m, await meetingContext(db, m), config, false));
  return out;
}

/** The public meetings of a council as an iCal feed (public agenda items only). */
export async function councilCalendar(db: Db, config: Config, councilId: string): Promise<string> {
  const council = await publicCouncil(db, councilId);
  return calendar('PUBLISH', council.name, await eventsOf(db, config, eq(councilMeetings.councilId, council.id)));
}

/** A member's meetings (of every body they belong to) by their private feed token. */
export async function memberCalendar(db: Db, config: Config, token: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound('Diesen Kalender gibt es nicht.');
  const [person] = await db.select().from(councilPersons).where(and(eq(councilPersons.calendarTokenHash, hashToken(token)), isNull(councilPersons.deletedAt)));
  if (!person) throw notFound('Diesen Kalender gibt es nicht.');
  const [council] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, person.councilId));
  const bodies = (await db.select({ bodyId: councilMemberships.bodyId }).from(councilMemberships).where(and(eq(councilMemberships.personId, person.id), isNull(councilMemberships.deletedAt)))).map((m) => m.bodyId);
  const events = bodies.length ? await eventsOf(db, config, inArray(councilMeetings.bodyId, bodies)) : [];
  return calendar('PUBLISH', `${council?.name ?? 'Präventionsrat'} – ${personName(person)}`, events);
}

/** A new private feed address for a person (an earlier one stops working); shown once. */
export async function createCalendarToken(db: Db, ctx: AuditContext, config: Config, council: CouncilRow, person: PersonRow): Promise<{ url: string }> {
  const token = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.update(councilPersons).set({ calendarTokenHash: hashToken(token), updatedAt: new Date() }).where(and(eq(councilPersons.id, person.id), eq(councilPersons.councilId, council.id)));
    await recordCouncilsAudit(tx, ctx, { action: 'council_person.calendar_token', entityType: 'council_person', entityId: person.id, after: { renewed: person.calendarTokenHash !== null } });
  });
  return { url: `${config.publicUrl}/api/calendar/${token}.ics` };
}
