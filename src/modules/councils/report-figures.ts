import { and, asc, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { analysisProjects } from '../surveys/schema.js';
import { analysisReports } from '../evaluation/schema.js';
import { loadAnalysisInputs } from '../evaluation/analysis-inputs.js';
import { computeFindings } from '../evaluation/findings.js';
import { listRecommendations } from '../evaluation/list-recommendations.js';
import { communeCrimeStatistics } from '../crime/commune-crime-statistics.js';
import { changePercent } from '../crime/crime-rates.js';
import { ALL_OFFENCES } from '../crime/offences.js';
import { councilAgendaItems, councilAttendance, councilBodies, councilDecisions, councilMeetings, councilMemberships } from './schema.js';
import { DECISION_TRACK_STATES, LABELS } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { berlinDay, currentOn } from './council-records.js';
import type { TReportFigures } from './documents.types.js';

const short = (text: string, max = 280) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
/** The start of a calendar year in Berlin (1 January is always CET). */
const yearStart = (year: number) => new Date(`${String(year).padStart(4, '0')}-01-01T00:00:00+01:00`);

/** Meetings, attendance, decisions and working groups of the council in `year`. */
async function councilFigures(db: Db, council: CouncilRow, year: number) {
  const from = yearStart(year);
  const to = yearStart(year + 1);
  const bodies = await db.select().from(councilBodies).where(and(eq(councilBodies.councilId, council.id), isNull(councilBodies.deletedAt))).orderBy(asc(councilBodies.sortOrder), asc(councilBodies.name));
  const meetings = await db.select().from(councilMeetings)
    .where(and(eq(councilMeetings.councilId, council.id), isNull(councilMeetings.deletedAt), gte(councilMeetings.startsAt, from), lt(councilMeetings.startsAt, to)))
    .orderBy(asc(councilMeetings.startsAt));
  const held = meetings.filter((m) => m.state === 'durchgefuehrt');
  const attendance = held.length ? await db.select().from(councilAttendance).where(inArray(councilAttendance.meetingId, held.map((m) => m.id))) : [];
  const memberships = await db.select().from(councilMemberships).where(and(eq(councilMemberships.councilId, council.id), isNull(councilMemberships.deletedAt)));
  const decisions = meetings.length
    ? await db.select({ d: councilDecisions, isPublic: councilAgendaItems.isPublic }).from(councilDecisions)
      .innerJoin(councilAgendaItems, eq(councilAgendaItems.id, councilDecisions.agendaItemId))
      .where(and(inArray(councilDecisions.meetingId, meetings.map((m) => m.id)), isNull(councilDecisions.deletedAt), isNull(councilAgendaItems.deletedAt)))
      .orderBy(asc(councilDecisions.createdAt), asc(councilDecisions.number))
    : [];
  const bodyOf = new Map(bodies.map((b) => [b.id, b]));
  const meetingOf = new Map(meetings.map((m) => [m.id, m]));

  const perMeeting = held.map((m) => {
    const day = berlinDay(m.startsAt);
    const members = new Set(memberships.filter((s) => s.bodyId === m.bodyId && s.role !== 'gast' && currentOn(s, day)).map((s) => s.personId));
    const here = attendance.filter((a) => a.meetingId === m.id);
    const present = here.filter((a) => a.status === 'anwesend');
    const presentMembers = present.filter((a) => members.has(a.personId)).length;
    return {
      date: day, body: bodyOf.get(m.bodyId)?.name ?? '',
      present: present.length, excused: here.filter((a) => a.status === 'entschuldigt').length, guests: here.filter((a) => a.status === 'gast').length,
      members: members.size, presentMembers, rate: members.size ? presentMembers / members.size : null,
    };
  });
  const counted = perMeeting.filter((m) => m.members > 0);
  const expected = counted.reduce((s, m) => s + m.members, 0);
  const presentMembers = counted.reduce((s, m) => s + m.presentMembers, 0);

  const tracked = decisions.filter((x) => x.d.trackState);
  const stateLabel = (s: string | null) => (s ? LABELS.trackState[s as keyof typeof LABELS.trackState] : 'ohne Nachverfolgung');
  const listed = (rows: typeof decisions) => rows.filter((x) => x.isPublic);

  return {
    meetings: {
      total: held.length,
      cancelled: meetings.filter((m) => m.state === 'abgesagt').length,
      byBody: bodies.map((b) => ({
        body: b.name, kind: b.kind, kindLabel: LABELS.bodyKind[b.kind],
        held: held.filter((m) => m.bodyId === b.id).length, cancelled: meetings.filter((m) => m.bodyId === b.id && m.state === 'abgesagt').length,
      })).filter((b) => b.held || b.cancelled || b.kind === 'plenum'),
      perMeeting: perMeeting.map(({ presentMembers: _, ...m }) => m),
    },
    attendance: { present: presentMembers, expected, rate: expected ? presentMembers / expected : null },
    decisions: {
      total: decisions.length,
      untracked: decisions.length - tracked.length,
      byState: DECISION_TRACK_STATES.map((state) => ({ state, label: LABELS.trackState[state], count: tracked.filter((x) => x.d.trackState === state).length })),
      listed: listed(decisions).map(({ d }) => ({
        number: d.number, text: short(d.text), date: berlinDay(meetingOf.get(d.meetingId)!.startsAt), body: bodyOf.get(meetingOf.get(d.meetingId)!.bodyId)?.name ?? '',
        stateLabel: stateLabel(d.trackState), dueOn: d.dueOn,
      })),
      nonPublic: decisions.filter((x) => !x.isPublic).length,
    },
    workingGroups: bodies.filter((b) => b.kind !== 'plenum' && (!b.startedOn || b.startedOn < `${year + 1}-01-01`) && (!b.endedOn || b.endedOn >= `${year}-01-01`)).map((b) => {
      const own = decisions.filter((x) => meetingOf.get(x.d.meetingId)?.bodyId === b.id);
      return {
        name: b.name, kindLabel: LABELS.bodyKind[b.kind], meetings: held.filter((m) => m.bodyId === b.id).length,
        decisions: listed(own).map(({ d }) => ({ number: d.number, text: short(d.text, 200), stateLabel: stateLabel(d.trackState) })),
        nonPublicDecisions: own.filter((x) => !x.isPublic).length,
      };
    }),
    /** Decisions on public items that take up a recommendation: recommendation id → decision numbers. */
    byRecommendation: listed(decisions).filter((x) => x.d.recommendationId).reduce((m, { d }) => m.set(d.recommendationId!, [...(m.get(d.recommendationId!) ?? []), d.number]), new Map<string, string[]>()),
  };
}

/**
 * The commune's latest analysis with a finished report that started by the end of `year`, with its findings,
 * next to the previous such analysis (the earlier wave). Analyses without a finished report are not used.
 */
async function surveyFigures(db: Db, ags: string, year: number) {
  const withReport = db.select({ id: analysisReports.projectId }).from(analysisReports).where(eq(analysisReports.status, 'done'));
  const reported = await db.select().from(analysisProjects)
    .where(and(eq(analysisProjects.ags, ags), lt(analysisProjects.startOn, `${year + 1}-01-01`), inArray(analysisProjects.id, withReport)))
    .orderBy(desc(analysisProjects.startOn));
  const latest = reported[0];
  if (!latest) return { survey: { analysis: null, previous: null, rows: [] }, project: null };
  const findings = await computeFindings(db, await loadAnalysisInputs(db, latest), 'all');
  const reportedIds = new Set(reported.map((r) => r.id));
  const wave = findings.waves.filter((w) => w.project.earlier && reportedIds.has(w.project.id)).sort((a, b) => b.project.startOn.localeCompare(a.project.startOn))[0];
  const headline = findings.indicators.filter((i) => !i.key.includes(':') || i.key.startsWith('trust:'));
  const value = (c: { estimate: number | null; suppressed: boolean } | undefined) => (c && !c.suppressed ? c.estimate : null);
  return {
    project: latest,
    survey: {
      analysis: { title: latest.title, year: latest.startOn.slice(0, 4), completedOn: latest.completedOn },
      previous: wave ? { title: wave.project.title, year: wave.project.startOn.slice(0, 4) } : null,
      rows: headline.map((i) => {
        const row = wave?.rows.find((r) => r.key === i.key);
        return { label: i.key.startsWith('trust:') ? `Großes Vertrauen: ${i.label.de}` : i.label.de, current: value(i.overall), previous: value(row?.other), difference: row?.difference?.estimate ?? null, significant: row?.difference ? row.difference.significant : null };
      }),
    },
  };
}

/** How many offence groups the report shows besides all offences. */
const CRIME_GROUPS = 10;

/** Häufigkeitszahlen per offence group for the latest year with the commune's figures up to `year`, and the year before. */
async function crimeFigures(db: Db, ags: string, year: number): Promise<TReportFigures['crime']> {
  const stats = await communeCrimeStatistics(db, ags).catch((e: unknown) => { if (e instanceof Problem && e.status === 404) return null; throw e; });
  if (!stats) return null;
  const years = [...new Set(stats.figures.filter((f) => f.commune && f.year <= year).map((f) => f.year))];
  if (!years.length) return null;
  const latest = Math.max(...years);
  const rate = (key: string, y: number) => stats.figures.find((f) => f.key === key && f.year === y)?.commune?.crimeRate ?? null;
  // All offences, then the offence groups with the most cases in the latest year (as the analysis report does;
  // variants of the total such as "Straftaten insgesamt, jedoch ohne …" are not groups).
  const inLatest = stats.figures.filter((f) => f.year === latest && f.commune);
  const total = inLatest.filter((f) => f.key === ALL_OFFENCES);
  const groups = inLatest.filter((f) => f.key !== ALL_OFFENCES && !f.label.startsWith('Straftaten insgesamt') && f.commune!.cases > 0).sort((a, b) => b.commune!.cases - a.commune!.cases).slice(0, CRIME_GROUPS);
  const keys = [...total, ...groups].map((f) => ({ key: f.key, label: f.key === ALL_OFFENCES ? 'Straftaten insgesamt' : f.label }));
  return {
    year: latest, previousYear: latest - 1,
    source: stats.sources.map((s) => s.source).join('; '),
    rows: keys.map(({ key, label }) => {
      const now = rate(key, latest);
      const before = rate(key, latest - 1);
      return { key, label, rate: now, previousRate: before, change: changePercent(now, before) };
    }),
  };
}

/** Everything a Präventionsbericht shows as figures, computed now. */
export async function computeReportFigures(db: Db, council: CouncilRow, year: number): Promise<TReportFigures> {
  const own = await councilFigures(db, council, year);
  const { survey, project } = await surveyFigures(db, council.ags, year);
  const recs = project ? await listRecommendations(db, project.id) : [];
  return {
    year,
    meetings: own.meetings,
    attendance: own.attendance,
    decisions: own.decisions,
    workingGroups: own.workingGroups,
    survey,
    crime: await crimeFigures(db, council.ags, year),
    recommendations: project ? {
      analysis: project.title,
      items: recs.map((r) => ({ title: r.title, fieldOfAction: r.fieldOfAction.label, priority: r.priority, stateLabel: r.stateLabel, stateNote: r.stateNote, decisions: own.byRecommendation.get(r.id) ?? [] })),
    } : null,
  };
}
