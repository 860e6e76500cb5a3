import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { councilAgendaItems } from './schema.js';
import type { TAgendaItemInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { meetingOf } from './council-records.js';
import { checkAgendaItem, checkAgendaOpen } from './agenda-rules.js';
import { sql } from 'drizzle-orm';

/** A numbered agenda item (TOP), public or non-public, optionally with a paper. */
export async function addAgendaItem(db: Db, ctx: AuditContext, council: CouncilRow, meetingId: string, input: TAgendaItemInput) {
  const meeting = await meetingOf(db, council.id, meetingId);
  checkAgendaOpen(meeting);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`council-agenda:${meeting.id}`}))`);
    await checkAgendaItem(tx, meeting, input);
    const [row] = await tx.insert(councilAgendaItems).values({ councilId: council.id, meetingId: meeting.id, ...input }).returning();
    await recordCouncilsAudit(tx, ctx, { action: 'council_agenda_item.created', entityType: 'council_agenda_item', entityId: row!.id, after: { meetingId: meeting.id, order: input.order, title: input.title, isPublic: input.isPublic } });
    return row!;
  });
}
