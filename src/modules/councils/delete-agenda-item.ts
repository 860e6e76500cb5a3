import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilAgendaItems, councilDecisions } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { agendaItemOf, meetingOf } from './council-records.js';
import { checkAgendaOpen } from './agenda-rules.js';

/** Removes an agenda item (soft: OParl lists it as deleted); refused once a decision was taken on it. */
export async function deleteAgendaItem(db: Db, ctx: AuditContext, council: CouncilRow, itemId: string, version: number) {
  const item = await agendaItemOf(db, council.id, itemId);
  checkAgendaOpen(await meetingOf(db, council.id, item.meetingId));
  const [decisions] = await db.select({ n: count() }).from(councilDecisions).where(and(eq(councilDecisions.agendaItemId, item.id), isNull(councilDecisions.deletedAt)));
  if ((decisions?.n ?? 0) > 0) throw new Problem(409, 'agenda_item_has_decisions', `Zu TOP ${item.order} ist ein Beschluss erfasst; löschen Sie zuerst den Beschluss.`);
  await db.transaction(async (tx) => {
    await updateVersioned(tx, councilAgendaItems, eq(councilAgendaItems.id, item.id), version, { deletedAt: new Date(), updatedAt: new Date() }, 'Der Tagesordnungspunkt');
    await recordCouncilsAudit(tx, ctx, { action: 'council_agenda_item.deleted', entityType: 'council_agenda_item', entityId: item.id, before: { order: item.order, title: item.title } });
  });
}
