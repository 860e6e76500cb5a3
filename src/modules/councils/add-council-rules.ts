import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { councilRules } from './schema.js';
import type { TRulesInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';

/** A new version of the Geschäftsordnung; earlier versions stay readable. */
export async function addCouncilRules(db: Db, ctx: AuditContext, council: CouncilRow, input: TRulesInput) {
  return db.transaction(async (tx) => {
    // One writer at a time per council, so two new versions never get the same number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`council-rules:${council.id}`}))`);
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${councilRules.number}), 0) + 1`.mapWith(Number) }).from(councilRules).where(eq(councilRules.councilId, council.id)) as [{ next: number }];
    const [row] = await tx.insert(councilRules).values({ councilId: council.id, number: next, ...input, createdBy: ctx.actorId }).returning();
    await recordCouncilsAudit(tx, ctx, { action: 'council.rules_added', entityType: 'council', entityId: council.id, after: { number: next, adoptedOn: input.adoptedOn, note: input.note } });
    return row!;
  });
}
