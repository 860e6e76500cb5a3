import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { fieldsOfAction } from '../schema.js';
import type { TFieldOfAction } from './admin.types.js';

/** The Handlungsfelder in their order, retired ones included. */
export const listFieldsOfAction = (db: Db): Promise<TFieldOfAction[]> => db.select().from(fieldsOfAction).orderBy(asc(fieldsOfAction.sortOrder), asc(fieldsOfAction.label));

/** One Handlungsfeld, or undefined (the policy's subject loader). */
export async function loadFieldOfAction(db: Db, id: string): Promise<TFieldOfAction | undefined> {
  return (await db.select().from(fieldsOfAction).where(eq(fieldsOfAction.id, id)))[0];
}
