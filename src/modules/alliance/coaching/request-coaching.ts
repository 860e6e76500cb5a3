import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import type { Actor } from '../../../server/auth/roles.js';
import { forbidden, unprocessable } from '../../../server/http/problem.js';
import { todayIso } from '../../../lib/dates.js';
import { recordAllianceAudit } from '../audit.js';
import { mayRequestCoaching } from '../policy.js';
import { coachingProcesses } from '../schema.js';
import { checkTopics, requireCommunes, usersWithRole } from '../lookups.js';
import { getProcess } from './coaching.js';
import type { TCoachingProcessRecord, TCoachingRequest } from './coaching.types.js';

/** The coachee is the commune's coordinator: a user with the commune role for that commune. */
async function checkCoachee(db: Db, ags: string, coacheeUserId: string | null) {
  if (!coacheeUserId) return;
  if (!(await usersWithRole(db, ['commune'], ags)).some((u) => u.id === coacheeUserId)) {
    throw unprocessable('coachee_not_coordinator', 'Gecoacht wird die Koordinatorin oder der Koordinator der Kommune; die gewählte Person ist für diese Kommune nicht eingetragen.', 'coacheeUserId');
  }
}

/** A commune asks for coaching (or the LPR records the request for it). */
export async function requestCoaching(db: Db, ctx: AuditContext, actor: Actor | null, input: TCoachingRequest): Promise<TCoachingProcessRecord> {
  if (!(await mayRequestCoaching(db, actor, input.ags))) throw forbidden('Coaching kann nur für die eigene Kommune angefragt werden.');
  const requestedOn = input.requestedOn ?? todayIso();
  if (requestedOn > todayIso()) throw unprocessable('date_in_future', 'Das Anfragedatum liegt in der Zukunft.', 'requestedOn');
  return db.transaction(async (tx) => {
    await requireCommunes(tx, [input.ags], 'ags');
    await checkTopics(tx, input.topics);
    await checkCoachee(tx, input.ags, input.coacheeUserId);
    const [row] = await tx.insert(coachingProcesses).values({
      ags: input.ags, requestedOn, requestedBy: ctx.actorId, reason: input.reason, topics: [...new Set(input.topics)],
      coacheeUserId: input.coacheeUserId, coacheeName: input.coacheeName,
    }).returning();
    const after = await getProcess(tx, row!.id);
    await recordAllianceAudit(tx, ctx, { action: 'coaching.requested', entityType: 'coaching_process', entityId: row!.id, after });
    return after;
  });
}
