import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { unprocessable } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisProjects } from './schema.js';
import { presentProject } from './projects.js';
import type { TProjectRecord } from './surveys.types.js';

/**
 * Marks the analysis completed (report handed over). From then on it is a `safety_analysis_completed` event
 * of its commune (figures.ts): the statewide figure counts it, the alliance's stage, map and Bilanz show it.
 */
export async function completeProject(db: Db, ctx: AuditContext, project: AnalysisRow, input: { completedOn: string; version: number }): Promise<TProjectRecord> {
  if (input.completedOn > todayIso()) throw unprocessable('date_in_future', 'Das Abschlussdatum liegt in der Zukunft.', 'completedOn');
  if (input.completedOn < project.startOn) throw unprocessable('date_before_start', 'Das Abschlussdatum liegt vor dem Beginn der Analyse.', 'completedOn');
  return db.transaction(async (tx) => {
    const before = await presentProject(tx, project);
    const row = await updateVersioned(tx, analysisProjects, eq(analysisProjects.id, project.id), input.version, { status: 'completed', completedOn: input.completedOn, updatedAt: new Date() }, 'Die Analyse');
    const after = await presentProject(tx, row);
    await recordSurveysAudit(tx, ctx, { action: 'analysis_project.completed', entityType: 'analysis_project', entityId: project.id, before, after });
    return after;
  });
}
