import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { notFound } from '../../../server/http/problem.js';
import { communeMilestones } from '../schema.js';
import { recordAllianceAudit } from '../audit.js';
import { presentMilestone } from './record-milestone.js';

/** Deletes a milestone recorded in error (the route has loaded it). */
export async function deleteMilestone(db: Db, ctx: AuditContext, milestone: typeof communeMilestones.$inferSelect) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(communeMilestones).where(eq(communeMilestones.id, milestone.id)).returning();
    if (!row) throw notFound('Diesen Eintrag gibt es nicht.');
    await recordAllianceAudit(tx, ctx, { action: 'commune_milestone.deleted', entityType: 'commune_milestone', entityId: row.id, before: presentMilestone(row) });
  });
}
