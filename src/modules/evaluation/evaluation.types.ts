import { z } from 'zod';
import { DEFAULT_SETTINGS } from './schema.js';
import { labelled, ZString, ZVersion } from '../../server/http/zod.js';

const ZText = z.object({ de: z.string(), en: z.string() });

// Weighting

export const CALIBRATION_VARIABLES = ['age_group', 'sex', 'district'] as const;
export const ZCalibrationVariable = z.enum(CALIBRATION_VARIABLES);
export type TCalibrationVariable = z.infer<typeof ZCalibrationVariable>;
const ZDesign = z.enum(['stratified', 'simple']);
const ZCalibrationMethod = z.enum(['none', 'poststratify', 'rake']);

/** Design and calibration the analyst chose; trimming bounds are multiples of the mean weight (e.g. 0.3 and 3). */
export const ZCalibrationSettings = z.object({
  design: ZDesign,
  calibration: ZCalibrationMethod,
  variables: z.array(ZCalibrationVariable).max(3),
  epsilon: z.number().positive().max(1000).default(DEFAULT_SETTINGS.epsilon),
  maxIterations: z.number().int().min(1).max(1000).default(DEFAULT_SETTINGS.maxIterations),
  trimLower: z.number().positive({ error: 'Die untere Kappungsgrenze muss größer als 0 sein.' }).max(1, { error: 'Die untere Kappungsgrenze ist ein Vielfaches des mittleren Gewichts bis höchstens 1.' }).nullable().default(null),
  trimUpper: z.number().min(1, { error: 'Die obere Kappungsgrenze ist ein Vielfaches des mittleren Gewichts ab 1.' }).max(100).nullable().default(null),
});
export type TCalibrationSettings = z.infer<typeof ZCalibrationSettings>;

/** Publication rules: cells with fewer respondents are suppressed; an Angstraum needs this many people within its radius. */
export const ZPublicationRules = z.object({
  minRespondents: z.number().int().min(5, { error: 'Unter 5 Antworten darf nichts veröffentlicht werden.' }).max(100).default(DEFAULT_SETTINGS.minRespondents),
  minClusterSize: z.number().int().min(3, { error: 'Ein Angstraum braucht mindestens 3 Personen.' }).max(50).default(DEFAULT_SETTINGS.minClusterSize),
  clusterRadiusM: z.number().int().min(25).max(1000).default(DEFAULT_SETTINGS.clusterRadiusM),
});
export type TPublicationRules = z.infer<typeof ZPublicationRules>;

export const ZWeightingSettings = ZCalibrationSettings.extend(ZPublicationRules.shape);
export type TWeightingSettings = z.infer<typeof ZWeightingSettings>;
export const ZWeightingSettingsInput = ZWeightingSettings.extend({ version: ZVersion });
export type TWeightingSettingsInput = z.infer<typeof ZWeightingSettingsInput>;

const ZMargin = z.object({
  variable: z.enum([...CALIBRATION_VARIABLES, 'age_group×sex']), source: z.string(),
  cells: z.array(z.object({ label: z.string(), population: z.number(), respondents: z.number().int() })),
});
export type TMargin = z.infer<typeof ZMargin>;
export const ZWeightingResult = z.object({
  method: ZCalibrationMethod, design: ZDesign, variables: z.array(ZCalibrationVariable), margins: z.array(ZMargin), iterations: z.number().int(), converged: z.boolean(),
  maxMarginDeviation: z.number(), minWeight: z.number(), maxWeight: z.number(), trimmed: z.number().int(), respondents: z.number().int(),
  /** Responses outside every stratum, and responses without a calibration variable (both left out). */
  excluded: z.number().int(), missingCalibration: z.number().int(),
  collapsedStrata: z.number().int(),
  /** Kish's effective sample size (Σw)² / Σw²: how many unweighted answers the weighted sample is worth. */
  effectiveSampleSize: z.number(),
  trimBounds: z.tuple([z.number().nullable(), z.number().nullable()]),
});
export type TWeightingResult = z.infer<typeof ZWeightingResult>;
export const ZWeighting = z.object({
  settings: ZWeightingSettings,
  result: ZWeightingResult.nullable(),
  computedAt: z.string().nullable(),
  version: z.number().int(),
  available: z.object({
    strata: z.number().int(), strataVariables: z.array(ZCalibrationVariable), responses: z.number().int(),
    ageStructure: z.object({ source: z.string(), referenceDate: z.string() }).nullable(),
  }),
  can: z.object({ run: z.boolean() }),
});
export type TWeighting = z.infer<typeof ZWeighting>;

