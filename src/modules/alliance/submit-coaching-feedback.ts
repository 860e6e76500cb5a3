import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { isLpr, type Actor } from '../../server/auth/roles.js';
import { Problem, notFound, unprocessable } from '../../server/http/problem.js';
import { coachingFeedback } from './schema.js';
import { getProcessRow, getVisibleProcess } from './coaching.js';
import { canSee, visibleCommunes } from './visibility.js';

/** The coachee's closing feedback: once per completed process, by the commune (or LPR on its behalf). */
export async function submitCoachingFeedback(db: Db, ctx: AuditContext, actor: Actor, processId: string, input: {
  goalsReached: number; satisfaction: number; wouldRecommend: boolean; comment: string;
}) {
  return db.transaction(async (tx) => {
    const row = await getProcessRow(tx, processId);
    if (!isLpr(actor) && !canSee(await visibleCommunes(tx, actor), row.ags)) throw notFound('Diesen Coaching-Prozess gibt es nicht.');
    if (row.status !== 'completed') throw unprocessable('process_not_completed', 'Die Rückmeldung ist erst nach Abschluss des Coachings möglich.');
    const inserted = await tx.insert(coachingFeedback).values({ processId, ...input, submittedBy: ctx.actorId }).onConflictDoNothing().returning();
    if (!inserted.length) throw new Problem(409, 'feedback_exists', 'Zu diesem Coaching liegt bereits eine Rückmeldung vor.');
    await recordAudit(tx, ctx, { action: 'coaching.feedback_submitted', entityType: 'coaching_process', entityId: processId, after: { feedback: input } });
    return getVisibleProcess(tx, actor, processId);
  });
}
