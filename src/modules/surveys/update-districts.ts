import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisProjects } from './schema.js';
import { presentProject } from './projects.js';
import type { TProjectRecord } from './surveys.types.js';

/** The Ortsteile the district question offers (the register upload fills them; the analyst may edit). */
export async function updateDistricts(db: Db, ctx: AuditContext, project: AnalysisRow, input: { districts: string[]; version: number }): Promise<TProjectRecord> {
  return db.transaction(async (tx) => {
    const districts = [...new Set(input.districts.map((d) => d.trim()).filter(Boolean))];
    const row = await updateVersioned(tx, analysisProjects, eq(analysisProjects.id, project.id), input.version, { districts, updatedAt: new Date() }, 'Die Analyse');
    await recordSurveysAudit(tx, ctx, { action: 'analysis_project.districts_updated', entityType: 'analysis_project', entityId: project.id, before: { districts: project.districts }, after: { districts } });
    return presentProject(tx, row);
  });
}
