import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { Problem, staleVersion } from '../../../server/http/problem.js';
import { recordAllianceAudit } from '../audit.js';
import { agreements } from '../schema.js';
import { getAgreement, getAgreementRow } from './agreement.js';

/**
 * Deletes a draft that was never agreed or signed (a draft made by mistake, or for the wrong party). Anything
 * that was agreed, signed or is an amendment of a signed agreement stays (409). The audit log keeps the draft.
 */
export async function deleteAgreement(db: Db, ctx: AuditContext, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await getAgreementRow(tx, id);
    if (row.state !== 'draft' || row.inForceSince !== null) {
      const why = row.inForceSince !== null ? 'sie ist (in einer früheren Fassung) unterzeichnet' : `sie ist ${row.state === 'agreed' ? 'abgestimmt; bitte zuerst wieder öffnen' : 'nicht mehr im Entwurf'}`;
      throw new Problem(409, 'agreement_not_draft', `Nur ein Entwurf, der noch nie unterzeichnet wurde, kann gelöscht werden; ${why}.`);
    }
    const before = await getAgreement(tx, id);
    if (row.version !== version) throw staleVersion('Die Vereinbarung');
    const gone = await tx.delete(agreements).where(and(eq(agreements.id, id), eq(agreements.version, version))).returning({ id: agreements.id });
    if (!gone.length) throw staleVersion('Die Vereinbarung');
    await recordAllianceAudit(tx, ctx, { action: 'agreement.deleted', entityType: 'agreement', entityId: id, before });
  });
}
