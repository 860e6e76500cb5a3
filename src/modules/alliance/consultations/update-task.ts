import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { todayIso } from '../../../lib/dates.js';
import { recordAllianceAudit } from '../audit.js';
import { consultationTasks } from '../schema.js';
import type { TTask, TTaskUpdate } from './consultations.types.js';

/** Ticks a follow-up task off (today) or opens it again. */
export async function setTaskDone(db: Db, ctx: AuditContext, id: string, input: TTaskUpdate): Promise<TTask> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(consultationTasks).where(eq(consultationTasks.id, id));
    const after = await updateVersioned(tx, consultationTasks, eq(consultationTasks.id, id), input.version, { doneOn: input.done ? todayIso() : null }, 'Die Aufgabe');
    await recordAllianceAudit(tx, ctx, { action: input.done ? 'consultation_task.done' : 'consultation_task.reopened', entityType: 'consultation_task', entityId: id, before, after });
    return after;
  });
}
