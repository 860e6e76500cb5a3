import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { todayIso } from '../../lib/dates.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisTasks } from './schema.js';
import { presentProject } from './projects.js';
import type { TProjectRecord } from './surveys.types.js';

/** The commune coordinator (or the analyst) ticks a task of the commune's checklist. */
export async function setTaskDone(db: Db, ctx: AuditContext, project: AnalysisRow, key: string, input: { done: boolean; version: number }): Promise<TProjectRecord> {
  return db.transaction(async (tx) => {
    const before = await presentProject(tx, project);
    await updateVersioned(tx, analysisTasks, and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, key))!, input.version,
      { doneOn: input.done ? todayIso() : null, doneBy: input.done ? ctx.actorId : null }, 'Die Aufgabe');
    const after = await presentProject(tx, project);
    await recordSurveysAudit(tx, ctx, { action: input.done ? 'analysis_task.done' : 'analysis_task.reopened', entityType: 'analysis_project', entityId: project.id, before: { tasks: before.tasks }, after: { tasks: after.tasks } });
    return after;
  });
}
