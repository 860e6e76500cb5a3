import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { unprocessable } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { analysisPhases, analysisProjects, analysisTasks } from './schema.js';
import { presentProject } from './projects.js';
import { recordMilestone } from '../alliance/stages/record-milestone.js';

type Project = typeof analysisProjects.$inferSelect;

export async function setPhaseStatus(db: Db, ctx: AuditContext, project: Project, key: string, input: { status: 'open' | 'in_progress' | 'done'; version: number }) {
  return db.transaction(async (tx) => {
    const before = await presentProject(tx, project);
    await updateVersioned(tx, analysisPhases, and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, key))!, input.version,
      { status: input.status, doneOn: input.status === 'done' ? todayIso() : null }, 'Die Phase');
    const after = await presentProject(tx, project);
    await recordAudit(tx, ctx, { action: 'analysis_phase.updated', entityType: 'analysis_project', entityId: project.id, before: { phases: before.phases }, after: { phases: after.phases } });
    return after;
  });
}

/** The commune coordinator (or the analyst) ticks a task of the commune's checklist. */
export async function setTaskDone(db: Db, ctx: AuditContext, project: Project, key: string, input: { done: boolean; version: number }) {
  return db.transaction(async (tx) => {
    const before = await presentProject(tx, project);
    await updateVersioned(tx, analysisTasks, and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, key))!, input.version,
      { doneOn: input.done ? todayIso() : null, doneBy: input.done ? ctx.actorId : null }, 'Die Aufgabe');
    const after = await presentProject(tx, project);
    await recordAudit(tx, ctx, { action: input.done ? 'analysis_task.done' : 'analysis_task.reopened', entityType: 'analysis_project', entityId: project.id, before: { tasks: before.tasks }, after: { tasks: after.tasks } });
    return after;
  });
}

/** Marks the analysis completed (report handed over); it then counts in the statewide figure `safetyAnalyses`. */
export async function completeProject(db: Db, ctx: AuditContext, project: Project, input: { completedOn: string; version: number }) {
  if (input.completedOn > todayIso()) throw unprocessable('date_in_future', 'Das Abschlussdatum liegt in der Zukunft.', 'completedOn');
  if (input.completedOn < project.startOn) throw unprocessable('date_before_start', 'Das Abschlussdatum liegt vor dem Beginn der Analyse.', 'completedOn');
  return db.transaction(async (tx) => {
    const before = await presentProject(tx, project);
    const row = await updateVersioned(tx, analysisProjects, eq(analysisProjects.id, project.id), input.version, { status: 'completed', completedOn: input.completedOn, updatedAt: new Date() }, 'Die Analyse');
    // The alliance's milestone feeds the statewide figure, the commune's stage, the map and the Bilanz.
    await recordMilestone(tx, ctx, { ags: project.ags, occurredOn: input.completedOn, kind: 'safety_analysis_completed', stage: null, amountEur: null, note: `${project.title} (${project.code})` });
    const after = await presentProject(tx, row);
    await recordAudit(tx, ctx, { action: 'analysis_project.completed', entityType: 'analysis_project', entityId: project.id, before, after });
    return after;
  });
}
