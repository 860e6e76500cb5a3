import { z } from 'zod';
import { ZAgs } from '../communes/communes.types.js';
import { MILESTONE_KINDS, STAGES } from './stages.js';
import { ZDate, ZText } from '../../server/http/zod.js';

export const ZIsoDate = ZDate;
export const ZIdParams = z.object({ id: z.uuid({ error: 'Ungültige Kennung.' }) });
/** A commune named in a record (AGS and name). */
export const ZCommuneRef = z.object({ ags: z.string(), name: z.string() });

// Milestones and stages ----------------------------------------------------------------------------
export const ZMilestoneInput = z.object({
  ags: ZAgs, occurredOn: ZIsoDate, kind: z.enum(MILESTONE_KINDS),
  stage: z.enum(STAGES).nullable().default(null),
  amountEur: z.number().positive().max(100_000_000).nullable().default(null),
  note: ZText(2000).default(''),
});
export const ZMilestone = z.object({
  id: z.string(), ags: z.string(), occurredOn: z.string(), kind: z.string(), stage: z.string().nullable(),
  amountEur: z.number().nullable(), note: z.string(), createdAt: z.string(),
});
export const ZStageChange = z.object({ date: z.string(), stage: z.enum(STAGES), label: z.string(), corrected: z.boolean(), note: z.string() });
export const ZCommuneStage = z.object({
  ags: z.string(), name: z.string(), asOf: z.string(), stage: z.enum(STAGES).nullable(), stageLabel: z.string().nullable(),
  modelCommune: z.boolean(), history: z.array(ZStageChange), milestones: z.array(ZMilestone),
});
export const ZAsOfQuery = z.object({ asOf: ZIsoDate.optional() });

// Figures, map, timeline ---------------------------------------------------------------------------
export const ZFigures = z.object({
  asOf: z.string(), communesAdvised: z.number(), communesCooperating: z.number(), councils: z.number(),
  agreements: z.number(), coachingProcesses: z.number(), safetyAnalyses: z.number(), fundingCommitted: z.number(),
});
export const ZFigureSeries = z.object({
  days: z.array(z.string()),
  figures: z.array(z.object({ key: z.string(), label: z.string(), unit: z.enum(['count', 'eur']), source: z.string(), values: z.array(z.number()) })),
});
export const ZSeriesQuery = z.object({ from: ZIsoDate.optional(), to: ZIsoDate.optional(), lang: z.enum(['de', 'en']).default('de') });
export const ZPressText = z.object({ asOf: z.string(), title: z.string(), text: z.string() });
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
  communes: z.array(z.object({ ags: z.string(), changes: z.array(z.object({ date: z.string(), stage: z.enum(STAGES).nullable(), flags: z.array(z.string()) })) })),
});
export const ZTimelineEntry = z.object({ date: z.string(), module: z.string(), kind: z.string(), title: z.string(), detail: z.string(), link: z.string().nullable() });
export const ZTimeline = z.object({ commune: ZCommuneRef, stage: z.enum(STAGES).nullable(), stageLabel: z.string().nullable(), entries: z.array(ZTimelineEntry) });
export const ZExportQuery = z.object({ format: z.enum(['csv', 'xlsx']), asOf: ZIsoDate.optional() });
