import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { TAttendanceStatus, TDecisionTrackState, TMembershipRole, TOrganisationType, TPaperType, TVoteMode, TMeetingState } from './councils.types.js';
import {
  councilAgendaItems, councilAttendance, councilDecisions, councilDecisionUpdates, councilMeetings, councilMemberships, councilPapers, councilPersons,
} from './schema.js';

/** Building blocks of the councils' demo data: persons, memberships, meetings with agenda, minutes and decisions. */

export interface PersonSpec {
  key: string;
  givenName?: string;
  familyName: string;
  position: string;
  organisation: string;
  organisationType: TOrganisationType;
  email?: string;
  userId?: string | null;
  publicConsent: boolean;
  consentGivenOn?: string | null;
  /** Memberships: body key → role (default mitglied), from the given day. */
  memberOf: { body: string; role?: TMembershipRole; votingRight?: boolean; startedOn: string; onBehalfOf?: string }[];
}

export interface DecisionSpec {
  number: string;
  text: string;
  voteMode: TVoteMode;
  votes?: [number, number, number];
  /** Title of a recommendation of the commune's analysis that the decision takes up. */
  recommendation?: string;
  /** Beschlusskontrolle: the owner, due day and every step (the first is `offen` on the meeting's day). */
  track?: { owner: string; dueOn: string; steps: { state: TDecisionTrackState; on: string; note: string; by: string }[] };
}

export interface AgendaSpec { title: string; isPublic: boolean; description?: string; minutes?: string; paper?: { reference: string; name: string; paperType: TPaperType }; decisions?: DecisionSpec[] }

export interface MeetingSpec {
  key: string;
  body: string;
  title: string;
  day: string;
  time?: string;
  hours?: number;
  state: TMeetingState;
  invitedOn?: string;
  cancelReason?: string;
  minutesState?: 'none' | 'entwurf' | 'genehmigt';
  minutesGeneral?: string;
  /** The later meeting that approved the minutes. */
  approvedIn?: string;
  items: AgendaSpec[];
  attendance?: Record<string, TAttendanceStatus>;
}

/** A local time in Germany as an instant (summer time from the last Sunday of March to the last of October). */
export function berlin(day: string, time = '17:00'): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastSunday = (month: number) => { const last = new Date(Date.UTC(y, month, 0)); return last.getUTCDate() - last.getUTCDay(); };
  const summer = (m > 3 && m < 10) || (m === 3 && d >= lastSunday(3)) || (m === 10 && d < lastSunday(10));
  return new Date(`${day}T${time}:00${summer ? '+02:00' : '+01:00'}`);
}

const displayName = (p: PersonSpec) => [p.givenName, p.familyName].filter(Boolean).join(' ') + (p.familyName === 'N. N.' ? ` (${p.position})` : '');

/** Inserts persons with their memberships; returns their ids by key. */
export async function insertPersons(tx: Db, councilId: string, bodies: Map<string, string>, persons: PersonSpec[]) {
  const ids = new Map<string, { id: string; userId: string | null; name: string }>();
  for (const p of persons) {
    const [row] = await tx.insert(councilPersons).values({
      councilId, userId: p.userId ?? null, givenName: p.givenName ?? '', familyName: p.familyName, position: p.position, organisation: p.organisation,
      organisationType: p.organisationType, email: p.email ?? '', publicConsent: p.publicConsent, consentGivenOn: p.consentGivenOn ?? null,
    }).returning({ id: councilPersons.id });
    ids.set(p.key, { id: row!.id, userId: p.userId ?? null, name: displayName(p) });
    if (p.memberOf.length) {
      await tx.insert(councilMemberships).values(p.memberOf.map((m) => ({
        councilId, bodyId: bodies.get(m.body)!, personId: row!.id, role: m.role ?? 'mitglied', votingRight: m.votingRight ?? true, startedOn: m.startedOn, onBehalfOf: m.onBehalfOf ?? '',
      })));
    }
  }
  return ids;
}

