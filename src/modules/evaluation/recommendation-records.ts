import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notFound, unprocessable } from '../../server/http/problem.js';
import { fieldsOfAction } from '../alliance/schema.js';
import { recommendations } from './schema.js';

/** A recommendation of the analysis (another analysis' recommendation is not found). */
export async function recommendationOf(db: Db, projectId: string, id: string) {
  const [row] = await db.select().from(recommendations).where(and(eq(recommendations.id, id), eq(recommendations.projectId, projectId)));
  if (!row) throw notFound('Diese Handlungsempfehlung gibt es nicht.');
  return row;
}

/** A recommendation names an active Handlungsfeld. */
export async function checkFieldOfAction(db: Db, id: string) {
  const [f] = await db.select().from(fieldsOfAction).where(eq(fieldsOfAction.id, id));
  if (!f || !f.active) throw unprocessable('field_of_action_unknown', `Das Handlungsfeld „${id}“ gibt es nicht (mehr).`, 'fieldOfAction');
}
