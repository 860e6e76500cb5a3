import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { staleVersion, unprocessable } from '../../server/http/problem.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { recommendations } from './schema.js';
import { recordEvaluationAudit } from './audit.js';
import { recommendationOf } from './recommendation-records.js';
import { fieldLabels, presentRecommendation } from './present-recommendation.js';

/** Only an open recommendation is deleted; one taken forward is rejected with a reason instead. */
export async function deleteRecommendation(db: Db, ctx: AuditContext, project: AnalysisRow, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await recommendationOf(tx, project.id, id);
    if (row.version !== version) throw staleVersion('Die Handlungsempfehlung');
    if (row.state !== 'offen') throw unprocessable('in_use', 'Nur offene Empfehlungen können gelöscht werden; verwerfen Sie sie sonst mit Begründung.');
    await tx.delete(recommendations).where(eq(recommendations.id, id));
    await recordEvaluationAudit(tx, ctx, { action: 'recommendation.deleted', entityType: 'recommendation', entityId: id, before: presentRecommendation(row, await fieldLabels(tx)) });
  });
}
