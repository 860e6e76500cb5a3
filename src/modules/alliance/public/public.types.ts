import { z } from 'zod';
import { STAGES } from '../stages/stages.js';

export const MAP_FLAGS = ['contacted', 'modelCommune', 'agreement', 'coaching', 'safetyAnalysis', 'council'] as const;

export const ZMapFeature = z.object({
  type: z.literal('Feature'), geometry: z.unknown(),
  properties: z.object({
    ags: z.string(), name: z.string(), districtAgs: z.string(), stage: z.enum(STAGES).nullable(), stageLabel: z.string().nullable(),
    contacted: z.boolean(), modelCommune: z.boolean(), agreement: z.boolean(), coaching: z.boolean(), safetyAnalysis: z.boolean(), council: z.boolean(),
  }),
});
export const ZMap = z.object({ type: z.literal('FeatureCollection'), asOf: z.string(), features: z.array(ZMapFeature) });
export const ZMapTimeline = z.object({
  from: z.string(), to: z.string(),
  /** Per commune: the days on which its public state changed, with that state. */
  communes: z.array(z.object({ ags: z.string(), changes: z.array(z.object({ date: z.string(), stage: z.enum(STAGES).nullable(), flags: z.array(z.enum(MAP_FLAGS)) })) })),
});
export const ZDistrictMap = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), geometry: z.unknown(), properties: z.object({ ags: z.string(), name: z.string() }) })),
});
export const ZMapSettings = z.object({ baseTiles: z.string().nullable(), attribution: z.string(), start: z.string(), today: z.string() });

export type TMapFlag = (typeof MAP_FLAGS)[number];
export type TMap = z.infer<typeof ZMap>;
export type TMapFeature = z.infer<typeof ZMapFeature>;
export type TMapTimeline = z.infer<typeof ZMapTimeline>;
export type TMapSettings = z.infer<typeof ZMapSettings>;
