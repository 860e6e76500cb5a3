import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { invalidField, unprocessable } from '../../../server/http/problem.js';
import { todayIso } from '../../../lib/dates.js';
import { communeMilestones } from '../schema.js';
import { requireCommunes } from '../lookups.js';
import { recordAllianceAudit } from '../audit.js';
import type { MilestoneKind, Stage } from './stages.js';
import type { TMilestone, TMilestoneInput } from './stages.types.js';

export const presentMilestone = (m: typeof communeMilestones.$inferSelect): TMilestone => ({
  id: m.id, ags: m.ags, occurredOn: m.occurredOn, kind: m.kind as MilestoneKind, stage: m.stage as Stage | null, amountEur: m.amountEur === null ? null : Number(m.amountEur),
  note: m.note, createdAt: m.createdAt.toISOString(),
});

/** Records a dated fact (first contact, council constituted, …) or a manual stage correction. */
export async function recordMilestone(db: Db, ctx: AuditContext, input: TMilestoneInput): Promise<TMilestone> {
  if (input.occurredOn > todayIso()) throw unprocessable('date_in_future', 'Das Datum liegt in der Zukunft.', 'occurredOn');
  if (input.kind === 'stage_correction') {
    if (!input.stage) throw invalidField('stage', 'Bitte die Stufe angeben, auf die korrigiert wird.', 'Stufe');
    if (!input.note.trim()) throw invalidField('note', 'Bitte begründen Sie die manuelle Korrektur.', 'Begründung der Korrektur');
  } else if (input.stage) throw invalidField('stage', 'Eine Stufe gehört nur zu einer Korrektur.', 'Stufe');
  if (input.kind === 'funding_committed' && input.amountEur === null) throw invalidField('amountEur', 'Bitte den bewilligten Betrag angeben.', 'Betrag in Euro');
  if (input.kind !== 'funding_committed' && input.amountEur !== null) throw invalidField('amountEur', 'Ein Betrag gehört nur zu einer Förderzusage.', 'Betrag in Euro');
  return db.transaction(async (tx) => {
    await requireCommunes(tx, [input.ags], 'ags');
    const [row] = await tx.insert(communeMilestones).values({
      ags: input.ags, occurredOn: input.occurredOn, kind: input.kind, stage: input.stage,
      amountEur: input.amountEur === null ? null : input.amountEur.toFixed(2), note: input.note, createdBy: ctx.actorId,
    }).returning();
    const after = presentMilestone(row!);
    await recordAllianceAudit(tx, ctx, { action: input.kind === 'stage_correction' ? 'commune_stage.corrected' : 'commune_milestone.recorded', entityType: 'commune_milestone', entityId: row!.id, after });
    return after;
  });
}
