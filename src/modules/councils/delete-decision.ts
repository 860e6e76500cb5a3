import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilDecisions } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { decisionOf, meetingOf } from './council-records.js';

/** Removes a decision recorded by mistake, while the minutes are not approved. */
export async function deleteDecision(db: Db, ctx: AuditContext, council: CouncilRow, decisionId: string, version: number) {
  const decision = await decisionOf(db, council.id, decisionId);
  const meeting = await meetingOf(db, council.id, decision.meetingId);
  if (meeting.minutesState === 'genehmigt') throw new Problem(409, 'minutes_approved', 'Das Protokoll ist genehmigt; der Beschluss bleibt erhalten.');
  await db.transaction(async (tx) => {
    await updateVersioned(tx, councilDecisions, eq(councilDecisions.id, decision.id), version, { deletedAt: new Date(), updatedAt: new Date() }, 'Der Beschluss');
    await recordCouncilsAudit(tx, ctx, { action: 'council_decision.deleted', entityType: 'council_decision', entityId: decision.id, before: { number: decision.number, text: decision.text } });
  });
}
