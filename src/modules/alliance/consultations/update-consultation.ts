import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { recordAllianceAudit } from '../audit.js';
import { consultationCommunes, consultations } from '../schema.js';
import { checkConsultationInput } from './check-consultation.js';
import { getConsultation } from './consultation.js';
import type { TConsultationRecord, TConsultationUpdate } from './consultations.types.js';

export async function updateConsultation(db: Db, ctx: AuditContext, id: string, input: TConsultationUpdate): Promise<TConsultationRecord> {
  return db.transaction(async (tx) => {
    const before = await getConsultation(tx, id);
    const staffUserId = input.staffUserId ?? before.staff.id;
    await checkConsultationInput(tx, { ...input, staffUserId }, before.topics.map((t) => t.id));
    await updateVersioned(tx, consultations, eq(consultations.id, id), input.version,
      { heldOn: input.heldOn, staffUserId, format: input.format, topics: [...new Set(input.topics)], notes: input.notes, updatedAt: new Date() }, 'Die Beratung');
    await tx.delete(consultationCommunes).where(eq(consultationCommunes.consultationId, id));
    await tx.insert(consultationCommunes).values([...new Set(input.communes)].map((ags) => ({ consultationId: id, ags })));
    const after = await getConsultation(tx, id);
    await recordAllianceAudit(tx, ctx, { action: 'consultation.updated', entityType: 'consultation', entityId: id, before, after });
    return after;
  });
}