// Findings

/** A published estimate: without value (`suppressed`) below the publication threshold. */
export const ZCell = z.object({
  estimate: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), se: z.number().nullable(), respondents: z.number().int(), suppressed: z.boolean(),
});
export type TCell = z.infer<typeof ZCell>;
const ZDomainCell = ZCell.extend({ level: z.string() });
export type TDomainCell = z.infer<typeof ZDomainCell>;

export const INDICATOR_GROUPS = ['fear', 'cognitive', 'conative', 'places', 'incivilities', 'victimisation', 'reporting', 'trust', 'satisfaction'] as const;
export type TIndicatorGroup = (typeof INDICATOR_GROUPS)[number];
const ZIndicatorFinding = z.object({
  key: z.string(), group: z.enum(INDICATOR_GROUPS), label: ZText, definition: ZText,
  overall: ZCell, byDistrict: z.array(ZDomainCell), byAgeGroup: z.array(ZDomainCell), bySex: z.array(ZDomainCell),
});
export type TIndicatorFinding = z.infer<typeof ZIndicatorFinding>;

const ZTally = z.array(z.object({ value: z.number(), count: z.number().int() }));
const ZFearCluster = z.object({
  id: z.number().int(), lat: z.number(), lon: z.number(), respondents: z.number().int(), marks: z.number().int(),
  /** Distance from the centre to the farthest mark, rounded up to 25 m. */
  radiusM: z.number(),
  reasons: ZTally, times: ZTally,
});
export type TFearCluster = z.infer<typeof ZFearCluster>;
const ZFearPlaceSummary = z.object({
  clusters: z.array(ZFearCluster), marksTotal: z.number().int(), marksWithoutLocation: z.number().int(),
  /** Marks in groups too small to publish. */
  marksSuppressed: z.number().int(),
  respondentsWithMarks: z.number().int(),
});
export type TFearPlaceSummary = z.infer<typeof ZFearPlaceSummary>;

const ZAreaLine = z.object({ crimeRate: z.number().nullable(), clearanceRate: z.number().nullable(), cases: z.number().int() }).nullable();
const ZCrimeSection = z.object({
  commune: z.string(), kreis: z.string(), latestYear: z.number().int(),
  total: z.object({ commune: ZAreaLine, kreis: ZAreaLine, saxony: ZAreaLine }),
  trend: z.array(z.object({ year: z.number().int(), commune: z.number().nullable(), kreis: z.number().nullable(), saxony: z.number().nullable() })),
  offences: z.array(z.object({ key: z.string(), label: z.string(), communeCases: z.number().nullable(), communeRate: z.number().nullable(), kreisRate: z.number().nullable(), saxonyRate: z.number().nullable() })),
  sources: z.array(z.object({ source: z.string(), version: z.string() })),
  populationBasis: z.string(),
});
export type TCrimeSection = z.infer<typeof ZCrimeSection>;

const ZWaveComparison = z.object({
  /** The other wave; `earlier` says whether it came before this one. The difference is always later − earlier. */
  project: z.object({ id: z.string(), code: z.string(), title: z.string(), startOn: z.string(), status: z.string(), earlier: z.boolean() }),
  rows: z.array(z.object({ key: z.string(), label: ZText, current: ZCell, other: ZCell, difference: z.object({ estimate: z.number(), low: z.number(), high: z.number(), significant: z.boolean() }).nullable() })),
});
export type TWaveComparison = z.infer<typeof ZWaveComparison>;

