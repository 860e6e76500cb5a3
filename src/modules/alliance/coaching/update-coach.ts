import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { recordAllianceAudit } from '../audit.js';
import { coaches } from '../schema.js';
import { checkCoach, getCoach } from './coaches.js';
import type { TCoach, TCoachUpdate } from './coaching.types.js';

/** Changes a coach (with a version check), e.g. pauses them. */
export async function updateCoach(db: Db, ctx: AuditContext, id: string, input: TCoachUpdate): Promise<TCoach> {
  return db.transaction(async (tx) => {
    const before = await getCoach(tx, id);
    await checkCoach(tx, input);
    const { version, ...values } = input;
    await updateVersioned(tx, coaches, eq(coaches.id, id), version, values, 'Der Coach');
    const after = await getCoach(tx, id);
    await recordAllianceAudit(tx, ctx, { action: 'coach.updated', entityType: 'coach', entityId: id, before, after });
    return after;
  });
}
