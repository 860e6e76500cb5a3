import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { staleVersion } from '../../../server/http/problem.js';
import { recordAllianceAudit } from '../audit.js';
import { consultations } from '../schema.js';
import { getConsultation } from './consultation.js';

/** Removes a consultation logged by mistake; the audit log keeps what it was. */
export async function deleteConsultation(db: Db, ctx: AuditContext, id: string, version: number) {
  await db.transaction(async (tx) => {
    const before = await getConsultation(tx, id);
    const gone = await tx.delete(consultations).where(and(eq(consultations.id, id), eq(consultations.version, version))).returning({ id: consultations.id });
    if (!gone.length) throw staleVersion('Die Beratung');
    await recordAllianceAudit(tx, ctx, { action: 'consultation.deleted', entityType: 'consultation', entityId: id, before });
  });
}
