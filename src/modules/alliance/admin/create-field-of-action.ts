import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { Problem } from '../../../server/http/problem.js';
import { recordAllianceAudit } from '../audit.js';
import { fieldsOfAction } from '../schema.js';
import type { TFieldOfAction, TFieldOfActionCreate } from './admin.types.js';

export async function createFieldOfAction(db: Db, ctx: AuditContext, input: TFieldOfActionCreate): Promise<TFieldOfAction> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(fieldsOfAction).values(input).onConflictDoNothing().returning();
    if (!row) throw new Problem(409, 'field_exists', `Das Kürzel „${input.id}“ ist schon vergeben.`, { field: 'id' });
    await recordAllianceAudit(tx, ctx, { action: 'field_of_action.created', entityType: 'field_of_action', entityId: row.id, after: row });
    return row;
  });
}
