import { eq, inArray, and, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField, Problem } from '../../server/http/problem.js';
import { councilAttendance, councilMeetings, councilPersons } from './schema.js';
import type { TAttendanceInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { meetingOf } from './council-records.js';

/** Who was present, excused or a guest, recorded at or after the meeting (replaces the earlier record). */
export async function recordAttendance(db: Db, ctx: AuditContext, council: CouncilRow, meetingId: string, input: TAttendanceInput) {
  const meeting = await meetingOf(db, council.id, meetingId);
  if (meeting.state === 'abgesagt') throw new Problem(409, 'meeting_cancelled', 'Die Sitzung wurde abgesagt; es gibt keine Anwesenheit zu erfassen.');
  if (meeting.startsAt.getTime() - Date.now() > 3600_000) throw new Problem(422, 'meeting_future', 'Die Anwesenheit wird zu Beginn der Sitzung erfasst, nicht vorher.', { field: 'entries' });
  const ids = input.entries.map((e) => e.personId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw invalidField(`entries.${ids.lastIndexOf(dup)}.personId`, 'Diese Person steht zweimal in der Liste.', 'Anwesenheit');
  const known = ids.length ? new Set((await db.select({ id: councilPersons.id }).from(councilPersons).where(and(inArray(councilPersons.id, ids), eq(councilPersons.councilId, council.id), isNull(councilPersons.deletedAt)))).map((p) => p.id)) : new Set<string>();
  const strange = ids.findIndex((id) => !known.has(id));
  if (strange >= 0) throw invalidField(`entries.${strange}.personId`, 'Diese Person gehört nicht zu diesem Rat. Gäste bitte zuerst als Person erfassen.', 'Anwesenheit');
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilMeetings, eq(councilMeetings.id, meeting.id), input.version, { updatedAt: new Date() }, 'Die Sitzung');
    await tx.delete(councilAttendance).where(eq(councilAttendance.meetingId, meeting.id));
    if (input.entries.length) await tx.insert(councilAttendance).values(input.entries.map((e) => ({ meetingId: meeting.id, personId: e.personId, status: e.status, note: e.note })));
    const tally = { anwesend: 0, entschuldigt: 0, gast: 0 };
    for (const e of input.entries) tally[e.status]++;
    await recordCouncilsAudit(tx, ctx, { action: 'council_meeting.attendance', entityType: 'council_meeting', entityId: meeting.id, after: tally });
    return row;
  });
}
