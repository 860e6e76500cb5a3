import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import type { Config } from '../../server/config.js';
import type { Mailer } from '../../server/mail/mailer.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilMeetings } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { meetingOf } from './council-records.js';
import { sendMeetingMails } from './meeting-mails.js';

/** Cancels a meeting; invitees get a cancellation (iTIP CANCEL) that removes it from their calendars. */
export async function cancelMeeting(db: Db, ctx: AuditContext, mail: { mailer: Mailer; config: Config }, council: CouncilRow, meetingId: string, input: { reason: string; version: number }) {
  const meeting = await meetingOf(db, council.id, meetingId);
  if (meeting.state === 'abgesagt') throw new Problem(409, 'meeting_cancelled', 'Die Sitzung ist bereits abgesagt.');
  if (meeting.state === 'durchgefuehrt') throw new Problem(409, 'meeting_held', 'Eine durchgeführte Sitzung kann nicht abgesagt werden.');
  const wasInvited = meeting.state === 'eingeladen';
  const updated = await db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilMeetings, eq(councilMeetings.id, meeting.id), input.version, {
      state: 'abgesagt', cancelReason: input.reason, ...(wasInvited ? { sequence: sql`${councilMeetings.sequence} + 1` } : {}), updatedAt: new Date(),
    }, 'Die Sitzung');
    await recordCouncilsAudit(tx, ctx, { action: 'council_meeting.cancelled', entityType: 'council_meeting', entityId: meeting.id, before: { state: meeting.state }, after: { state: 'abgesagt', reason: input.reason } });
    return row;
  });
  const sent = wasInvited ? await sendMeetingMails(db, mail.mailer, mail.config, updated, 'cancellation') : 0;
  return { meeting: updated, mailsSent: sent };
}
