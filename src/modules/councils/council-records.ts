import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client.js';
import { notFound } from '../../server/http/problem.js';
import { councilAgendaItems, councilBodies, councilDecisions, councilFiles, councilMeetings, councilMemberships, councilPapers, councilPersons, councilLocations } from './schema.js';

type ChildTable = PgTable & { id: PgColumn; councilId: PgColumn; deletedAt: PgColumn };

/** A live (not deleted) row of a council's table by id, or the 404 naming what is missing. */
async function childOf<T extends ChildTable>(db: Db, table: T, councilId: string, id: string, missing: string): Promise<T['$inferSelect']> {
  const [row] = await db.select().from(table as PgTable).where(and(eq(table.id, id), eq(table.councilId, councilId), isNull(table.deletedAt)) as SQL);
  if (!row) throw notFound(missing);
  return row as T['$inferSelect'];
}

export type BodyRow = typeof councilBodies.$inferSelect;
export type PersonRow = typeof councilPersons.$inferSelect;
export type MembershipRow = typeof councilMemberships.$inferSelect;
export type MeetingRow = typeof councilMeetings.$inferSelect;
export type AgendaItemRow = typeof councilAgendaItems.$inferSelect;
export type DecisionRow = typeof councilDecisions.$inferSelect;
export type PaperRow = typeof councilPapers.$inferSelect;
export type FileRow = typeof councilFiles.$inferSelect;
export type LocationRow = typeof councilLocations.$inferSelect;

export const bodyOf = (db: Db, councilId: string, id: string) => childOf(db, councilBodies, councilId, id, 'Dieses Gremium gibt es in diesem Rat nicht.');
export const personOf = (db: Db, councilId: string, id: string) => childOf(db, councilPersons, councilId, id, 'Diese Person gehört nicht zu diesem Rat.');
export const membershipOf = (db: Db, councilId: string, id: string) => childOf(db, councilMemberships, councilId, id, 'Diese Mitgliedschaft gibt es nicht.');
export const meetingOf = (db: Db, councilId: string, id: string) => childOf(db, councilMeetings, councilId, id, 'Diese Sitzung gibt es in diesem Rat nicht.');
export const agendaItemOf = (db: Db, councilId: string, id: string) => childOf(db, councilAgendaItems, councilId, id, 'Diesen Tagesordnungspunkt gibt es nicht.');
export const decisionOf = (db: Db, councilId: string, id: string) => childOf(db, councilDecisions, councilId, id, 'Diesen Beschluss gibt es in diesem Rat nicht.');
export const paperOf = (db: Db, councilId: string, id: string) => childOf(db, councilPapers, councilId, id, 'Diese Vorlage gibt es in diesem Rat nicht.');
export const fileOf = (db: Db, councilId: string, id: string) => childOf(db, councilFiles, councilId, id, 'Diese Datei gibt es in diesem Rat nicht.');
export const locationOf = (db: Db, councilId: string, id: string) => childOf(db, councilLocations, councilId, id, 'Diesen Ort gibt es in diesem Rat nicht.');

/** "Dr. Erika Muster" */
export const personName = (p: Pick<PersonRow, 'title' | 'givenName' | 'familyName'>) => [p.title, p.givenName, p.familyName].filter(Boolean).join(' ');

/** A membership is current on `day` when it began on or before and has not ended before it. */
export const currentOn = (m: Pick<MembershipRow, 'startedOn' | 'endedOn'>, day: string) => m.startedOn <= day && (m.endedOn === null || m.endedOn >= day);

/** The calendar day in Berlin of an instant (meetings are local events). */
export const berlinDay = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The instant a calendar day begins in Berlin (00:00 CET or CEST). */
export function berlinDayStart(day: string): Date {
  for (const offset of ['+02:00', '+01:00']) {
    const start = new Date(`${day}T00:00:00${offset}`);
    if (berlinDay(start) === day && berlinDay(new Date(start.getTime() - 1)) !== day) return start;
  }
  return new Date(`${day}T00:00:00+01:00`);
}

/** The day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
