import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilMeetings } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { meetingOf } from './council-records.js';

/** Records that the meeting took place (from its start on); its minutes become a draft. */
export async function markMeetingHeld(db: Db, ctx: AuditContext, council: CouncilRow, meetingId: string, version: number) {
  const meeting = await meetingOf(db, council.id, meetingId);
  if (meeting.state === 'abgesagt') throw new Problem(409, 'meeting_cancelled', 'Die Sitzung wurde abgesagt.');
  if (meeting.state === 'durchgefuehrt') throw new Problem(409, 'meeting_held', 'Die Sitzung ist bereits als durchgeführt vermerkt.');
  if (meeting.startsAt > new Date()) throw new Problem(422, 'meeting_future', 'Die Sitzung hat noch nicht begonnen und kann noch nicht als durchgeführt vermerkt werden.', { field: 'state' });
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilMeetings, eq(councilMeetings.id, meeting.id), version, {
      state: 'durchgefuehrt', minutesState: meeting.minutesState === 'none' ? 'entwurf' : meeting.minutesState, updatedAt: new Date(),
    }, 'Die Sitzung');
    await recordCouncilsAudit(tx, ctx, { action: 'council_meeting.held', entityType: 'council_meeting', entityId: meeting.id, before: { state: meeting.state }, after: { state: 'durchgefuehrt' } });
    return row;
  });
}
