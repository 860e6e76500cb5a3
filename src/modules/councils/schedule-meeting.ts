import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { invalidField } from '../../server/http/problem.js';
import { councilMeetings } from './schema.js';
import type { TMeetingInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { bodyOf } from './council-records.js';
import { checkMeetingTimes, resolveLocation } from './meeting-rules.js';

/** Plans a meeting of a body (state geplant; invitations go out in a second step). */
export async function scheduleMeeting(db: Db, ctx: AuditContext, council: CouncilRow, input: TMeetingInput) {
  const body = await bodyOf(db, council.id, input.bodyId).catch(() => { throw invalidField('bodyId', 'Dieses Gremium gibt es in diesem Rat nicht.', 'Gremium'); });
  if (body.endedOn) throw invalidField('bodyId', `„${body.name}“ ist aufgelöst und tagt nicht mehr.`, 'Gremium');
  checkMeetingTimes(input.startsAt, input.endsAt);
  return db.transaction(async (tx) => {
    const locationId = await resolveLocation(tx, council.id, input);
    const [row] = await tx.insert(councilMeetings).values({
      councilId: council.id, bodyId: body.id, title: input.title, startsAt: new Date(input.startsAt), endsAt: input.endsAt ? new Date(input.endsAt) : null,
      locationId, onlineUrl: input.onlineUrl,
    }).returning();
    await recordCouncilsAudit(tx, ctx, { action: 'council_meeting.created', entityType: 'council_meeting', entityId: row!.id, after: { body: body.name, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, onlineUrl: input.onlineUrl } });
    return row!;
  });
}
