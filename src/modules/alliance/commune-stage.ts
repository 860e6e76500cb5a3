import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notFound } from '../../server/http/problem.js';
import { figureContext } from '../../server/figures.js';
import { communeMilestones } from './schema.js';
import { allianceFacts, stageOn } from './facts.js';
import { presentMilestone } from './record-milestone.js';
import { STAGE_LABELS } from './stages.js';

/** A commune's stage on a day, its dated stage history and the recorded milestones. */
export async function communeStage(db: Db, ags: string, asOf: string) {
  const facts = await allianceFacts(figureContext(db));
  const f = facts.byAgs.get(ags);
  if (!f) throw notFound(`Es gibt keine sächsische Gemeinde mit dem AGS ${ags}.`);
  const history = facts.histories.get(ags) ?? [];
  const stage = stageOn(history, asOf);
  const milestones = await db.select().from(communeMilestones).where(eq(communeMilestones.ags, ags)).orderBy(asc(communeMilestones.occurredOn));
  return {
    ags, name: f.name, asOf, stage, stageLabel: stage ? STAGE_LABELS[stage] : null, modelCommune: f.model,
    history: history.map((h) => ({ ...h, label: STAGE_LABELS[h.stage] })),
    milestones: milestones.map(presentMilestone),
  };
}
