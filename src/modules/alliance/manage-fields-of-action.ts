import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem, notFound } from '../../server/http/problem.js';
import { fieldsOfAction } from './schema.js';

export const listFieldsOfAction = (db: Db) => db.select().from(fieldsOfAction).orderBy(asc(fieldsOfAction.sortOrder), asc(fieldsOfAction.label));

export async function createFieldOfAction(db: Db, ctx: AuditContext, input: { id: string; label: string; sortOrder: number }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(fieldsOfAction).values(input).onConflictDoNothing().returning();
    if (!row) throw new Problem(409, 'field_exists', `Das Kürzel „${input.id}“ ist schon vergeben.`, { field: 'id' });
    await recordAudit(tx, ctx, { action: 'field_of_action.created', entityType: 'field_of_action', entityId: row.id, after: row });
    return row;
  });
}

/** Rename, reorder or retire a Handlungsfeld; retired ones stay on existing records but cannot be chosen. */
export async function updateFieldOfAction(db: Db, ctx: AuditContext, id: string, input: { label: string; sortOrder: number; active: boolean; version: number }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(fieldsOfAction).where(eq(fieldsOfAction.id, id));
    if (!before) throw notFound('Dieses Handlungsfeld gibt es nicht.');
    const { version, ...values } = input;
    const after = await updateVersioned(tx, fieldsOfAction, eq(fieldsOfAction.id, id), version, values, 'Das Handlungsfeld');
    await recordAudit(tx, ctx, { action: 'field_of_action.updated', entityType: 'field_of_action', entityId: id, before, after });
    return after;
  });
}
