import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { consultationCommunes, consultations, consultationTasks } from './schema.js';
import { checkConsultationInput } from './check-consultation.js';
import { getConsultation } from './consultations.js';

export interface ConsultationInput {
  heldOn: string; staffUserId?: string; format: string; communes: string[]; topics: string[]; notes: string;
  tasks: { title: string; dueOn: string; assignee: string }[];
}

export async function logConsultation(db: Db, ctx: AuditContext, input: ConsultationInput) {
  const staffUserId = input.staffUserId ?? ctx.actorId!;
  return db.transaction(async (tx) => {
    await checkConsultationInput(tx, { ...input, staffUserId });
    const [row] = await tx.insert(consultations).values({
      heldOn: input.heldOn, staffUserId, format: input.format, topics: [...new Set(input.topics)], notes: input.notes, createdBy: ctx.actorId,
    }).returning();
    await tx.insert(consultationCommunes).values([...new Set(input.communes)].map((ags) => ({ consultationId: row!.id, ags })));
    if (input.tasks.length) await tx.insert(consultationTasks).values(input.tasks.map((t) => ({ ...t, consultationId: row!.id })));
    const after = await getConsultation(tx, row!.id);
    await recordAudit(tx, ctx, { action: 'consultation.logged', entityType: 'consultation', entityId: row!.id, after });
    return after;
  });
}
