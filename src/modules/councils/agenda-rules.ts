import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { invalidField, Problem } from '../../server/http/problem.js';
import { councilAgendaItems } from './schema.js';
import type { MeetingRow } from './council-records.js';
import { paperOf } from './council-records.js';

/** No two live items of a meeting share a number; the paper must be the council's. Call inside the transaction. */
export async function checkAgendaItem(tx: Db, meeting: MeetingRow, input: { order: number; paperId: string | null }, exceptId?: string) {
  const [clash] = await tx.select({ title: councilAgendaItems.title }).from(councilAgendaItems)
    .where(and(eq(councilAgendaItems.meetingId, meeting.id), eq(councilAgendaItems.order, input.order), isNull(councilAgendaItems.deletedAt), exceptId ? ne(councilAgendaItems.id, exceptId) : undefined));
  if (clash) throw invalidField('order', `TOP ${input.order} ist schon vergeben („${clash.title}“). Bitte eine andere Nummer wählen.`, 'Nummer des Tagesordnungspunktes');
  if (input.paperId) await paperOf(tx, meeting.councilId, input.paperId).catch(() => { throw invalidField('paperId', 'Diese Vorlage gibt es in diesem Rat nicht.', 'Vorlage'); });
}

export function checkAgendaOpen(meeting: MeetingRow) {
  if (meeting.state === 'abgesagt') throw new Problem(409, 'meeting_cancelled', 'Die Sitzung wurde abgesagt; ihre Tagesordnung ist abgeschlossen.');
  if (meeting.minutesState === 'genehmigt') throw new Problem(409, 'minutes_approved', 'Das Protokoll dieser Sitzung ist genehmigt; die Tagesordnung kann nicht mehr geändert werden.');
}
