import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { notFound } from '../../../server/http/problem.js';
import { recordAllianceAudit } from '../audit.js';
import { fieldsOfAction } from '../schema.js';
import type { TFieldOfAction, TFieldOfActionUpdate } from './admin.types.js';

/** Rename, reorder or retire a Handlungsfeld; retired ones stay on existing records but cannot be chosen. */
export async function updateFieldOfAction(db: Db, ctx: AuditContext, id: string, input: TFieldOfActionUpdate): Promise<TFieldOfAction> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(fieldsOfAction).where(eq(fieldsOfAction.id, id));
    if (!before) throw notFound('Dieses Handlungsfeld gibt es nicht.');
    const { version, ...values } = input;
    const after = await updateVersioned(tx, fieldsOfAction, eq(fieldsOfAction.id, id), version, values, 'Das Handlungsfeld');
    await recordAllianceAudit(tx, ctx, { action: 'field_of_action.updated', entityType: 'field_of_action', entityId: id, before, after });
    return after;
  });
}
