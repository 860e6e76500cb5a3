import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { todayIso } from '../../lib/dates.js';
import { consultationTasks } from './schema.js';

export async function setTaskDone(db: Db, ctx: AuditContext, id: string, input: { done: boolean; version: number }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(consultationTasks).where(eq(consultationTasks.id, id));
    const after = await updateVersioned(tx, consultationTasks, eq(consultationTasks.id, id), input.version, { doneOn: input.done ? todayIso() : null }, 'Die Aufgabe');
    await recordAudit(tx, ctx, { action: input.done ? 'consultation_task.done' : 'consultation_task.reopened', entityType: 'consultation_task', entityId: id, before, after });
    return after;
  });
}

/** Open follow-up tasks, earliest due first (optionally only those due by a day). */
export async function listOpenTasks(db: Db, dueBy?: string) {
  const where = [isNull(consultationTasks.doneOn)];
  if (dueBy) where.push(lte(consultationTasks.dueOn, dueBy));
  return db.select().from(consultationTasks).where(and(...where)).orderBy(asc(consultationTasks.dueOn));
}
