import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { unprocessable } from '../../server/http/problem.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { samplePersons, surveySamples } from './schema.js';
import type { TPersonalDataDeleted } from './surveys.types.js';

/** Data minimisation: names, addresses and plain codes go; the hashed code table and the strata counts stay. */
export async function deletePersonalData(db: Db, ctx: AuditContext, project: AnalysisRow): Promise<TPersonalDataDeleted> {
  return db.transaction(async (tx) => {
    const [sample] = await tx.select().from(surveySamples).where(eq(surveySamples.projectId, project.id));
    if (!sample?.lettersAt) throw unprocessable('letters_not_produced', 'Namen und Adressen werden erst gelöscht, wenn die Anschreiben erstellt sind.');
    const gone = await tx.delete(samplePersons).where(eq(samplePersons.projectId, project.id)).returning({ id: samplePersons.id });
    await tx.update(surveySamples).set({ personalDataDeletedAt: new Date() }).where(eq(surveySamples.projectId, project.id));
    await recordSurveysAudit(tx, ctx, { action: 'survey_sample.personal_data_deleted', entityType: 'analysis_project', entityId: project.id, after: { personsDeleted: gone.length } });
    return { personsDeleted: gone.length };
  });
}
