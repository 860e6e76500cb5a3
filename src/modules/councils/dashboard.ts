import { and, asc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { isLpr } from '../../server/auth/roles.js';
import type { DashboardCard, DashboardContext } from '../../server/aggregates/dashboard.types.js';
import { DASHBOARD_LIST_LIMIT } from '../../server/aggregates/dashboard-routes.js';
import { councilDecisions, councilMeetings, councils } from './schema.js';
import { OPEN_TRACK_STATES } from './councils.types.js';
import { councilPolicy } from './policy.js';
import { listMyDecisions } from './list-my-decisions.js';
import { presentDecisions } from './present-decisions.js';
import { presentMeetingSummaries } from './present-meeting.js';
import { councilPaths } from './paths.js';

/** Decisions the actor is responsible for: shown until they are done (the Beschlusskontrolle reaches the owner). */
async function myDecisionsCard(db: Db, actor: Actor, today: string): Promise<DashboardCard | null> {
  const mine = await listMyDecisions(db, actor);
  if (!mine.length) return null;
  return {
    key: 'councils.myDecisions', kind: 'tasks', priority: 4, title: { key: 'dash.myDecisions.title' }, link: null,
    total: mine.length, empty: { key: 'dash.myDecisions.empty' },
    items: mine.slice(0, DASHBOARD_LIST_LIMIT).map((d) => ({
      label: { key: 'dash.myDecisions.item', vars: { number: d.number, text: d.text.length > 120 ? `${d.text.slice(0, 117)}…` : d.text } },
      commune: d.council.name, due: d.dueOn, overdue: !!d.dueOn && d.dueOn < today, link: councilPaths.decisions(d.council.id),
    })),
  };
}

/** Open decisions of the councils the actor manages (the coordinator's Beschlusskontrolle), overdue first. */
async function councilDecisionsCard(db: Db, actor: Actor, ids: string[], today: string): Promise<DashboardCard> {
  const rows = ids.length ? await db.select().from(councilDecisions)
    .where(and(inArray(councilDecisions.councilId, ids), isNull(councilDecisions.deletedAt), inArray(councilDecisions.trackState, [...OPEN_TRACK_STATES])))
    .orderBy(asc(councilDecisions.dueOn), asc(councilDecisions.number)) : [];
  const views = await presentDecisions(db, rows.slice(0, DASHBOARD_LIST_LIMIT), { actor, canManage: true });
  return {
    key: 'councils.decisions', kind: 'tasks', priority: 12, title: { key: 'dash.decisions.title' }, link: ids.length === 1 ? { href: councilPaths.decisions(ids[0]!), label: { key: 'dash.decisions.all' } } : null,
    total: rows.length, empty: { key: 'dash.decisions.empty' },
    items: views.map((d) => ({
      label: { key: 'dash.decisions.item', vars: { number: d.number, owner: d.owner?.name ?? '–' } },
      commune: d.council.name, due: d.dueOn, overdue: d.overdue, link: councilPaths.decisions(d.council.id),
    })),
  };
}

/** The next meetings of the actor's councils. */
async function meetingsCard(db: Db, ids: string[]): Promise<DashboardCard> {
  const rows = ids.length ? await db.select().from(councilMeetings)
    .where(and(inArray(councilMeetings.councilId, ids), isNull(councilMeetings.deletedAt), gte(councilMeetings.startsAt, new Date()), inArray(councilMeetings.state, ['geplant', 'eingeladen'])))
    .orderBy(asc(councilMeetings.startsAt)).limit(DASHBOARD_LIST_LIMIT) : [];
  const names = new Map(ids.length ? (await db.select({ id: councils.id, name: councils.name }).from(councils).where(inArray(councils.id, ids))).map((c) => [c.id, c.name]) : []);
  const views = await presentMeetingSummaries(db, rows);
  return {
    key: 'councils.meetings', kind: 'records', priority: 14, title: { key: 'dash.meetings.title' }, link: null,
    total: rows.length, empty: { key: 'dash.meetings.empty' },
    items: views.map((m, i) => ({
      label: m.title, commune: names.get(rows[i]!.councilId) ?? null, state: { key: `dash.meetings.state.${m.state}` },
      detail: { key: 'dash.meetings.when', vars: { at: m.startsAt } }, link: councilPaths.meeting(rows[i]!.councilId, m.id),
    })),
  };
}

/** Held meetings whose minutes are still a draft: the coordinator writes them and has them approved. */
async function minutesCard(db: Db, ids: string[]): Promise<DashboardCard> {
  const rows = ids.length ? await db.select().from(councilMeetings)
    .where(and(inArray(councilMeetings.councilId, ids), isNull(councilMeetings.deletedAt), eq(councilMeetings.state, 'durchgefuehrt'), eq(councilMeetings.minutesState, 'entwurf'), lt(councilMeetings.startsAt, new Date())))
    .orderBy(asc(councilMeetings.startsAt)) : [];
  const views = await presentMeetingSummaries(db, rows.slice(0, DASHBOARD_LIST_LIMIT));
  return {
    key: 'councils.minutes', kind: 'records', priority: 16, title: { key: 'dash.minutes.title' }, link: null,
    total: rows.length, empty: { key: 'dash.minutes.empty' },
    items: views.map((m, i) => ({
      label: m.title, commune: null, state: { key: 'dash.minutes.draft' }, detail: { key: 'dash.meetings.when', vars: { at: m.startsAt } }, link: councilPaths.meeting(rows[i]!.councilId, m.id),
    })),
  };
}

/**
 * The councils' start-page cards: everyone sees the decisions they own; council members, police and the commune
 * their councils' next meetings; the commune (who manages its council) the open decisions and draft minutes.
 * The LPR's statewide view is the council list, not the start page.
 */
export async function councilsDashboard(db: Db, actor: Actor, ctx: DashboardContext): Promise<DashboardCard[]> {
  const cards: DashboardCard[] = [];
  const mine = await myDecisionsCard(db, actor, ctx.today);
  if (mine) cards.push(mine);
  if (isLpr(actor)) return cards;
  const readFilter = await councilPolicy.filter(db, actor, 'read');
  if (readFilter === 'none') return cards;
  const readable = (await db.select({ id: councils.id }).from(councils).where(and(readFilter, isNull(councils.deletedAt)))).map((c) => c.id);
  if (!readable.length) return cards;
  cards.push(await meetingsCard(db, readable));
  const manageFilter = await councilPolicy.filter(db, actor, 'manage');
  if (manageFilter !== 'none') {
    const managed = (await db.select({ id: councils.id }).from(councils).where(and(manageFilter, isNull(councils.deletedAt)))).map((c) => c.id);
    if (managed.length) cards.push(await councilDecisionsCard(db, actor, managed, ctx.today), await minutesCard(db, managed));
  }
  return cards;
}
