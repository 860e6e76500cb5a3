import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { Problem, unprocessable } from '../../../server/http/problem.js';
import { recordAllianceAudit } from '../audit.js';
import { coachingFeedback } from '../schema.js';
import { getProcess, getProcessRow } from './coaching.js';
import type { TCoachingProcessRecord, TFeedbackInput } from './coaching.types.js';

/** The coachee's closing feedback: once per completed process, by the commune (or LPR on its behalf). */
export async function submitCoachingFeedback(db: Db, ctx: AuditContext, processId: string, input: TFeedbackInput): Promise<TCoachingProcessRecord> {
  return db.transaction(async (tx) => {
    const row = await getProcessRow(tx, processId);
    if (row.status !== 'completed') throw unprocessable('process_not_completed', 'Die Rückmeldung ist erst nach Abschluss des Coachings möglich.');
    const inserted = await tx.insert(coachingFeedback).values({ processId, ...input, submittedBy: ctx.actorId }).onConflictDoNothing().returning();
    if (!inserted.length) throw new Problem(409, 'feedback_exists', 'Zu diesem Coaching liegt bereits eine Rückmeldung vor.');
    await recordAllianceAudit(tx, ctx, { action: 'coaching.feedback_submitted', entityType: 'coaching_process', entityId: processId, after: { feedback: input } });
    return getProcess(tx, processId);
  });
}
