import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { DashboardCard, DashboardContext } from '../../server/aggregates/dashboard.types.js';
import { DASHBOARD_LIST_LIMIT } from '../../server/aggregates/dashboard-routes.js';
import { communes } from '../communes/schema.js';
import { analysisPhases, analysisProjects } from '../surveys/schema.js';
import { evaluationPolicy } from './policy.js';
import { analysisReports, analysisWeightings, recommendations } from './schema.js';

async function analysesFor(db: Db, actor: Actor, ability: 'read' | 'work' | 'manage') {
  const filter = await evaluationPolicy.filter(db, actor, ability);
  if (filter === 'none') return null;
  return db.select({ id: analysisProjects.id, title: analysisProjects.title, commune: communes.name }).from(analysisProjects)
    .innerJoin(communes, eq(communes.ags, analysisProjects.ags)).where(filter).orderBy(desc(analysisProjects.startOn));
}

/** Recommendations not yet implemented or discarded: what the commune decides next about each. */
async function recommendationsCard(db: Db, projects: { id: string; commune: string }[]): Promise<DashboardCard> {
  const rows = projects.length ? await db.select().from(recommendations)
    .where(and(inArray(recommendations.projectId, projects.map((p) => p.id)), notInArray(recommendations.state, ['umgesetzt', 'verworfen'])))
    .orderBy(recommendations.projectId, recommendations.sortOrder) : [];
  const commune = new Map(projects.map((p) => [p.id, p.commune]));
  return {
    key: 'evaluation.recommendations', kind: 'records', priority: 18, title: { key: 'dash.recommendations.title' }, link: null,
    total: rows.length, empty: { key: 'dash.recommendations.empty' },
    items: rows.slice(0, DASHBOARD_LIST_LIMIT).map((r) => ({
      label: r.title, commune: commune.get(r.projectId) ?? null, state: { key: `dash.recommendation.state.${r.state}` },
      detail: { key: `dash.recommendation.next.${r.state}` }, link: `/analysen/${r.projectId}/empfehlungen`,
    })),
  };
}

/** Analyses whose field phase is over but that wait for their weighting or their report. */
async function evaluationStepsCard(db: Db, projects: { id: string; title: string; commune: string }[]): Promise<DashboardCard> {
  const ids = projects.map((p) => p.id);
  const fieldDone = new Set(ids.length ? (await db.select({ id: analysisPhases.projectId }).from(analysisPhases)
    .where(and(inArray(analysisPhases.projectId, ids), eq(analysisPhases.key, 'field'), eq(analysisPhases.status, 'done')))).map((r) => r.id) : []);
  const weighted = new Set(ids.length ? (await db.select({ id: analysisWeightings.projectId, result: analysisWeightings.result }).from(analysisWeightings)
    .where(inArray(analysisWeightings.projectId, ids))).filter((w) => w.result).map((w) => w.id) : []);
  const reported = new Set(ids.length ? (await db.select({ id: analysisReports.projectId }).from(analysisReports)
    .where(and(inArray(analysisReports.projectId, ids), eq(analysisReports.status, 'done')))).map((r) => r.id) : []);
  const waiting = projects.filter((p) => fieldDone.has(p.id) && (!weighted.has(p.id) || !reported.has(p.id)));
  return {
    key: 'evaluation.steps', kind: 'records', priority: 22, title: { key: 'dash.evaluation.title' }, link: null,
    total: waiting.length, empty: { key: 'dash.evaluation.empty' },
    items: waiting.slice(0, DASHBOARD_LIST_LIMIT).map((p) => weighted.has(p.id)
      ? { label: p.title, commune: p.commune, state: { key: 'dash.evaluation.weighted' }, detail: { key: 'dash.evaluation.next.report' }, link: `/analysen/${p.id}/bericht` }
      : { label: p.title, commune: p.commune, state: { key: 'dash.evaluation.fieldDone' }, detail: { key: 'dash.evaluation.next.weighting' }, link: `/analysen/${p.id}/gewichtung` }),
  };
}

/**
 * The evaluation's cards: those who work on analyses (LPR, analysts) see which wait for weighting or report;
 * those who decide on recommendations without working on the analysis (the commune) see the open ones.
 */
export async function evaluationDashboard(db: Db, actor: Actor, _ctx: DashboardContext): Promise<DashboardCard[]> {
  const work = await analysesFor(db, actor, 'work');
  if (work) return [await evaluationStepsCard(db, work)];
  const manage = await analysesFor(db, actor, 'manage');
  return manage ? [await recommendationsCard(db, manage)] : [];
}
