import { z } from 'zod';
import { labelled, MAX_YEAR, MIN_YEAR, ZRequiredText, ZText, ZVersion } from '../../server/http/zod.js';
import { REPORT_STATES, ZReportSection } from './councils.types.js';

// Minutes and Präventionsbericht downloads, and the report's API shapes.

export const ZDocumentFile = z.any().describe('Das Dokument als PDF (application/pdf) oder Word-Datei (DOCX), zum Herunterladen');

const ZShare = z.number().nullable();

/** The figures of a Präventionsbericht, computed at generation and kept as they were (tables and charts). */
export const ZReportFigures = z.object({
  year: z.number().int(),
  meetings: z.object({
    total: z.number().int(),
    cancelled: z.number().int(),
    byBody: z.array(z.object({ body: z.string(), kind: z.string(), kindLabel: z.string(), held: z.number().int(), cancelled: z.number().int() })),
    /** Every meeting held, with the share of the body's members present (null: no members recorded). */
    perMeeting: z.array(z.object({ date: z.string(), body: z.string(), present: z.number().int(), excused: z.number().int(), guests: z.number().int(), members: z.number().int(), rate: ZShare })),
  }),
  attendance: z.object({ present: z.number().int(), expected: z.number().int(), rate: ZShare }),
  decisions: z.object({
    total: z.number().int(),
    untracked: z.number().int(),
    byState: z.array(z.object({ state: z.string(), label: z.string(), count: z.number().int() })),
    /** Decisions on public agenda items (the others count above but are not listed). */
    listed: z.array(z.object({ number: z.string(), text: z.string(), date: z.string(), body: z.string(), stateLabel: z.string(), dueOn: z.string().nullable() })),
    nonPublic: z.number().int(),
  }),
  workingGroups: z.array(z.object({ name: z.string(), kindLabel: z.string(), meetings: z.number().int(), decisions: z.array(z.object({ number: z.string(), text: z.string(), stateLabel: z.string() })), nonPublicDecisions: z.number().int() })),
  survey: z.object({
    analysis: z.object({ title: z.string(), year: z.string(), completedOn: z.string().nullable() }).nullable(),
    previous: z.object({ title: z.string(), year: z.string() }).nullable(),
    rows: z.array(z.object({ label: z.string(), current: ZShare, previous: ZShare, difference: ZShare, significant: z.boolean().nullable() })),
  }),
  crime: z.object({
    year: z.number().int(), previousYear: z.number().int(), source: z.string(),
    rows: z.array(z.object({ key: z.string(), label: z.string(), rate: ZShare, previousRate: ZShare, change: ZShare })),
  }).nullable(),
  recommendations: z.object({
    analysis: z.string(),
    items: z.array(z.object({ title: z.string(), fieldOfAction: z.string(), priority: z.string(), stateLabel: z.string(), stateNote: z.string(), decisions: z.array(z.string()) })),
  }).nullable(),
});
export type TReportFigures = z.infer<typeof ZReportFigures>;

export const ZGenerateReportInput = z.object({
  year: labelled(z.number({ error: 'Bitte ein Berichtsjahr angeben.' }).int({ error: 'Bitte ein Berichtsjahr angeben.' }).min(MIN_YEAR, { error: `Das Berichtsjahr liegt zwischen ${MIN_YEAR} und ${MAX_YEAR}.` }).max(MAX_YEAR, { error: `Das Berichtsjahr liegt zwischen ${MIN_YEAR} und ${MAX_YEAR}.` }), 'Berichtsjahr'),
  /** Regenerating a draft: keep the title, foreword and the sections' edited texts (only the figures are computed anew). */
  keepTexts: labelled(z.boolean(), 'Bearbeitete Texte behalten').default(false),
});
export type TGenerateReportInput = z.infer<typeof ZGenerateReportInput>;

export const ZReportUpdate = z.object({
  title: labelled(ZRequiredText(300, 'Titel'), 'Titel'),
  foreword: labelled(ZText(20_000), 'Vorwort'),
  sections: labelled(z.array(ZReportSection.extend({ key: z.string().max(60), title: labelled(ZRequiredText(200, 'Überschrift'), 'Überschrift'), text: labelled(ZText(50_000), 'Text des Abschnitts') })).max(30), 'Abschnitte'),
  version: ZVersion,
});
export type TReportUpdate = z.infer<typeof ZReportUpdate>;

export const ZPublishReportInput = z.object({ version: ZVersion });

export const ZCouncilReport = z.object({
  id: z.string(), councilId: z.string(), year: z.number().int(), state: z.enum(REPORT_STATES), stateLabel: z.string(),
  title: z.string(), foreword: z.string(), sections: z.array(ZReportSection), figures: ZReportFigures,
  generatedAt: z.string(), publishedAt: z.string().nullable(), updatedAt: z.string(), version: z.number().int(),
  downloads: z.object({ pdf: z.string(), docx: z.string() }),
});
export type TCouncilReport = z.infer<typeof ZCouncilReport>;

const ZReportSummary = ZCouncilReport.pick({ id: true, year: true, state: true, stateLabel: true, title: true, generatedAt: true, publishedAt: true, version: true, downloads: true });
export const ZCouncilReportList = z.object({ items: z.array(ZReportSummary), can: z.object({ manage: z.boolean() }) });
export const ZPublicReportList = z.object({ items: z.array(ZReportSummary.omit({ state: true, stateLabel: true, version: true })) });
