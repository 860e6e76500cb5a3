import { z } from 'zod';
import { ZAgs, ZDate, ZId, ZText } from '../../../server/http/zod.js';
import { MILESTONE_KINDS, RECORDED_MILESTONE_KINDS, STAGES } from './stages.js';

export const ZMilestoneInput = z.object({
  ags: ZAgs, occurredOn: ZDate, kind: z.enum(RECORDED_MILESTONE_KINDS),
  stage: z.enum(STAGES).nullable().default(null),
  amountEur: z.number().positive().max(100_000_000).nullable().default(null),
  note: ZText(2000).default(''),
});
export const ZMilestoneParams = z.object({ id: ZId });
export const ZMilestone = z.object({
  id: z.string(), ags: z.string(), occurredOn: z.string(), kind: z.enum(MILESTONE_KINDS), stage: z.enum(STAGES).nullable(),
  amountEur: z.number().nullable(), note: z.string(), createdAt: z.string(),
});
export const ZStageChange = z.object({ date: z.string(), stage: z.enum(STAGES), label: z.string(), corrected: z.boolean(), note: z.string() });
export const ZCommuneStage = z.object({
  ags: z.string(), name: z.string(), asOf: z.string(), stage: z.enum(STAGES).nullable(), stageLabel: z.string().nullable(),
  modelCommune: z.boolean(), history: z.array(ZStageChange), milestones: z.array(ZMilestone),
  /** What the viewer may do with the commune's alliance records (e.g. record milestones). */
  can: z.object({ readInternal: z.boolean(), manage: z.boolean() }),
});

export type TMilestoneInput = z.infer<typeof ZMilestoneInput>;
export type TMilestone = z.infer<typeof ZMilestone>;
export type TCommuneStage = z.infer<typeof ZCommuneStage>;