export const ZMixing = z.object({ mixed: z.number().int(), threshold: z.number().int() });
export type TMixing = z.infer<typeof ZMixing>;

export const ZFindings = z.object({
  project: z.object({ id: z.string(), code: z.string(), title: z.string(), ags: z.string(), communeName: z.string(), status: z.string(), completedOn: z.string().nullable(), startOn: z.string(), institute: z.string() }),
  responses: z.number().int(),
  /** Answers stored from the mixing pool, and k: below k none of them is used (nor shown). */
  mixing: ZMixing,
  weighting: ZWeightingResult,
  weightingWarning: z.string().nullable(),
  publication: ZPublicationRules,
  indicators: z.array(ZIndicatorFinding),
  /** Incivility keys from the biggest problem to the smallest. */
  incivilitiesRanked: z.array(z.string()),
  fearPlaces: ZFearPlaceSummary,
  crime: ZCrimeSection.nullable(),
  crimeVsPerception: z.array(z.object({ label: ZText, survey: ZCell.nullable(), recorded: z.number().nullable(), recordedLabel: ZText })),
  waves: z.array(ZWaveComparison),
  /** Another wave could be compared, but the reader may not read it: it is left out, and the page says why. */
  wavesWithheld: z.boolean(),
});
export type TFindings = z.infer<typeof ZFindings>;

// Recommendations

export const PRIORITIES = ['hoch', 'mittel', 'niedrig'] as const;
export type TPriority = (typeof PRIORITIES)[number];
export const RECOMMENDATION_STATES = ['offen', 'priorisiert', 'in_umsetzung', 'umgesetzt', 'verworfen'] as const;
export type TRecommendationState = (typeof RECOMMENDATION_STATES)[number];

