import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { invalidField, Problem, staleVersion } from '../../server/http/problem.js';
import { councilMeetings } from './schema.js';
import type { TApproveMinutesInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { berlinDay, meetingOf } from './council-records.js';

/** Approves the draft minutes at a later meeting of the same body; from then on they are final and public for public items. */
export async function approveMinutes(db: Db, ctx: AuditContext, council: CouncilRow, meetingId: string, input: TApproveMinutesInput) {
  const meeting = await meetingOf(db, council.id, meetingId);
  if (meeting.state !== 'durchgefuehrt') throw new Problem(422, 'meeting_not_held', 'Die Sitzung hat noch nicht stattgefunden; ihr Protokoll kann nicht genehmigt werden.', { field: 'approvedInMeetingId' });
  if (meeting.minutesState === 'genehmigt') throw new Problem(409, 'minutes_approved', 'Das Protokoll ist bereits genehmigt.');
  const later = await meetingOf(db, council.id, input.approvedInMeetingId).catch(() => { throw invalidField('approvedInMeetingId', 'Diese Sitzung gibt es in diesem Rat nicht.', 'Genehmigt in der Sitzung'); });
  if (later.bodyId !== meeting.bodyId) throw invalidField('approvedInMeetingId', 'Das Protokoll wird in einer Sitzung desselben Gremiums genehmigt.', 'Genehmigt in der Sitzung');
  if (later.startsAt <= meeting.startsAt) throw invalidField('approvedInMeetingId', 'Das Protokoll wird in einer späteren Sitzung genehmigt.', 'Genehmigt in der Sitzung');
  if (later.state === 'abgesagt' || later.startsAt > new Date()) throw invalidField('approvedInMeetingId', 'Die genehmigende Sitzung hat noch nicht stattgefunden.', 'Genehmigt in der Sitzung');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(councilMeetings).set({
      minutesState: 'genehmigt', minutesApprovedInMeetingId: later.id, minutesApprovedOn: berlinDay(later.startsAt),
      minutesVersion: sql`${councilMeetings.minutesVersion} + 1`, updatedAt: new Date(),
    }).where(and(eq(councilMeetings.id, meeting.id), eq(councilMeetings.minutesVersion, input.minutesVersion))).returning();
    if (!row) throw staleVersion('Das Protokoll');
    await recordCouncilsAudit(tx, ctx, { action: 'council_meeting.minutes_approved', entityType: 'council_meeting', entityId: meeting.id, after: { approvedInMeetingId: later.id, approvedOn: row.minutesApprovedOn } });
    return row;
  });
}
