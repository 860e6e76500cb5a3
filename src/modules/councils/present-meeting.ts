import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { councilAgendaItems, councilAttendance, councilBodies, councilDecisions, councilFiles, councilLocations, councilMeetings, councilPapers, councilPersons } from './schema.js';
import { LABELS } from './councils.types.js';
import { councilPolicy, type CouncilRow } from './policy.js';
import { personName, type LocationRow, type MeetingRow } from './council-records.js';
import { fileRef } from './present-council.js';
import { presentDecisions } from './present-decisions.js';
import { meetingInvitees } from './meeting-mails.js';
import { votingMembers } from './decision-rules.js';
import type { TLocationView, TMeetingDetail, TMeetingSummary } from './councils.views.js';

export const locationView = (l: LocationRow): TLocationView => ({ id: l.id, description: l.description, streetAddress: l.streetAddress, postalCode: l.postalCode, locality: l.locality, room: l.room });

export async function presentMeetingSummaries(db: Db, rows: MeetingRow[]): Promise<TMeetingSummary[]> {
  if (!rows.length) return [];
  const [bodies, locations] = await Promise.all([
    db.select({ id: councilBodies.id, name: councilBodies.name }).from(councilBodies).where(inArray(councilBodies.id, [...new Set(rows.map((r) => r.bodyId))])),
    rows.some((r) => r.locationId) ? db.select().from(councilLocations).where(inArray(councilLocations.id, [...new Set(rows.flatMap((r) => (r.locationId ? [r.locationId] : [])))])) : Promise.resolve([]),
  ]);
  const body = new Map(bodies.map((b) => [b.id, b.name]));
  const place = new Map(locations.map((l) => [l.id, l.description]));
  return rows.map((m) => ({
    id: m.id, bodyId: m.bodyId, bodyName: body.get(m.bodyId) ?? '', title: m.title || `Sitzung: ${body.get(m.bodyId) ?? ''}`,
    startsAt: m.startsAt.toISOString(), endsAt: m.endsAt?.toISOString() ?? null, state: m.state, stateLabel: LABELS.meetingState[m.state],
    locationName: m.locationId ? place.get(m.locationId) ?? null : null, onlineUrl: m.onlineUrl, minutesState: m.minutesState,
  }));
}

/** A meeting with everything its page shows to those who may read the council's internal records. */
export async function presentMeeting(db: Db, actor: Actor | null, council: CouncilRow, meeting: MeetingRow): Promise<TMeetingDetail> {
  const [[summary], items, attendance, decisions, files, locations, approvedIn, earlier, invitees, voting, can] = await Promise.all([
    presentMeetingSummaries(db, [meeting]),
    db.select().from(councilAgendaItems).where(and(eq(councilAgendaItems.meetingId, meeting.id), isNull(councilAgendaItems.deletedAt))).orderBy(asc(councilAgendaItems.order)),
    db.select({ a: councilAttendance, p: councilPersons }).from(councilAttendance).innerJoin(councilPersons, eq(councilPersons.id, councilAttendance.personId))
      .where(eq(councilAttendance.meetingId, meeting.id)).orderBy(asc(councilPersons.familyName)),
    db.select().from(councilDecisions).where(and(eq(councilDecisions.meetingId, meeting.id), isNull(councilDecisions.deletedAt))).orderBy(asc(councilDecisions.number)),
    db.select().from(councilFiles).where(and(eq(councilFiles.councilId, council.id), isNull(councilFiles.deletedAt))).orderBy(asc(councilFiles.createdAt)),
    db.select().from(councilLocations).where(and(eq(councilLocations.councilId, council.id), isNull(councilLocations.deletedAt))).orderBy(asc(councilLocations.description)),
    meeting.minutesApprovedInMeetingId ? db.select().from(councilMeetings).where(eq(councilMeetings.id, meeting.minutesApprovedInMeetingId)) : Promise.resolve([]),
    // Earlier held meetings of the body with draft minutes: this meeting (once begun) may approve them.
    db.select().from(councilMeetings).where(and(eq(councilMeetings.bodyId, meeting.bodyId), isNull(councilMeetings.deletedAt), lt(councilMeetings.startsAt, meeting.startsAt), eq(councilMeetings.state, 'durchgefuehrt'), eq(councilMeetings.minutesState, 'entwurf')))
      .orderBy(desc(councilMeetings.startsAt)).limit(10),
    meetingInvitees(db, meeting),
    votingMembers(db, meeting),
    councilPolicy.can(db, actor, council),
  ]);
  const paperIds = [...new Set(items.flatMap((i) => (i.paperId ? [i.paperId] : [])))];
  const papers = paperIds.length ? await db.select().from(councilPapers).where(inArray(councilPapers.id, paperIds)) : [];
  const decisionViews = await presentDecisions(db, decisions, { actor, canManage: can.manage });
  const filesOf = (type: string, id: string) => files.filter((f) => f.ownerType === type && f.ownerId === id).map(fileRef);
  const title = (m: MeetingRow) => m.title || `Sitzung vom ${m.startsAt.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })}`;
  return {
    ...summary!,
    councilId: council.id, councilName: council.name,
    location: meeting.locationId ? (locations.find((l) => l.id === meeting.locationId) ? locationView(locations.find((l) => l.id === meeting.locationId)!) : null) : null,
    cancelReason: meeting.cancelReason, invitedAt: meeting.invitedAt?.toISOString() ?? null, sequence: meeting.sequence,
    agenda: items.map((i) => {
      const paper = i.paperId ? papers.find((p) => p.id === i.paperId) : undefined;
      return {
        id: i.id, order: i.order, title: i.title, isPublic: i.isPublic, description: i.description, minutes: i.minutes,
        paper: paper ? { id: paper.id, reference: paper.reference, name: paper.name, paperType: paper.paperType, date: paper.date, isPublic: paper.isPublic, files: filesOf('paper', paper.id), version: paper.version } : null,
        decisions: decisionViews.filter((d) => d.agendaItem.id === i.id), files: filesOf('agenda_item', i.id), version: i.version,
      };
    }),
    attendance: attendance.map(({ a, p }) => ({ personId: p.id, name: personName(p), organisation: p.organisation, status: a.status, statusLabel: LABELS.attendance[a.status], note: a.note })),
    invitees, votingMembers: voting,
    minutesGeneral: meeting.minutesGeneral, minutesVersion: meeting.minutesVersion, minutesApprovedOn: meeting.minutesApprovedOn,
    minutesApprovedInMeeting: approvedIn[0] ? { id: approvedIn[0].id, title: title(approvedIn[0]), startsAt: approvedIn[0].startsAt.toISOString() } : null,
    approvableMinutes: meeting.startsAt <= new Date() && meeting.state !== 'abgesagt' ? earlier.map((m) => ({ id: m.id, title: title(m), startsAt: m.startsAt.toISOString() })) : [],
    files: filesOf('meeting', meeting.id), locations: locations.map(locationView),
    version: meeting.version, can,
  };
}