const ZPriority = z.enum(PRIORITIES, { error: 'Die Priorität ist hoch, mittel oder niedrig.' });
export const ZRecommendationContent = z.object({
  title: labelled(ZString.trim().min(3, { error: 'Bitte geben Sie einen Titel an.' }).max(200), 'Titel'),
  description: labelled(ZString.trim().min(10, { error: 'Bitte beschreiben Sie die Empfehlung (mindestens 10 Zeichen).' }).max(5000), 'Beschreibung'),
  fieldOfAction: labelled(ZString.min(1, { error: 'Bitte wählen Sie ein Handlungsfeld.' }).max(60), 'Handlungsfeld'),
  findings: labelled(z.array(ZString.max(60)).max(20).default([]), 'Bezug zu Ergebnissen'),
  priority: labelled(ZPriority.default('mittel'), 'Priorität'),
});
export type TRecommendationContent = z.infer<typeof ZRecommendationContent>;
export const ZRecommendationUpdate = ZRecommendationContent.extend({ version: ZVersion });
export type TRecommendationUpdate = z.infer<typeof ZRecommendationUpdate>;
export const ZRecommendationManage = z.object({
  priority: labelled(ZPriority, 'Priorität'),
  state: labelled(z.enum(RECOMMENDATION_STATES), 'Stand'),
  stateNote: labelled(ZString.trim().max(1000).default(''), 'Anmerkung'),
  version: ZVersion,
});
export type TRecommendationManage = z.infer<typeof ZRecommendationManage>;
export const ZRecommendation = z.object({
  id: z.string(), projectId: z.string(), title: z.string(), description: z.string(), fieldOfAction: z.object({ id: z.string(), label: z.string() }),
  findings: z.array(z.string()), priority: z.enum(PRIORITIES), state: z.enum(RECOMMENDATION_STATES), stateLabel: z.string(), stateNote: z.string(),
  nextStates: z.array(z.enum(RECOMMENDATION_STATES)), sortOrder: z.number().int(), createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;
/** `can.update`: write and edit recommendations (the analysts); `can.manage`: set priority and state (the commune). */
export const ZRecommendationList = z.object({ items: z.array(ZRecommendation), can: z.object({ update: z.boolean(), manage: z.boolean() }) });
export type TRecommendationList = z.infer<typeof ZRecommendationList>;

// Report

export const REPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type TReportState = (typeof REPORT_STATES)[number];
export const ZReportStatus = z.object({
  /** `number`: the version of the analysis' report (1, 2, …); every version stays downloadable unchanged. */
  id: z.string(), number: z.number().int(), status: z.enum(REPORT_STATES), requestedAt: z.string(), finishedAt: z.string().nullable(),
  pdfBytes: z.number().int().nullable(), docxBytes: z.number().int().nullable(), error: z.string().nullable(), respondents: z.number().int().nullable(),
});
export type TReportStatus = z.infer<typeof ZReportStatus>;
export const ZReportList = z.object({ items: z.array(ZReportStatus), can: z.object({ generate: z.boolean() }) });
export type TReportList = z.infer<typeof ZReportList>;

/** A bar of a share (0–1) with its 95 % confidence interval; suppressed bars have no values. */
export const ZShareBar = z.object({ label: z.string(), value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() });
export type TShareBar = z.infer<typeof ZShareBar>;
export const ZReportBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.literal([1, 2, 3]), text: z.string(), id: z.string().optional() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('bullets'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('table'), caption: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.string())), numeric: z.array(z.boolean()).optional(), note: z.string().optional() }),
  z.object({ kind: z.literal('chart'), svg: z.string(), alt: z.string(), bars: z.array(ZShareBar).optional() }),
  z.object({ kind: z.literal('note'), text: z.string() }),
  z.object({ kind: z.literal('pagebreak') }),
]);
export type TReportBlock = z.infer<typeof ZReportBlock>;
/** The report as document-neutral blocks: the web page, the PDF and the DOCX are three renderings of it. */
/**
 * Cover fields: `officialName` (e.g. "Stadt Schwarzenberg/Erzgeb."), `crest` (the commune's approved crest as a
 * data URL, or null: no crest), `publisher`, `edition` (the stored version's number; null on the live web page).
 * They are optional only because reports stored before the cover had them lack them.
 */
export const ZReportModel = z.object({
  title: z.string(), subtitle: z.string(), commune: z.string(), institute: z.string(), date: z.string(), blocks: z.array(ZReportBlock),
  officialName: z.string().optional(), crest: z.string().nullable().optional(), publisher: z.string().optional(), edition: z.number().int().nullable().optional(),
});
export type TReportModel = z.infer<typeof ZReportModel>;
/**
 * The report as the web page shows it: a completed analysis' latest stored version, unchanged (`frozen`), or
 * while the analysis runs, the report as it stands now (`frozen: null`).
 */
export const ZReportView = ZReportModel.extend({
  frozen: z.object({ reportId: z.string(), number: z.number().int(), finishedAt: z.string().nullable() }).nullable(),
});
export type TReportView = z.infer<typeof ZReportView>;
export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];
/** A report download: the file itself (application/pdf or the DOCX type), not JSON. */
export const ZReportFile = z.any().describe('Der Bericht als PDF (application/pdf) oder Word-Datei (DOCX), zum Herunterladen');

// Parameters

export const ZProjectParams = z.object({ id: z.string().uuid({ error: 'Die Analyse-ID ist ungültig.' }) });
export const ZRecommendationParams = ZProjectParams.extend({ recommendationId: z.string().uuid({ error: 'Die Empfehlungs-ID ist ungültig.' }) });
export const ZReportParams = ZProjectParams.extend({ reportId: z.string().uuid({ error: 'Die Berichts-ID ist ungültig.' }), format: z.enum(REPORT_FORMATS) });
