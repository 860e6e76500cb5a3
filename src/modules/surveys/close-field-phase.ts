import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { unprocessable } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisPhases } from './schema.js';
import { presentProject } from './projects.js';
import { fieldPhaseOf } from './survey-state.js';
import type { TProjectRecord } from './surveys.types.js';

/** Ends the field phase: the survey accepts no more answers and the evaluation begins. */
export async function closeFieldPhase(db: Db, ctx: AuditContext, project: AnalysisRow): Promise<TProjectRecord> {
  return db.transaction(async (tx) => {
    const [field] = await tx.select().from(analysisPhases).where(fieldPhaseOf(project.id));
    if (field?.status !== 'in_progress') throw unprocessable('field_not_running', 'Die Feldphase läuft nicht.');
    await tx.update(analysisPhases).set({ status: 'done', doneOn: todayIso(), version: field.version + 1 }).where(fieldPhaseOf(project.id));
    await tx.update(analysisPhases).set({ status: 'in_progress' }).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, 'evaluation'), eq(analysisPhases.status, 'open')));
    await recordSurveysAudit(tx, ctx, { action: 'field_phase.closed', entityType: 'analysis_project', entityId: project.id, after: { closedOn: todayIso() } });
    return presentProject(tx, project);
  });
}
