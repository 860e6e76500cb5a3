import { and, asc, count, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { page } from '../../../server/http/paging.js';
import type { Db } from '../../../server/db/client.js';
import { communes } from '../../communes/schema.js';
import { consultationCommunes, consultationTasks } from '../schema.js';
import type { TOpenTask, TOpenTasksQuery } from './consultations.types.js';

/** A page of open follow-up tasks with their consultation's communes, earliest due first (optionally only those due by a day). */
export async function listOpenTasks(db: Db, q: TOpenTasksQuery): Promise<{ items: TOpenTask[]; total: number; limit: number; offset: number }> {
  const where = [isNull(consultationTasks.doneOn)];
  if (q.dueBy) where.push(lte(consultationTasks.dueOn, q.dueBy));
  const order = q.dir === 'desc' ? desc(consultationTasks.dueOn) : asc(consultationTasks.dueOn);
  const tasks = await db.select().from(consultationTasks).where(and(...where)).orderBy(order, asc(consultationTasks.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(consultationTasks).where(and(...where));
  return page(await withCommunes(db, tasks), total?.n ?? 0, q);
}

async function withCommunes(db: Db, tasks: (typeof consultationTasks.$inferSelect)[]): Promise<TOpenTask[]> {
  if (!tasks.length) return [];
  const links = await db.select({ id: consultationCommunes.consultationId, ags: communes.ags, name: communes.name }).from(consultationCommunes)
    .innerJoin(communes, eq(communes.ags, consultationCommunes.ags))
    .where(inArray(consultationCommunes.consultationId, [...new Set(tasks.map((t) => t.consultationId))])).orderBy(asc(communes.name));
  return tasks.map((t) => ({ ...t, communes: links.filter((l) => l.id === t.consultationId).map(({ ags, name }) => ({ ags, name })) }));
}
