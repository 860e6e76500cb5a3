import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { invalidField, Problem, staleVersion } from '../../server/http/problem.js';
import { councilAgendaItems, councilMeetings } from './schema.js';
import type { TMinutesInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { meetingOf } from './council-records.js';

/**
 * The Ergebnisprotokoll per agenda item (a draft that only members see until it is approved). Two editors:
 * the second save with the same `minutesVersion` gets 409 and changes nothing.
 */
export async function saveMinutes(db: Db, ctx: AuditContext, council: CouncilRow, meetingId: string, input: TMinutesInput) {
  const meeting = await meetingOf(db, council.id, meetingId);
  if (meeting.minutesState === 'genehmigt') throw new Problem(409, 'minutes_approved', 'Das Protokoll ist genehmigt und kann nicht mehr geändert werden.', { field: 'minutes' });
  if (meeting.state !== 'durchgefuehrt') throw new Problem(422, 'meeting_not_held', 'Ein Protokoll gibt es erst, wenn die Sitzung als durchgeführt vermerkt ist.', { field: 'minutes' });
  const ids = input.items.map((i) => i.agendaItemId);
  const items = ids.length ? await db.select({ id: councilAgendaItems.id }).from(councilAgendaItems).where(and(inArray(councilAgendaItems.id, ids), eq(councilAgendaItems.meetingId, meeting.id), isNull(councilAgendaItems.deletedAt))) : [];
  const missing = ids.findIndex((id) => !items.some((i) => i.id === id));
  if (missing >= 0) throw invalidField(`items.${missing}.agendaItemId`, 'Dieser Tagesordnungspunkt gehört nicht zu dieser Sitzung.', 'Protokoll zum Tagesordnungspunkt');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(councilMeetings).set({ minutesGeneral: input.general, minutesVersion: sql`${councilMeetings.minutesVersion} + 1`, minutesState: 'entwurf', updatedAt: new Date() })
      .where(and(eq(councilMeetings.id, meeting.id), eq(councilMeetings.minutesVersion, input.minutesVersion), sql`${councilMeetings.minutesState} <> 'genehmigt'`)).returning();
    if (!row) throw staleVersion('Das Protokoll');
    for (const item of input.items) await tx.update(councilAgendaItems).set({ minutes: item.minutes, updatedAt: new Date() }).where(eq(councilAgendaItems.id, item.agendaItemId));
    await recordCouncilsAudit(tx, ctx, { action: 'council_meeting.minutes_saved', entityType: 'council_meeting', entityId: meeting.id, after: { minutesVersion: row.minutesVersion, items: input.items.length } });
    return row;
  });
}
