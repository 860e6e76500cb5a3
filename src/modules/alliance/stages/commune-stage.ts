import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { figureContext, type CommuneStage } from '../../../server/figures.js';
import type { communes } from '../../communes/schema.js';
import { communeMilestones } from '../schema.js';
import { allianceCommunePolicy } from '../policy.js';
import { allianceFacts, stageOn } from './facts.js';
import { presentMilestone } from './record-milestone.js';
import { STAGE_LABELS } from './stages.js';
import type { TCommuneStage } from './stages.types.js';

/** A commune's stage on a day, its dated stage history and the recorded milestones. */
export async function communeStage(db: Db, actor: Actor | null, commune: typeof communes.$inferSelect, asOf: string): Promise<TCommuneStage> {
  const facts = await allianceFacts(figureContext(db));
  const history = facts.histories.get(commune.ags) ?? [];
  const stage = stageOn(history, asOf);
  const milestones = await db.select().from(communeMilestones).where(eq(communeMilestones.ags, commune.ags)).orderBy(asc(communeMilestones.occurredOn));
  return {
    ags: commune.ags, name: commune.name, asOf, stage, stageLabel: stage ? STAGE_LABELS[stage] : null, modelCommune: facts.byAgs.get(commune.ags)?.model ?? false,
    history: history.map((h) => ({ ...h, label: STAGE_LABELS[h.stage] })),
    milestones: milestones.map(presentMilestone),
    can: await allianceCommunePolicy.can(db, actor, commune),
  };
}

/** The stage that heads the commune's Bilanz (the core's aggregation asks the alliance). */
export async function bilanzStage(db: Db, ags: string, asOf: string): Promise<CommuneStage> {
  const stage = stageOn((await allianceFacts(figureContext(db))).histories.get(ags), asOf);
  return { stage, stageLabel: stage ? STAGE_LABELS[stage] : null };
}
