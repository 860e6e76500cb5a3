import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisProjects } from './schema.js';
import { presentProject } from './projects.js';
import type { TProjectRecord } from './surveys.types.js';

/** k of the mixing pool: answers are stored in batches of at least this many (the analyst or the LPR sets it). */
export async function updateMixThreshold(db: Db, ctx: AuditContext, project: AnalysisRow, input: { mixThreshold: number; version: number }): Promise<TProjectRecord> {
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, analysisProjects, eq(analysisProjects.id, project.id), input.version, { mixThreshold: input.mixThreshold, updatedAt: new Date() }, 'Die Analyse');
    await recordSurveysAudit(tx, ctx, { action: 'analysis_project.mix_threshold_updated', entityType: 'analysis_project', entityId: project.id, before: { mixThreshold: project.mixThreshold }, after: { mixThreshold: input.mixThreshold } });
    return presentProject(tx, row);
  });
}
