import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { isLpr, scopesOf, type Actor } from '../../server/auth/roles.js';
import { notFound } from '../../server/http/problem.js';
import { communes } from '../communes/schema.js';
import { analysisPhases, analysisProjects, analysisTasks } from './schema.js';
import { COMMUNE_TASKS, PHASES } from './plan.js';

type Row = typeof analysisProjects.$inferSelect;
export type ProjectAccess = 'read' | 'work';

/** Who may see or work on analyses: LPR all; an analyst the analyses assigned to them; a commune its own (read). */
function scopeFilter(actor: Actor | null, mode: ProjectAccess): SQL | undefined | 'none' {
  if (isLpr(actor)) return undefined;
  const conditions: SQL[] = [];
  const codes = scopesOf(actor, 'analyst');
  if (codes.length) conditions.push(inArray(analysisProjects.code, codes));
  const own = scopesOf(actor, 'commune');
  if (mode === 'read' && own.length) conditions.push(inArray(analysisProjects.ags, own));
  if (!conditions.length) return 'none';
  return conditions.length === 1 ? conditions[0] : or(...conditions);
}

/** The project if the actor may read (or work on) it; 404 otherwise, so others' analyses stay invisible. */
export async function projectFor(db: Db, actor: Actor | null, id: string, mode: ProjectAccess): Promise<Row> {
  const scope = scopeFilter(actor, mode);
  if (scope !== 'none') {
    const [row] = await db.select().from(analysisProjects).where(scope ? and(eq(analysisProjects.id, id), scope) : eq(analysisProjects.id, id));
    if (row) return row;
  }
  throw notFound('Diese Sicherheitsanalyse gibt es nicht oder Sie haben keinen Zugriff darauf.');
}

/**
 * Which of these analyses the actor may read (or work on) — the rule of projectFor, for many at once:
 * links in the Bilanz, earlier waves in a comparison, who may download which version of a report.
 */
export async function accessibleProjectIds(db: Db, actor: Actor | null, ids: readonly string[], mode: ProjectAccess = 'read'): Promise<Set<string>> {
  const scope = scopeFilter(actor, mode);
  if (scope === 'none' || !ids.length) return new Set();
  const rows = await db.select({ id: analysisProjects.id }).from(analysisProjects).where(scope ? and(inArray(analysisProjects.id, [...ids]), scope) : inArray(analysisProjects.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export async function presentProject(db: Db, row: Row) {
  const [commune] = await db.select({ name: communes.name }).from(communes).where(eq(communes.ags, row.ags));
  const phases = await db.select().from(analysisPhases).where(eq(analysisPhases.projectId, row.id)).orderBy(asc(analysisPhases.sortOrder));
  const tasks = await db.select().from(analysisTasks).where(eq(analysisTasks.projectId, row.id)).orderBy(asc(analysisTasks.sortOrder));
  return {
    id: row.id, code: row.code, ags: row.ags, communeName: commune?.name ?? row.ags, title: row.title, institute: row.institute,
    startOn: row.startOn, status: row.status, completedOn: row.completedOn, districts: row.districts, mixThreshold: row.mixThreshold,
    phases: phases.map((p) => ({ key: p.key, label: PHASES.find((x) => x.key === p.key)?.label ?? p.key, startOn: p.startOn, dueOn: p.dueOn, status: p.status, doneOn: p.doneOn, version: p.version })),
    tasks: tasks.map((t) => ({ key: t.key, label: COMMUNE_TASKS.find((x) => x.key === t.key)?.label ?? t.key, dueOn: t.dueOn, doneOn: t.doneOn, version: t.version })),
    version: row.version,
  };
}

export async function listProjects(db: Db, actor: Actor | null, q: { ags?: string }) {
  const scope = scopeFilter(actor, 'read');
  if (scope === 'none') return { items: [] };
  const where = [scope, q.ags ? eq(analysisProjects.ags, q.ags) : undefined].filter((x): x is SQL => !!x);
  const rows = await db.select().from(analysisProjects).where(where.length ? and(...where) : undefined).orderBy(desc(analysisProjects.startOn));
  const items = [];
  for (const r of rows) items.push(await presentProject(db, r));
  return { items };
}
