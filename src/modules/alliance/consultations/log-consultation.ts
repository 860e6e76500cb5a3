import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { recordAllianceAudit } from '../audit.js';
import { consultationCommunes, consultations, consultationTasks } from '../schema.js';
import { checkConsultationInput } from './check-consultation.js';
import { getConsultation } from './consultation.js';
import type { TConsultationInput, TConsultationRecord } from './consultations.types.js';

export async function logConsultation(db: Db, ctx: AuditContext, input: TConsultationInput): Promise<TConsultationRecord> {
  const staffUserId = input.staffUserId ?? ctx.actorId!;
  return db.transaction(async (tx) => {
    await checkConsultationInput(tx, { ...input, staffUserId });
    const [row] = await tx.insert(consultations).values({
      heldOn: input.heldOn, staffUserId, format: input.format, topics: [...new Set(input.topics)], notes: input.notes, createdBy: ctx.actorId,
    }).returning();
    await tx.insert(consultationCommunes).values([...new Set(input.communes)].map((ags) => ({ consultationId: row!.id, ags })));
    if (input.tasks.length) await tx.insert(consultationTasks).values(input.tasks.map((t) => ({ ...t, consultationId: row!.id })));
    const after = await getConsultation(tx, row!.id);
    await recordAllianceAudit(tx, ctx, { action: 'consultation.logged', entityType: 'consultation', entityId: row!.id, after });
    return after;
  });
}
