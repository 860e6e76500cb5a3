import { z } from 'zod';
import { ZAgs, ZAsOfDate, ZDate, ZString } from '../http/zod.js';

// Figures -------------------------------------------------------------------------------------------
export const ZAsOfQuery = z.object({ asOf: ZAsOfDate.optional() });
/** Every figure's value on `asOf`, by key (the keys are the modules' figure definitions). */
export const ZFigures = z.object({ asOf: z.string() }).catchall(z.number());
export const ZSeriesQuery = z.object({ from: ZDate.optional(), to: ZDate.optional(), lang: z.enum(['de', 'en']).default('de') });
export const ZFigureSeries = z.object({
  days: z.array(z.string()),
  figures: z.array(z.object({ key: z.string(), label: z.string(), unit: z.enum(['count', 'eur']), source: z.string(), values: z.array(z.number()) })),
});
export const ZPressText = z.object({ asOf: z.string(), title: z.string(), text: z.string() });
export type TFigures = z.infer<typeof ZFigures>;
export type TFigureSeries = z.infer<typeof ZFigureSeries>;
export type TPressText = z.infer<typeof ZPressText>;

// Bilanz --------------------------------------------------------------------------------------------
export const ZCommuneParams = z.object({ ags: ZAgs });
export const ZTimelineEntry = z.object({
  date: z.string(), module: z.string(), kind: z.string(), title: z.string(), detail: z.string(),
  /** Web path to the record, if the viewer may open it. */
  link: z.string().nullable(),
});
export const ZBilanz = z.object({
  commune: z.object({ ags: z.string(), name: z.string() }),
  stage: z.string().nullable(), stageLabel: z.string().nullable(),
  entries: z.array(ZTimelineEntry),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;
export type TBilanz = z.infer<typeof ZBilanz>;

// Exports -------------------------------------------------------------------------------------------
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ZExportQuery = z.object({ format: z.enum(EXPORT_FORMATS), asOf: ZAsOfDate.optional() });
export const ZExportParams = z.object({ key: ZString.max(80) });
export const ZExportListQuery = z.object({ lang: z.enum(['de', 'en']).default('de') });
export const ZExportList = z.object({
  items: z.array(z.object({ key: z.string(), label: z.string(), formats: z.array(z.enum(EXPORT_FORMATS)), href: z.string() })),
});
export type TExportFormat = (typeof EXPORT_FORMATS)[number];
export type TExportList = z.infer<typeof ZExportList>;
/** A download (PDF, CSV, XLSX): documented as binary in the OpenAPI document. */
export const ZFile = (what: string) => z.any().describe(what);
