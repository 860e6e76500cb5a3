import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { staleVersion } from '../../server/http/problem.js';
import { consultations } from './schema.js';
import { getConsultation } from './consultations.js';

/** Removes a consultation logged by mistake; the audit log keeps what it was. */
export async function deleteConsultation(db: Db, ctx: AuditContext, id: string, version: number) {
  await db.transaction(async (tx) => {
    const before = await getConsultation(tx, id);
    const gone = await tx.delete(consultations).where(and(eq(consultations.id, id), eq(consultations.version, version))).returning({ id: consultations.id });
    if (!gone.length) throw staleVersion('Die Beratung');
    await recordAudit(tx, ctx, { action: 'consultation.deleted', entityType: 'consultation', entityId: id, before });
  });
}
