import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { councilBodies } from './schema.js';
import type { TBodyInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { checkBodyDates, checkTheme } from './body-rules.js';

/** A sub-body: Lenkungs-/Steuerungsgruppe, Arbeitsgruppe, Fachkreis or Begleitgremium. */
export async function createBody(db: Db, ctx: AuditContext, council: CouncilRow, input: TBodyInput) {
  checkBodyDates(input);
  checkTheme(council, input.theme);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(councilBodies).values({ councilId: council.id, ...input }).returning();
    await recordCouncilsAudit(tx, ctx, { action: 'council_body.created', entityType: 'council_body', entityId: row!.id, after: { ...input } });
    return row!;
  });
}
