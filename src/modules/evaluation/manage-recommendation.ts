import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { unprocessable } from '../../server/http/problem.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { recommendations } from './schema.js';
import { recordEvaluationAudit } from './audit.js';
import { recommendationOf } from './recommendation-records.js';
import { fieldLabels, presentRecommendation } from './present-recommendation.js';
import { nextStates, STATE_LABELS } from './recommendation-states.js';
import type { TRecommendation, TRecommendationManage } from './evaluation.types.js';

/** The commune's management: priority and state along the allowed steps (a reason is required to reject). */
export async function manageRecommendation(db: Db, ctx: AuditContext, project: AnalysisRow, id: string, input: TRecommendationManage): Promise<TRecommendation> {
  return db.transaction(async (tx) => {
    const labels = await fieldLabels(tx);
    const current = await recommendationOf(tx, project.id, id);
    const from = current.state;
    const allowed = nextStates(from);
    if (input.state !== from && !allowed.includes(input.state)) {
      throw unprocessable('state_transition', `Von „${STATE_LABELS[from]}“ geht es nur nach ${allowed.map((s) => `„${STATE_LABELS[s]}“`).join(' oder ') || 'nirgendwohin (abgeschlossen)'}.`, 'state');
    }
    if (input.state === 'verworfen' && from !== 'verworfen' && !input.stateNote.trim()) throw unprocessable('reason_required', 'Bitte begründen Sie, warum die Empfehlung verworfen wird.', 'stateNote');
    const before = presentRecommendation(current, labels);
    const row = await updateVersioned(tx, recommendations, eq(recommendations.id, id), input.version, { priority: input.priority, state: input.state, stateNote: input.stateNote, updatedAt: new Date() }, 'Die Handlungsempfehlung');
    const after = presentRecommendation(row, labels);
    await recordEvaluationAudit(tx, ctx, { action: 'recommendation.managed', entityType: 'recommendation', entityId: id, before, after });
    return after;
  });
}
