import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { councilAgendaItems } from './schema.js';
import type { TAgendaItemUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { agendaItemOf, meetingOf } from './council-records.js';
import { checkAgendaItem, checkAgendaOpen } from './agenda-rules.js';

export async function updateAgendaItem(db: Db, ctx: AuditContext, council: CouncilRow, itemId: string, input: TAgendaItemUpdate) {
  const item = await agendaItemOf(db, council.id, itemId);
  const meeting = await meetingOf(db, council.id, item.meetingId);
  checkAgendaOpen(meeting);
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`council-agenda:${meeting.id}`}))`);
    await checkAgendaItem(tx, meeting, fields, item.id);
    const row = await updateVersioned(tx, councilAgendaItems, eq(councilAgendaItems.id, item.id), version, { ...fields, updatedAt: new Date() }, 'Der Tagesordnungspunkt');
    await recordCouncilsAudit(tx, ctx, { action: 'council_agenda_item.updated', entityType: 'council_agenda_item', entityId: item.id, before: { order: item.order, title: item.title, isPublic: item.isPublic, description: item.description, paperId: item.paperId }, after: { ...fields } });
    return row;
  });
}
