import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import type { Config } from '../../server/config.js';
import type { Mailer } from '../../server/mail/mailer.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilMeetings } from './schema.js';
import type { TMeetingUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { meetingOf } from './council-records.js';
import { checkMeetingTimes, resolveLocation } from './meeting-rules.js';
import { sendMeetingMails } from './meeting-mails.js';

/** Changes time, place or title; once invited, every invitee gets the change (iCal SEQUENCE + 1). */
export async function updateMeeting(db: Db, ctx: AuditContext, mail: { mailer: Mailer; config: Config }, council: CouncilRow, meetingId: string, input: TMeetingUpdate) {
  const meeting = await meetingOf(db, council.id, meetingId);
  if (meeting.state === 'abgesagt' || meeting.state === 'durchgefuehrt') throw new Problem(409, 'meeting_closed', `Die Sitzung ist ${meeting.state === 'abgesagt' ? 'abgesagt' : 'bereits durchgeführt'} und kann nicht mehr verschoben werden.`);
  checkMeetingTimes(input.startsAt, input.endsAt);
  const invited = meeting.state === 'eingeladen';
  const row = await db.transaction(async (tx) => {
    const locationId = await resolveLocation(tx, council.id, input);
    const changed = new Date(input.startsAt).getTime() !== meeting.startsAt.getTime() || (input.endsAt ? new Date(input.endsAt).getTime() : null) !== (meeting.endsAt?.getTime() ?? null)
      || locationId !== meeting.locationId || input.onlineUrl !== meeting.onlineUrl || input.title !== meeting.title;
    const updated = await updateVersioned(tx, councilMeetings, eq(councilMeetings.id, meeting.id), input.version, {
      title: input.title, startsAt: new Date(input.startsAt), endsAt: input.endsAt ? new Date(input.endsAt) : null, locationId, onlineUrl: input.onlineUrl,
      ...(invited && changed ? { sequence: sql`${councilMeetings.sequence} + 1` } : {}), updatedAt: new Date(),
    }, 'Die Sitzung');
    await recordCouncilsAudit(tx, ctx, {
      action: 'council_meeting.updated', entityType: 'council_meeting', entityId: meeting.id,
      before: { title: meeting.title, startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt?.toISOString() ?? null, locationId: meeting.locationId, onlineUrl: meeting.onlineUrl },
      after: { title: updated.title, startsAt: updated.startsAt.toISOString(), endsAt: updated.endsAt?.toISOString() ?? null, locationId: updated.locationId, onlineUrl: updated.onlineUrl },
    });
    return { updated, changed };
  });
  const sent = invited && row.changed ? await sendMeetingMails(db, mail.mailer, mail.config, row.updated, 'update') : 0;
  return { meeting: row.updated, mailsSent: sent };
}
