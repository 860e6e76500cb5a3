import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { communes } from '../../communes/schema.js';
import { consultationCommunes, consultationTasks } from '../schema.js';
import type { TOpenTask } from './consultations.types.js';

/** Open follow-up tasks with their consultation's communes, earliest due first (optionally only those due by a day). */
export async function listOpenTasks(db: Db, dueBy?: string): Promise<TOpenTask[]> {
  const where = [isNull(consultationTasks.doneOn)];
  if (dueBy) where.push(lte(consultationTasks.dueOn, dueBy));
  const tasks = await db.select().from(consultationTasks).where(and(...where)).orderBy(asc(consultationTasks.dueOn), asc(consultationTasks.id));
  if (!tasks.length) return [];
  const links = await db.select({ id: consultationCommunes.consultationId, ags: communes.ags, name: communes.name }).from(consultationCommunes)
    .innerJoin(communes, eq(communes.ags, consultationCommunes.ags))
    .where(inArray(consultationCommunes.consultationId, [...new Set(tasks.map((t) => t.consultationId))])).orderBy(asc(communes.name));
  return tasks.map((t) => ({ ...t, communes: links.filter((l) => l.id === t.consultationId).map(({ ags, name }) => ({ ags, name })) }));
}
