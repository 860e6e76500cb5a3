import { and, asc, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { consultationTasks } from '../schema.js';
import type { TTask } from './consultations.types.js';

/** Open follow-up tasks, earliest due first (optionally only those due by a day). */
export async function listOpenTasks(db: Db, dueBy?: string): Promise<TTask[]> {
  const where = [isNull(consultationTasks.doneOn)];
  if (dueBy) where.push(lte(consultationTasks.dueOn, dueBy));
  return db.select().from(consultationTasks).where(and(...where)).orderBy(asc(consultationTasks.dueOn));
}
