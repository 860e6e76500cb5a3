import { asc, eq, inArray, isNull, sql, and } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { systemContext, type AuditContext } from '../../server/audit/record.js';
import { communes } from '../communes/schema.js';
import { communeBaseName } from '../communes/official-name.js';
import { communeMilestones } from '../alliance/schema.js';
import { councils } from './schema.js';
import { insertCouncilRecord } from './insert-council-record.js';
import { freeCouncilCode } from './council-code.js';
import { recordCouncilsAudit } from './audit.js';
import { COUNCIL_CONSTITUTED, COUNCIL_REACTIVATED } from './commune-events.js';

/**
 * Takes over the council milestones the LPR recorded before councils had records of their own
 * (`commune_milestones` of kind council_constituted / council_reactivated): each becomes a council of its
 * commune ("Kommunaler Präventionsrat <Gemeinde>", code kpr-<gemeinde>, a plenary, and a state history of
 * konstituiert or reaktiviert on the milestone's day with its note), unless a council (not deleted) already
 * covers the commune; then the milestone row is deleted. Several milestones of one commune become one
 * council with that many entries. Idempotent: a second run finds no rows. Each commune in a transaction of
 * its own, audited as `council.adopted_milestone`.
 */
export async function adoptCouncilMilestones(db: Db, ctx: AuditContext = systemContext('councils-takeover')): Promise<{ adopted: number; superseded: number }> {
  const rows = await db.select({ id: communeMilestones.id, ags: communeMilestones.ags, kind: communeMilestones.kind, occurredOn: communeMilestones.occurredOn, note: communeMilestones.note, name: communes.name })
    .from(communeMilestones).innerJoin(communes, eq(communes.ags, communeMilestones.ags))
    .where(inArray(communeMilestones.kind, [COUNCIL_CONSTITUTED, COUNCIL_REACTIVATED]))
    .orderBy(asc(communeMilestones.ags), asc(communeMilestones.occurredOn), asc(communeMilestones.createdAt));
  const byAgs = new Map<string, typeof rows>();
  for (const r of rows) byAgs.set(r.ags, [...(byAgs.get(r.ags) ?? []), r]);
  let adopted = 0;
  let superseded = 0;
  for (const [ags, milestones] of byAgs) {
    await db.transaction(async (tx) => {
      // Locks the rows: two app processes starting at once take each milestone over once.
      const still = await tx.select({ id: communeMilestones.id }).from(communeMilestones).where(inArray(communeMilestones.id, milestones.map((m) => m.id))).for('update');
      if (!still.length) return;
      const live = milestones.filter((m) => still.some((s) => s.id === m.id));
      const [existing] = await tx.select({ id: councils.id, name: councils.name }).from(councils)
        .where(and(isNull(councils.deletedAt), sql`${ags} = ANY(${councils.communes})`)).limit(1);
      const milestoneView = live.map((m) => ({ id: m.id, kind: m.kind, occurredOn: m.occurredOn, note: m.note }));
      if (existing) {
        await recordCouncilsAudit(tx, ctx, { action: 'council.adopted_milestone', entityType: 'council', entityId: existing.id, before: { milestones: milestoneView }, after: { council: existing.id, superseded: true } });
        superseded++;
      } else {
        const place = communeBaseName(milestones[0]!.name);
        const name = `Kommunaler Präventionsrat ${place}`;
        const { council } = await insertCouncilRecord(tx, {
          code: await freeCouncilCode(tx, milestones[0]!.name), ags, name,
          history: live.map((m) => ({ state: m.kind === COUNCIL_REACTIVATED ? 'reaktiviert' as const : 'konstituiert' as const, effectiveOn: m.occurredOn, note: m.note })),
        });
        await recordCouncilsAudit(tx, ctx, { action: 'council.adopted_milestone', entityType: 'council', entityId: council.id, before: { milestones: milestoneView }, after: { id: council.id, code: council.code, name: council.name, ags, state: council.state } });
        adopted++;
      }
      await tx.delete(communeMilestones).where(inArray(communeMilestones.id, live.map((m) => m.id)));
    });
  }
  return { adopted, superseded };
}
