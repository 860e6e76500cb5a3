import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { analysisProjects } from './schema.js';
import { presentProject } from './projects.js';

/** The Ortsteile the district question offers (the register upload fills them; the analyst may edit). */
export async function updateDistricts(db: Db, ctx: AuditContext, project: typeof analysisProjects.$inferSelect, input: { districts: string[]; version: number }) {
  return db.transaction(async (tx) => {
    const districts = [...new Set(input.districts.map((d) => d.trim()).filter(Boolean))];
    const row = await updateVersioned(tx, analysisProjects, eq(analysisProjects.id, project.id), input.version, { districts, updatedAt: new Date() }, 'Die Analyse');
    await recordAudit(tx, ctx, { action: 'analysis_project.districts_updated', entityType: 'analysis_project', entityId: project.id, before: { districts: project.districts }, after: { districts } });
    return presentProject(tx, row);
  });
}
