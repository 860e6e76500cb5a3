import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { invalidField, notFound, unprocessable } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { communeMilestones } from './schema.js';
import { requireCommunes } from './lookups.js';
import type { MilestoneKind, Stage } from './stages.js';

export const presentMilestone = (m: typeof communeMilestones.$inferSelect) => ({
  id: m.id, ags: m.ags, occurredOn: m.occurredOn, kind: m.kind, stage: m.stage, amountEur: m.amountEur === null ? null : Number(m.amountEur),
  note: m.note, createdAt: m.createdAt.toISOString(),
});

/** Records a dated fact (first contact, council constituted, …) or a manual stage correction. */
export async function recordMilestone(db: Db, ctx: AuditContext, input: { ags: string; occurredOn: string; kind: MilestoneKind; stage: Stage | null; amountEur: number | null; note: string }) {
  if (input.occurredOn > todayIso()) throw unprocessable('date_in_future', 'Das Datum liegt in der Zukunft.', 'occurredOn');
  if (input.kind === 'stage_correction') {
    if (!input.stage) throw invalidField('stage', 'Bitte die Stufe angeben, auf die korrigiert wird.');
    if (!input.note.trim()) throw invalidField('note', 'Bitte begründen Sie die manuelle Korrektur.');
  } else if (input.stage) throw invalidField('stage', 'Eine Stufe gehört nur zu einer Korrektur.');
  if (input.kind === 'funding_committed' && input.amountEur === null) throw invalidField('amountEur', 'Bitte den bewilligten Betrag angeben.');
  if (input.kind !== 'funding_committed' && input.amountEur !== null) throw invalidField('amountEur', 'Ein Betrag gehört nur zu einer Förderzusage.');
  return db.transaction(async (tx) => {
    await requireCommunes(tx, [input.ags], 'ags');
    const [row] = await tx.insert(communeMilestones).values({
      ags: input.ags, occurredOn: input.occurredOn, kind: input.kind, stage: input.stage,
      amountEur: input.amountEur === null ? null : input.amountEur.toFixed(2), note: input.note, createdBy: ctx.actorId,
    }).returning();
    const after = presentMilestone(row!);
    await recordAudit(tx, ctx, { action: input.kind === 'stage_correction' ? 'commune_stage.corrected' : 'commune_milestone.recorded', entityType: 'commune_milestone', entityId: row!.id, after });
    return after;
  });
}

export async function deleteMilestone(db: Db, ctx: AuditContext, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(communeMilestones).where(eq(communeMilestones.id, id));
    if (!row) throw notFound('Diesen Eintrag gibt es nicht.');
    await tx.delete(communeMilestones).where(and(eq(communeMilestones.id, id)));
    await recordAudit(tx, ctx, { action: 'commune_milestone.deleted', entityType: 'commune_milestone', entityId: id, before: presentMilestone(row) });
  });
}
