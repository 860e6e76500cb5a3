import { and, count, eq, inArray, isNull, like, ne, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { invalidField, Problem } from '../../server/http/problem.js';
import { analysisProjects } from '../surveys/schema.js';
import { recommendations } from '../evaluation/schema.js';
import { councilAttendance, councilDecisions, councilMemberships } from './schema.js';
import type { TDecisionUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { currentOn, berlinDay, personOf, type MeetingRow } from './council-records.js';

type DecisionFields = Omit<TDecisionUpdate, 'version' | 'number'>;

/**
 * How many may vote: the voting members present when attendance was recorded, else the body's voting members on
 * the meeting day.
 */
export async function votingMembers(db: Db, meeting: MeetingRow): Promise<number> {
  const day = berlinDay(meeting.startsAt);
  const members = (await db.select().from(councilMemberships).where(and(eq(councilMemberships.bodyId, meeting.bodyId), isNull(councilMemberships.deletedAt), eq(councilMemberships.votingRight, true))))
    .filter((m) => currentOn(m, day));
  const attendance = await db.select().from(councilAttendance).where(eq(councilAttendance.meetingId, meeting.id));
  if (!attendance.length) return members.length;
  const present = new Set(attendance.filter((a) => a.status === 'anwesend').map((a) => a.personId));
  return members.filter((m) => present.has(m.personId)).length;
}

/** The vote as stored: counts only for a vote taken; `adopted` when the yes votes outnumber the no votes. */
export async function checkVote(db: Db, meeting: MeetingRow, input: DecisionFields) {
  if (input.voteMode !== 'abstimmung') return { votesYes: null, votesNo: null, votesAbstain: null, adopted: true };
  const fields = [['votesYes', 'Ja-Stimmen'], ['votesNo', 'Nein-Stimmen'], ['votesAbstain', 'Enthaltungen']] as const;
  for (const [f, label] of fields) if (input[f] === null) throw invalidField(f, 'Bitte die Zahl angeben (0, wenn niemand so gestimmt hat).', label);
  const total = input.votesYes! + input.votesNo! + input.votesAbstain!;
  const allowed = await votingMembers(db, meeting);
  if (total > allowed) throw invalidField('votesYes', `Es wurden ${total} Stimmen eingetragen, aber nur ${allowed} stimmberechtigte Mitglieder ${allowed === 1 ? 'war' : 'waren'} anwesend.`, 'Ja-Stimmen');
  if (total === 0) throw invalidField('votesYes', 'Bei einer Abstimmung wurde mindestens eine Stimme abgegeben.', 'Ja-Stimmen');
  return { votesYes: input.votesYes, votesNo: input.votesNo, votesAbstain: input.votesAbstain, adopted: input.votesYes! > input.votesNo! };
}

export async function checkTracking(db: Db, council: CouncilRow, input: DecisionFields) {
  if (!input.tracked) return;
  if (!input.ownerPersonId) throw invalidField('ownerPersonId', 'Für die Beschlusskontrolle braucht der Beschluss eine verantwortliche Person.', 'Verantwortlich');
  await personOf(db, council.id, input.ownerPersonId).catch(() => { throw invalidField('ownerPersonId', 'Diese Person gehört nicht zu diesem Rat.', 'Verantwortlich'); });
}

/** A linked recommendation must come from a security analysis of one of the council's communes. */
export async function checkRecommendation(db: Db, council: CouncilRow, recommendationId: string | null) {
  if (!recommendationId) return;
  const [row] = await db.select({ id: recommendations.id }).from(recommendations).innerJoin(analysisProjects, eq(analysisProjects.id, recommendations.projectId))
    .where(and(eq(recommendations.id, recommendationId), inArray(analysisProjects.ags, council.communes)));
  if (!row) throw invalidField('recommendationId', 'Diese Handlungsempfehlung stammt nicht aus einer Sicherheitsanalyse der Kommune.', 'Handlungsempfehlung');
}

export function checkDecisionOpen(meeting: MeetingRow) {
  if (meeting.state === 'abgesagt') throw new Problem(409, 'meeting_cancelled', 'In einer abgesagten Sitzung wird nichts beschlossen.');
  if (meeting.startsAt > new Date()) throw new Problem(422, 'meeting_future', 'Beschlüsse werden in der Sitzung gefasst; sie hat noch nicht begonnen.', { field: 'agendaItemId' });
}

/** The next free number, e.g. KPR-4/2026 (per council and year), or the one given if it is free. */
export async function decisionNumber(tx: Db, council: CouncilRow, meeting: MeetingRow, given: string, exceptId?: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`council-decisions:${council.id}`}))`);
  if (given) {
    const [taken] = await tx.select({ id: councilDecisions.id }).from(councilDecisions).where(and(eq(councilDecisions.councilId, council.id), eq(councilDecisions.number, given), exceptId ? ne(councilDecisions.id, exceptId) : undefined));
    if (taken) throw invalidField('number', `Die Beschlussnummer ${given} ist schon vergeben.`, 'Beschlussnummer');
    return given;
  }
  const year = berlinDay(meeting.startsAt).slice(0, 4);
  const prefix = council.shortName || 'KPR';
  const [{ n }] = await tx.select({ n: count() }).from(councilDecisions).where(and(eq(councilDecisions.councilId, council.id), like(councilDecisions.number, `%/${year}`))) as [{ n: number }];
  for (let i = n + 1; ; i++) {
    const candidate = `${prefix}-${i}/${year}`;
    const [taken] = await tx.select({ id: councilDecisions.id }).from(councilDecisions).where(and(eq(councilDecisions.councilId, council.id), eq(councilDecisions.number, candidate)));
    if (!taken) return candidate;
  }
}
