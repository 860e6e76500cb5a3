import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { analysisPolicy, type AnalysisRow } from './policy.js';
import { communes } from '../communes/schema.js';
import { analysisPhases, analysisProjects, analysisTasks } from './schema.js';
import { COMMUNE_TASKS, PHASES } from './plan.js';
import type { TProject, TProjectRecord } from './surveys.types.js';

export type ProjectAccess = 'read' | 'work';

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

/** The project with its commune's name, phases and tasks (the same for every viewer). */
export async function presentProject(db: Db, row: AnalysisRow): Promise<TProjectRecord> {
  const [commune] = await db.select({ name: communes.name }).from(communes).where(eq(communes.ags, row.ags));
  const phases = await db.select().from(analysisPhases).where(eq(analysisPhases.projectId, row.id)).orderBy(asc(analysisPhases.sortOrder));
  const tasks = await db.select().from(analysisTasks).where(eq(analysisTasks.projectId, row.id)).orderBy(asc(analysisTasks.sortOrder));
  return {
    id: row.id, code: row.code, ags: row.ags, communeName: commune?.name ?? row.ags, title: row.title, institute: row.institute,
    startOn: row.startOn, status: row.status, completedOn: row.completedOn, districts: row.districts, mixThreshold: row.mixThreshold,
    districtAreas: (row.districtAreas ?? []).map((a) => a.name),
    phases: phases.map((p) => ({ key: p.key, label: PHASES.find((x) => x.key === p.key)?.label ?? p.key, startOn: p.startOn, dueOn: p.dueOn, status: p.status, doneOn: p.doneOn, version: p.version })),
    tasks: tasks.map((t) => ({ key: t.key, label: COMMUNE_TASKS.find((x) => x.key === t.key)?.label ?? t.key, dueOn: t.dueOn, doneOn: t.doneOn, version: t.version })),
    version: row.version,
  };
}

/** The project as `actor` sees it: with what they may do with it (the web shows actions by this). */
export async function viewedBy(db: Db, actor: Actor | null, row: AnalysisRow, record: TProjectRecord): Promise<TProject> {
  return { ...record, can: await analysisPolicy.can(db, actor, row) };
}
