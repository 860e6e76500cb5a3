import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { recommendations } from './schema.js';
import { recordEvaluationAudit } from './audit.js';
import { checkFieldOfAction, recommendationOf } from './recommendation-records.js';
import { fieldLabels, presentRecommendation } from './present-recommendation.js';
import type { TRecommendation, TRecommendationUpdate } from './evaluation.types.js';

/** The analyst's (or LPR's) wording: title, text, Handlungsfeld, linked findings. */
export async function updateRecommendation(db: Db, ctx: AuditContext, project: AnalysisRow, id: string, input: TRecommendationUpdate): Promise<TRecommendation> {
  await checkFieldOfAction(db, input.fieldOfAction);
  return db.transaction(async (tx) => {
    const labels = await fieldLabels(tx);
    const before = presentRecommendation(await recommendationOf(tx, project.id, id), labels);
    const { version, ...content } = input;
    const row = await updateVersioned(tx, recommendations, eq(recommendations.id, id), version, { ...content, updatedAt: new Date() }, 'Die Handlungsempfehlung');
    const after = presentRecommendation(row, labels);
    await recordEvaluationAudit(tx, ctx, { action: 'recommendation.updated', entityType: 'recommendation', entityId: id, before, after });
    return after;
  });
}
