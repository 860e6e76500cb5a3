import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { analysisPolicy } from './policy.js';
import { communes } from '../communes/schema.js';
import { analysisPhases, analysisProjects, analysisTasks } from './schema.js';
import { COMMUNE_TASKS, PHASES } from './plan.js';

type Row = typeof analysisProjects.$inferSelect;
export type ProjectAccess = 'read' | 'work';

/** The project if the actor may read (or work on) it; 404 otherwise (the rule is analysisPolicy's). */
export const projectFor = (db: Db, actor: Actor | null, id: string, mode: ProjectAccess): Promise<Row> => analysisPolicy.load(db, actor, mode, id);

/**
 * Which of these analyses the actor may read (or work on) — analysisPolicy's rule, for many at once:
 * links in the Bilanz, earlier waves in a comparison, who may download which version of a report.
 */
export async function accessibleProjectIds(db: Db, actor: Actor | null, ids: readonly string[], mode: ProjectAccess = 'read'): Promise<Set<string>> {
  const scope = await analysisPolicy.filter(db, actor, mode);
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
  const scope = await analysisPolicy.filter(db, actor, 'read');
  if (scope === 'none') return { items: [] };
  const where = [scope, q.ags ? eq(analysisProjects.ags, q.ags) : undefined].filter((x): x is SQL => !!x);
  const rows = await db.select().from(analysisProjects).where(where.length ? and(...where) : undefined).orderBy(desc(analysisProjects.startOn));
  const items = [];
  for (const r of rows) items.push(await presentProject(db, r));
  return { items };
}
