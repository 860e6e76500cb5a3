import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { DashboardCard, DashboardContext } from '../../server/aggregates/dashboard.types.js';
import { DASHBOARD_LIST_LIMIT } from '../../server/aggregates/dashboard-routes.js';
import { communes } from '../communes/schema.js';
import { analysisPolicy, type AnalysisRow } from './policy.js';
import { analysisPhases, analysisProjects, analysisTasks } from './schema.js';
import { fieldMonitoring } from './monitoring.js';

type Named = AnalysisRow & { communeName: string };

async function readable(db: Db, actor: Actor, ability: 'read' | 'work' | 'communeTasks'): Promise<Named[] | null> {
  const filter = await analysisPolicy.filter(db, actor, ability);
  if (filter === 'none') return null;
  const rows = await db.select({ p: analysisProjects, name: communes.name }).from(analysisProjects).innerJoin(communes, eq(communes.ags, analysisProjects.ags))
    .where(filter).orderBy(desc(analysisProjects.startOn));
  return rows.map((r) => ({ ...r.p, communeName: r.name }));
}

/** The return rate of every running field phase the actor may read. */
async function returnRateCards(db: Db, projects: Named[]): Promise<DashboardCard[]> {
  if (!projects.length) return [];
  const running = await db.select({ id: analysisPhases.projectId }).from(analysisPhases)
    .where(and(inArray(analysisPhases.projectId, projects.map((p) => p.id)), eq(analysisPhases.key, 'field'), eq(analysisPhases.status, 'in_progress')));
  const ids = new Set(running.map((r) => r.id));
  const cards: DashboardCard[] = [];
  for (const p of projects.filter((x) => ids.has(x.id)).slice(0, DASHBOARD_LIST_LIMIT)) {
    const m = await fieldMonitoring(db, p);
    cards.push({
      key: `surveys.returnRate.${p.code}`, kind: 'metric', priority: 15, title: { key: 'dash.returnRate.title', vars: { commune: p.communeName } },
      link: { href: `/analysen/${p.id}`, label: { key: 'dash.returnRate.open' } },
      value: m.responseRate, unit: 'percent', detail: { key: 'dash.returnRate.detail', vars: { count: m.returned, invited: m.invited } },
    });
  }
  return cards;
}

/** The commune's open checklist items of running analyses (register extract, letter, informing citizens, returns). */
async function checklistCard(db: Db, projects: Named[], today: string): Promise<DashboardCard | null> {
  const running = projects.filter((p) => p.status === 'running');
  const rows = running.length ? await db.select().from(analysisTasks)
    .where(and(inArray(analysisTasks.projectId, running.map((p) => p.id)), isNull(analysisTasks.doneOn))).orderBy(asc(analysisTasks.dueOn), asc(analysisTasks.sortOrder)) : [];
  const byId = new Map(running.map((p) => [p.id, p]));
  return {
    key: 'surveys.checklist', kind: 'tasks', priority: 12, title: { key: 'dash.checklist.title' }, link: null, total: rows.length, empty: { key: 'dash.checklist.empty' },
    items: rows.slice(0, DASHBOARD_LIST_LIMIT).map((t) => ({
      label: { key: `dash.task.${t.key}` }, commune: byId.get(t.projectId)!.communeName, due: t.dueOn, overdue: t.dueOn < today, link: `/analysen/${t.projectId}`,
    })),
  };
}

/** The analyses the actor works on: the phase each is in and its due date, or that it is completed. */
async function analysesCard(db: Db, projects: Named[]): Promise<DashboardCard> {
  const shown = [...projects].sort((a, b) => (a.status === b.status ? 0 : a.status === 'running' ? -1 : 1)).slice(0, DASHBOARD_LIST_LIMIT);
  const phases = shown.length ? await db.select().from(analysisPhases).where(inArray(analysisPhases.projectId, shown.map((p) => p.id))).orderBy(asc(analysisPhases.sortOrder)) : [];
  return {
    key: 'surveys.analyses', kind: 'records', priority: 25, title: { key: 'dash.analyses.title' },
    link: { href: '/analysen', label: { key: 'dash.analyses.all' } }, total: projects.length, empty: { key: 'dash.analyses.empty' },
    items: shown.map((p) => {
      const current = p.status === 'running' ? phases.find((x) => x.projectId === p.id && x.status !== 'done') : undefined;
      return {
        label: p.title, commune: p.communeName,
        state: current ? { key: `dash.phase.${current.key}` } : { key: 'dash.phase.completed' },
        detail: current ? { key: `dash.phase.next.${current.key}`, vars: { date: current.dueOn } } : null,
        link: `/analysen/${p.id}`,
      };
    }),
  };
}

/** The surveys module's cards: running return rates, the commune's checklist, the analyses one works on. */
export async function surveysDashboard(db: Db, actor: Actor, { today }: DashboardContext): Promise<DashboardCard[]> {
  const cards: DashboardCard[] = [];
  const read = await readable(db, actor, 'read');
  if (read) cards.push(...await returnRateCards(db, read));
  // The checklist is the commune's: shown to those who tick it but do not work on the analysis itself.
  const work = await readable(db, actor, 'work');
  const tick = await readable(db, actor, 'communeTasks');
  if (tick && !work) { const card = await checklistCard(db, tick, today); if (card) cards.push(card); }
  if (work) cards.push(await analysesCard(db, work));
  return cards;
}
