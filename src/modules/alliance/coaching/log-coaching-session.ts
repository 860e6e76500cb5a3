import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { unprocessable } from '../../../server/http/problem.js';
import { todayIso } from '../../../lib/dates.js';
import { recordAllianceAudit } from '../audit.js';
import { coachingProcesses, coachingSessions } from '../schema.js';
import { getProcess, getProcessRow } from './coaching.js';
import { checkTopics } from '../lookups.js';
import type { TCoachingProcessRecord, TCoachingSessionInput } from './coaching.types.js';

/** Logs a coaching session; the first session of a matched process starts it on that day. */
export async function logCoachingSession(db: Db, ctx: AuditContext, processId: string, input: TCoachingSessionInput): Promise<TCoachingProcessRecord> {
  return db.transaction(async (tx) => {
    const row = await getProcessRow(tx, processId);
    if (row.status !== 'matched' && row.status !== 'running') throw unprocessable('process_not_running', 'Sitzungen lassen sich nur für vermittelte oder laufende Coachings erfassen.');
    if (input.heldOn > todayIso()) throw unprocessable('date_in_future', 'Die Sitzung liegt in der Zukunft; bitte nach der Sitzung erfassen.', 'heldOn');
    if (row.matchedOn && input.heldOn < row.matchedOn) throw unprocessable('date_before_match', 'Die Sitzung liegt vor der Vermittlung des Coachs.', 'heldOn');
    await checkTopics(tx, input.topics);
    const [s] = await tx.insert(coachingSessions).values({ processId, ...input, topics: [...new Set(input.topics)], createdBy: ctx.actorId }).returning();
    if (row.status === 'matched') {
      await tx.update(coachingProcesses).set({ status: 'running', startedOn: input.heldOn, version: sql`${coachingProcesses.version} + 1`, updatedAt: new Date() })
        .where(eq(coachingProcesses.id, processId));
    }
    await recordAllianceAudit(tx, ctx, { action: 'coaching.session_logged', entityType: 'coaching_process', entityId: processId, after: { session: s } });
    return getProcess(tx, processId);
  });
}
