import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField } from '../../server/http/problem.js';
import { councilAgendaItems, councilMeetings } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { meetingOf } from './council-records.js';
import { checkAgendaOpen } from './agenda-rules.js';

/** The agenda builder's order: every live item of the meeting once, numbered 1, 2, … in the order given. */
export async function reorderAgenda(db: Db, ctx: AuditContext, council: CouncilRow, meetingId: string, input: { itemIds: string[]; version: number }) {
  const meeting = await meetingOf(db, council.id, meetingId);
  checkAgendaOpen(meeting);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`council-agenda:${meeting.id}`}))`);
    const items = await tx.select({ id: councilAgendaItems.id, order: councilAgendaItems.order }).from(councilAgendaItems)
      .where(and(eq(councilAgendaItems.meetingId, meeting.id), isNull(councilAgendaItems.deletedAt)));
    const given = new Set(input.itemIds);
    if (given.size !== input.itemIds.length || given.size !== items.length || items.some((i) => !given.has(i.id))) {
      throw invalidField('itemIds', 'Bitte jeden Tagesordnungspunkt der Sitzung genau einmal angeben.', 'Reihenfolge');
    }
    // The meeting's version guards the whole agenda against a concurrent reordering.
    const row = await updateVersioned(tx, councilMeetings, eq(councilMeetings.id, meeting.id), input.version, { updatedAt: new Date() }, 'Die Sitzung');
    // Two steps, so the unique number per meeting holds at every statement.
    for (const [i, id] of input.itemIds.entries()) await tx.update(councilAgendaItems).set({ order: -(i + 1) }).where(eq(councilAgendaItems.id, id));
    for (const [i, id] of input.itemIds.entries()) await tx.update(councilAgendaItems).set({ order: i + 1, updatedAt: new Date(), version: sql`${councilAgendaItems.version} + 1` }).where(eq(councilAgendaItems.id, id));
    await recordCouncilsAudit(tx, ctx, { action: 'council_agenda_item.updated', entityType: 'council_meeting', entityId: meeting.id, before: { order: items.sort((a, b) => a.order - b.order).map((i) => i.id) }, after: { order: input.itemIds } });
    return row;
  });
}
