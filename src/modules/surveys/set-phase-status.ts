import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { todayIso } from '../../lib/dates.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisPhases } from './schema.js';
import { presentProject } from './projects.js';
import type { PhaseStatus } from './states.js';
import type { TProjectRecord } from './surveys.types.js';

/** Sets where a phase of the 20-week plan stands (done today when set to done). */
export async function setPhaseStatus(db: Db, ctx: AuditContext, project: AnalysisRow, key: string, input: { status: PhaseStatus; version: number }): Promise<TProjectRecord> {
  return db.transaction(async (tx) => {
    const before = await presentProject(tx, project);
    await updateVersioned(tx, analysisPhases, and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, key))!, input.version,
      { status: input.status, doneOn: input.status === 'done' ? todayIso() : null }, 'Die Phase');
    const after = await presentProject(tx, project);
    await recordSurveysAudit(tx, ctx, { action: 'analysis_phase.updated', entityType: 'analysis_project', entityId: project.id, before: { phases: before.phases }, after: { phases: after.phases } });
    return after;
  });
}
