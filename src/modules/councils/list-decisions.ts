import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { page, type PageQuery } from '../../server/http/paging.js';
import { councilDecisions, councilMeetings } from './schema.js';
import { DECISION_TRACK_STATES, OPEN_TRACK_STATES, type TDecisionTrackState } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { berlinDay } from './council-records.js';
import { presentDecisions } from './present-decisions.js';

export interface DecisionQuery extends PageQuery { q?: string; state?: TDecisionTrackState | 'open' | 'overdue' | 'all'; ownerPersonId?: string }

/**
 * The Beschlusskontrolle of a council: tracked decisions, open ones first by due date (overdue at the top), then
 * done ones, newest first; with counts per state for the filter tabs.
 */
export async function listDecisions(db: Db, actor: Actor | null, council: CouncilRow, canManage: boolean, query: DecisionQuery) {
  const today = berlinDay(new Date());
  const base = and(eq(councilDecisions.councilId, council.id), isNull(councilDecisions.deletedAt), isNotNull(councilDecisions.trackState));
  const state = query.state ?? 'open';
  const where = and(base,
    state === 'open' ? inArray(councilDecisions.trackState, [...OPEN_TRACK_STATES])
      : state === 'overdue' ? and(inArray(councilDecisions.trackState, [...OPEN_TRACK_STATES]), sql`${councilDecisions.dueOn} < ${today}`)
        : state === 'all' ? undefined : eq(councilDecisions.trackState, state),
    query.ownerPersonId ? eq(councilDecisions.ownerPersonId, query.ownerPersonId) : undefined,
    query.q ? sql`(${councilDecisions.number} ilike ${`%${query.q}%`} or ${councilDecisions.text} ilike ${`%${query.q}%`})` : undefined) as SQL;
  const [rows, [total], tallies] = await Promise.all([
    db.select({ d: councilDecisions }).from(councilDecisions).innerJoin(councilMeetings, eq(councilMeetings.id, councilDecisions.meetingId)).where(where)
      .orderBy(sql`${councilDecisions.trackState} in ('erledigt', 'nicht_umgesetzt')`, sql`${councilDecisions.dueOn} asc nulls last`, sql`${councilMeetings.startsAt} desc`, asc(councilDecisions.id))
      .limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(councilDecisions).where(where),
    db.select({ state: councilDecisions.trackState, n: count(), overdue: sql<number>`count(*) filter (where ${councilDecisions.dueOn} < ${today})`.mapWith(Number) })
      .from(councilDecisions).where(base).groupBy(councilDecisions.trackState),
  ]);
  const counts: Record<string, number> = Object.fromEntries(DECISION_TRACK_STATES.map((s) => [s, 0]));
  for (const t of tallies) if (t.state) counts[t.state] = t.n;
  counts.open = OPEN_TRACK_STATES.reduce((s, k) => s + (counts[k] ?? 0), 0);
  counts.overdue = tallies.filter((t) => t.state && OPEN_TRACK_STATES.includes(t.state)).reduce((s, t) => s + t.overdue, 0);
  counts.all = DECISION_TRACK_STATES.reduce((s, k) => s + (counts[k] ?? 0), 0);
  return { ...page(await presentDecisions(db, rows.map((r) => r.d), { actor, canManage }), total?.n ?? 0, query), counts };
}
