import { eq } from 'drizzle-orm';
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
import { meetingInvitees, sendMeetingMails } from './meeting-mails.js';

/** Sends the invitation with the agenda and an .ics to every member of the body (again, when already invited). */
export async function inviteMeeting(db: Db, ctx: AuditContext, mail: { mailer: Mailer; config: Config }, council: CouncilRow, meetingId: string, version: number) {
  const meeting = await meetingOf(db, council.id, meetingId);
  if (meeting.state !== 'geplant' && meeting.state !== 'eingeladen') throw new Problem(409, 'meeting_closed', 'Zu einer abgesagten oder durchgeführten Sitzung wird nicht mehr eingeladen.');
  if (meeting.startsAt < new Date()) throw new Problem(422, 'meeting_past', 'Die Sitzung hat bereits begonnen; eine Einladung ist nicht mehr möglich.', { field: 'startsAt' });
  const invitees = (await meetingInvitees(db, meeting)).filter((i) => i.email);
  if (!invitees.length) throw new Problem(422, 'no_invitees', 'Das Gremium hat keine Mitglieder mit E-Mail-Adresse. Tragen Sie zuerst Mitglieder ein.');
  const updated = await db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilMeetings, eq(councilMeetings.id, meeting.id), version, { state: 'eingeladen', invitedAt: new Date(), updatedAt: new Date() }, 'Die Sitzung');
    await recordCouncilsAudit(tx, ctx, { action: 'council_meeting.invited', entityType: 'council_meeting', entityId: meeting.id, after: { invitees: invitees.length, resent: meeting.state === 'eingeladen' } });
    return row;
  });
  const sent = await sendMeetingMails(db, mail.mailer, mail.config, updated, 'invitation');
  return { meeting: updated, mailsSent: sent };
}
