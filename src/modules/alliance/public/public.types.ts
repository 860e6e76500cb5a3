import { z } from 'zod';
import { STAGES } from '../stages/stages.js';

export const MAP_FLAGS = ['contacted', 'modelCommune', 'agreement', 'coaching', 'safetyAnalysis', 'council'] as const;

/** A commune's public state on one day. */
export const ZMapState = z.object({
  ags: z.string(), stage: z.enum(STAGES).nullable(), stageLabel: z.string().nullable(),
  contacted: z.boolean(), modelCommune: z.boolean(), agreement: z.boolean(), coaching: z.boolean(), safetyAnalysis: z.boolean(), council: z.boolean(),
});
export const ZMap = z.object({
  asOf: z.string(),
  /** Addresses of the outlines (GeoJSON, content-addressed, cacheable for a year): communes with ags, name, districtAgs; Kreise with ags, name. */
  geometry: z.object({ communes: z.string(), districts: z.string() }),
  communes: z.array(ZMapState),
});
export const ZMapTimeline = z.object({
  from: z.string(), to: z.string(),
  /** Per commune: the days on which its public state changed, with that state. */
  communes: z.array(z.object({ ags: z.string(), changes: z.array(z.object({ date: z.string(), stage: z.enum(STAGES).nullable(), flags: z.array(z.enum(MAP_FLAGS)) })) })),
});
export const ZMapSettings = z.object({ baseTiles: z.string().nullable(), attribution: z.string(), start: z.string(), today: z.string() });

export type TMapFlag = (typeof MAP_FLAGS)[number];
export type TMap = z.infer<typeof ZMap>;
export type TMapState = z.infer<typeof ZMapState>;
export type TMapTimeline = z.infer<typeof ZMapTimeline>;
export type TMapSettings = z.infer<typeof ZMapSettings>;