/**
 * Inserts meetings with their agenda, papers, attendance, minutes and decisions (with their tracking steps),
 * then links approved minutes to the meeting that approved them. Returns the meetings' ids by key.
 */
export async function insertMeetings(tx: Db, councilId: string, bodies: Map<string, string>, persons: Map<string, { id: string; userId: string | null; name: string }>,
  meetings: MeetingSpec[], options: { locationId: string | null; recommendations: Map<string, string> }) {
  const ids = new Map<string, { id: string; day: string }>();
  const person = (key: string) => { const p = persons.get(key); if (!p) throw new Error(`demo person ${key} missing`); return p; };
  for (const m of meetings) {
    const startsAt = berlin(m.day, m.time);
    const [meeting] = await tx.insert(councilMeetings).values({
      councilId, bodyId: bodies.get(m.body)!, title: m.title, startsAt, endsAt: new Date(startsAt.getTime() + (m.hours ?? 2) * 3_600_000), locationId: options.locationId,
      state: m.state, cancelReason: m.cancelReason ?? '', invitedAt: m.invitedOn ? berlin(m.invitedOn, '10:00') : null, sequence: m.state === 'abgesagt' ? 1 : 0,
      minutesState: m.minutesState ?? 'none', minutesGeneral: m.minutesGeneral ?? '',
    }).returning({ id: councilMeetings.id });
    ids.set(m.key, { id: meeting!.id, day: m.day });
    for (const [i, item] of m.items.entries()) {
      let paperId: string | null = null;
      if (item.paper) {
        const [paper] = await tx.insert(councilPapers).values({ councilId, reference: item.paper.reference, name: item.paper.name, paperType: item.paper.paperType, date: m.day, isPublic: item.isPublic }).returning({ id: councilPapers.id });
        paperId = paper!.id;
      }
      const [agendaItem] = await tx.insert(councilAgendaItems).values({
        councilId, meetingId: meeting!.id, order: i + 1, title: item.title, isPublic: item.isPublic, description: item.description ?? '', paperId, minutes: item.minutes ?? '',
      }).returning({ id: councilAgendaItems.id });
      for (const d of item.decisions ?? []) {
        const steps = d.track?.steps ?? [];
        const last = steps.at(-1);
        const [decision] = await tx.insert(councilDecisions).values({
          councilId, meetingId: meeting!.id, agendaItemId: agendaItem!.id, number: d.number, text: d.text, voteMode: d.voteMode,
          votesYes: d.votes?.[0] ?? null, votesNo: d.votes?.[1] ?? null, votesAbstain: d.votes?.[2] ?? null, adopted: true,
          recommendationId: d.recommendation ? options.recommendations.get(d.recommendation) ?? null : null,
          trackState: d.track ? (last?.state ?? 'offen') : null, ownerPersonId: d.track ? person(d.track.owner).id : null, dueOn: d.track?.dueOn ?? null,
          trackNote: last?.note ?? '', doneOn: last && (last.state === 'erledigt' || last.state === 'nicht_umgesetzt') ? last.on : null,
        }).returning({ id: councilDecisions.id });
        if (steps.length) {
          await tx.insert(councilDecisionUpdates).values(steps.map((s) => ({
            decisionId: decision!.id, state: s.state, note: s.note, byUserId: person(s.by).userId, byName: person(s.by).name, at: berlin(s.on, '12:00'),
          })));
        }
      }
    }
    const attendance = Object.entries(m.attendance ?? {});
    if (attendance.length) await tx.insert(councilAttendance).values(attendance.map(([key, status]) => ({ meetingId: meeting!.id, personId: person(key).id, status })));
  }
  for (const m of meetings) {
    if (!m.approvedIn) continue;
    const by = ids.get(m.approvedIn)!;
    await tx.update(councilMeetings).set({ minutesApprovedInMeetingId: by.id, minutesApprovedOn: by.day }).where(eq(councilMeetings.id, ids.get(m.key)!.id));
  }
  return ids;
}
