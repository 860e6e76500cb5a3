import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { councilPapers } from './schema.js';
import type { TPaperInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';

/** A Vorlage (Beschlussvorlage, Antrag, Bericht …) that agenda items consult. */
export async function createPaper(db: Db, ctx: AuditContext, council: CouncilRow, input: TPaperInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(councilPapers).values({ councilId: council.id, ...input }).returning();
    await recordCouncilsAudit(tx, ctx, { action: 'council_paper.created', entityType: 'council_paper', entityId: row!.id, after: { ...input } });
    return row!;
  });
}
