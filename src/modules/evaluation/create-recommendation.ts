import { eq, max } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { recommendations } from './schema.js';
import { recordEvaluationAudit } from './audit.js';
import { checkFieldOfAction } from './recommendation-records.js';
import { fieldLabels, presentRecommendation } from './present-recommendation.js';
import type { TRecommendation, TRecommendationContent } from './evaluation.types.js';

/** The analyst (or LPR) writes a recommendation; it comes last and starts as „offen“. */
export async function createRecommendation(db: Db, ctx: AuditContext, project: AnalysisRow, input: TRecommendationContent): Promise<TRecommendation> {
  await checkFieldOfAction(db, input.fieldOfAction);
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ n: max(recommendations.sortOrder) }).from(recommendations).where(eq(recommendations.projectId, project.id));
    const [row] = await tx.insert(recommendations).values({ projectId: project.id, ...input, sortOrder: (last?.n ?? 0) + 1, createdBy: ctx.actorId }).returning();
    const after = presentRecommendation(row!, await fieldLabels(tx));
    await recordEvaluationAudit(tx, ctx, { action: 'recommendation.created', entityType: 'recommendation', entityId: row!.id, after });
    return after;
  });
}
