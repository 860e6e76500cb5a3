import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { isAllowed } from '../../server/http/access.js';
import { communesOfGrants } from '../../server/auth/scopes.js';
import { computeFigures, figureContext } from '../../server/figures.js';
import type { DashboardCard, DashboardContext, TDashboardRecord, TDashboardTask } from '../../server/aggregates/dashboard.types.js';
import { DASHBOARD_LIST_LIMIT } from '../../server/aggregates/dashboard-routes.js';
import { communes } from '../communes/schema.js';
import { agreementCommunes, agreements, coaches, coachingProcesses, coachingSessions, consultationCommunes, consultations, consultationTasks } from './schema.js';
import { agreementPolicy, coachingPolicy, consultationPolicy } from './policy.js';
import { allianceFacts, stageOn } from './stages/facts.js';
import { allianceFigures } from './public/figures.js';

const namesOf = async (db: Db, ags: readonly string[]) =>
  new Map(ags.length ? (await db.select({ ags: communes.ags, name: communes.name }).from(communes).where(inArray(communes.ags, [...new Set(ags)]))).map((c) => [c.ags, c.name]) : []);

/** Open follow-up tasks of the consultations the actor may read, earliest due first, with their communes. */
async function consultationTasksCard(db: Db, actor: Actor, today: string): Promise<DashboardCard | null> {
  const filter = await consultationPolicy.filter(db, actor, 'read');
  if (filter === 'none') return null;
  const rows = await db.select({ id: consultationTasks.id, title: consultationTasks.title, dueOn: consultationTasks.dueOn, consultationId: consultationTasks.consultationId })
    .from(consultationTasks).innerJoin(consultations, eq(consultations.id, consultationTasks.consultationId))
    .where(and(isNull(consultationTasks.doneOn), filter)).orderBy(asc(consultationTasks.dueOn));
  const shown = rows.slice(0, DASHBOARD_LIST_LIMIT);
  const links = shown.length ? await db.select().from(consultationCommunes).where(inArray(consultationCommunes.consultationId, shown.map((r) => r.consultationId))) : [];
  const names = await namesOf(db, links.map((l) => l.ags));
  const items: TDashboardTask[] = shown.map((r) => {
    const ags = links.filter((l) => l.consultationId === r.consultationId).map((l) => l.ags);
    return {
      label: r.title, commune: ags.map((a) => names.get(a) ?? a).join(', ') || null, due: r.dueOn, overdue: r.dueOn < today,
      link: ags[0] ? `/beratungen?ags=${ags[0]}` : '/beratungen',
    };
  });
  return {
    key: 'alliance.consultationTasks', kind: 'tasks', priority: 10, title: { key: 'dash.tasks.title' },
    link: { href: '/beratungen', label: { key: 'dash.tasks.all' } }, items, total: rows.length, empty: { key: 'dash.tasks.empty' },
  };
}

/** Agreements in draft or agreed: the step they wait for (agree on the draft, sign). */
async function agreementsCard(db: Db, actor: Actor): Promise<DashboardCard | null> {
  const filter = await agreementPolicy.filter(db, actor, 'read');
  if (filter === 'none') return null;
  const rows = await db.select().from(agreements).where(and(inArray(agreements.state, ['draft', 'agreed']), filter)).orderBy(desc(agreements.updatedAt));
  const shown = rows.slice(0, DASHBOARD_LIST_LIMIT);
  const parties = shown.length ? await db.select().from(agreementCommunes).where(inArray(agreementCommunes.agreementId, shown.map((a) => a.id))) : [];
  const names = await namesOf(db, parties.map((p) => p.ags));
  const items: TDashboardRecord[] = shown.map((a) => ({
    label: a.title,
    commune: parties.filter((p) => p.agreementId === a.id).map((p) => names.get(p.ags) ?? p.ags).join(', ') || null,
    state: { key: `dash.agreement.state.${a.state}` }, detail: { key: `dash.agreement.next.${a.state}` }, link: `/vereinbarungen/${a.id}`,
  }));
  return {
    key: 'alliance.agreements', kind: 'records', priority: 30, title: { key: 'dash.agreements.title' },
    link: { href: '/vereinbarungen', label: { key: 'dash.agreements.all' } }, items, total: rows.length, empty: { key: 'dash.agreements.empty' },
  };
}

/**
 * Coaching: who matches coaches (the LPR) sees the requests waiting for one; others (a coach, a commune) the
 * processes they may read that are not finished, with the last session and its next steps.
 */
