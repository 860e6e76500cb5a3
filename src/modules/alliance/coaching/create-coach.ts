import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { recordAllianceAudit } from '../audit.js';
import { coaches } from '../schema.js';
import { checkCoach, getCoach } from './coaches.js';
import type { TCoach, TCoachInput } from './coaching.types.js';

/** Takes a coach into the pool. */
export async function createCoach(db: Db, ctx: AuditContext, input: TCoachInput): Promise<TCoach> {
  return db.transaction(async (tx) => {
    await checkCoach(tx, input);
    const [row] = await tx.insert(coaches).values(input).returning();
    const after = await getCoach(tx, row!.id);
    await recordAllianceAudit(tx, ctx, { action: 'coach.created', entityType: 'coach', entityId: row!.id, after });
    return after;
  });
}
