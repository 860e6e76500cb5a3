import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { consultationCommunes, consultationTasks } from '../schema.js';

/** A follow-up task with the communes of its consultation (the policy's subject). */
export type TaskSubject = typeof consultationTasks.$inferSelect & { communes: string[] };

export async function loadTask(db: Db, id: string): Promise<TaskSubject | undefined> {
  const [task] = await db.select().from(consultationTasks).where(eq(consultationTasks.id, id));
  if (!task) return undefined;
  const links = await db.select({ ags: consultationCommunes.ags }).from(consultationCommunes).where(eq(consultationCommunes.consultationId, task.consultationId));
  return { ...task, communes: links.map((l) => l.ags) };
}