async function coachingCard(db: Db, actor: Actor): Promise<DashboardCard | null> {
  if (isAllowed(coachingPolicy.door('manage'), actor)) {
    const rows = await db.select().from(coachingProcesses).where(eq(coachingProcesses.status, 'requested')).orderBy(asc(coachingProcesses.requestedOn));
    const names = await namesOf(db, rows.map((r) => r.ags));
    return {
      key: 'alliance.coachingRequests', kind: 'records', priority: 20, title: { key: 'dash.coachingRequests.title' },
      link: { href: '/coaching', label: { key: 'dash.coaching.all' } }, total: rows.length, empty: { key: 'dash.coachingRequests.empty' },
      items: rows.slice(0, DASHBOARD_LIST_LIMIT).map((r) => ({
        label: r.reason || { key: 'dash.coaching.process' }, commune: names.get(r.ags) ?? r.ags,
        state: { key: 'dash.coaching.requestedOn', vars: { date: r.requestedOn } }, detail: { key: 'dash.coaching.next.match' }, link: `/coaching/${r.id}`,
      })),
    };
  }
  const filter = await coachingPolicy.filter(db, actor, 'read');
  if (filter === 'none') return null;
  const rows = await db.select({ p: coachingProcesses, coach: coaches.name, coachUser: coaches.userId }).from(coachingProcesses).leftJoin(coaches, eq(coaches.id, coachingProcesses.coachId))
    .where(and(inArray(coachingProcesses.status, ['requested', 'matched', 'running']), filter)).orderBy(asc(coachingProcesses.requestedOn));
  const shown = rows.slice(0, DASHBOARD_LIST_LIMIT);
  const names = await namesOf(db, shown.map((r) => r.p.ags));
  const sessions = shown.length ? await db.select().from(coachingSessions).where(inArray(coachingSessions.processId, shown.map((r) => r.p.id))).orderBy(desc(coachingSessions.heldOn)) : [];
  return {
    key: 'alliance.coaching', kind: 'records', priority: 20, title: { key: 'dash.coaching.title' },
    link: { href: '/coaching', label: { key: 'dash.coaching.all' } }, total: rows.length, empty: { key: 'dash.coaching.empty' },
    items: shown.map(({ p, coach, coachUser }) => {
      const last = sessions.find((s) => s.processId === p.id);
      return {
        label: names.get(p.ags) ?? p.ags, commune: null,
        // The coach sees their own processes; others learn who coaches.
        state: coach && coachUser !== actor.userId ? { key: `dash.coaching.stateWith.${p.status}`, vars: { coach } } : { key: `dash.coaching.state.${p.status}` },
        detail: last ? { key: last.nextSteps ? 'dash.coaching.lastSessionNext' : 'dash.coaching.lastSession', vars: { date: last.heldOn, next: last.nextSteps } }
          : { key: `dash.coaching.next.${p.status}` },
        link: `/coaching/${p.id}`,
      };
    }),
  };
}

/** The commune's own stage in the alliance and its next step (for the commune's coordination). */
async function stageCard(db: Db, actor: Actor, today: string): Promise<DashboardCard | null> {
  const own = [...(await communesOfGrants(db, actor, ['commune']))];
  if (!own.length) return null;
  const facts = await allianceFacts(figureContext(db));
  const names = await namesOf(db, own);
  return {
    key: 'alliance.stage', kind: 'records', priority: 40, title: { key: 'dash.stage.title' }, link: null, total: own.length, empty: { key: 'dash.stage.empty' },
    items: own.slice(0, DASHBOARD_LIST_LIMIT).map((ags) => {
      const stage = stageOn(facts.histories.get(ags), today);
      return { label: names.get(ags) ?? ags, commune: null, state: { key: `dash.stage.${stage ?? 'none'}` }, detail: { key: `dash.stage.next.${stage ?? 'none'}` }, link: `/gemeinden/${ags}` };
    }),
  };
}

/** The alliance's statewide figures, for those who see no internal alliance records (e.g. a council member). */
async function figuresCard(db: Db, today: string): Promise<DashboardCard> {
  const cooperating = allianceFigures.find((f) => f.key === 'communesCooperating')!;
  const advised = allianceFigures.find((f) => f.key === 'communesAdvised')!;
  const values = await computeFigures(db, [cooperating, advised], [today]);
  return {
    key: 'alliance.figures', kind: 'metric', priority: 80, title: { key: 'dash.figures.title' },
    link: { href: '/kennzahlen', label: { key: 'dash.figures.all' } },
    value: values.communesCooperating?.[0] ?? 0, unit: 'count', detail: { key: 'dash.figures.detail', vars: { count: values.communesCooperating?.[0] ?? 0, advised: values.communesAdvised?.[0] ?? 0 } },
  };
}

/** The alliance's cards on the start page. */
export async function allianceDashboard(db: Db, actor: Actor, { today }: DashboardContext): Promise<DashboardCard[]> {
  const cards = [await consultationTasksCard(db, actor, today), await coachingCard(db, actor), await agreementsCard(db, actor), await stageCard(db, actor, today)]
    .filter((c): c is DashboardCard => c !== null);
  if (!isAllowed(consultationPolicy.door('read'), actor) && !cards.length) cards.push(await figuresCard(db, today));
  return cards;
}
