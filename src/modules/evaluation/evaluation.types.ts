import { z } from 'zod';
import { DEFAULT_SETTINGS } from './schema.js';
import { ZString, ZVersion } from '../../server/http/zod.js';

const ZText = z.object({ de: z.string(), en: z.string() });
export const ZCell = z.object({
  estimate: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), se: z.number().nullable(), respondents: z.number().int(), suppressed: z.boolean(),
});
const ZDomainCell = ZCell.extend({ level: z.string() });

export const ZWeightingSettingsInput = z.object({
  design: z.enum(['stratified', 'simple']),
  calibration: z.enum(['none', 'poststratify', 'rake']),
  variables: z.array(z.enum(['age_group', 'sex', 'district'])).max(3),
  epsilon: z.number().positive().max(1000).default(DEFAULT_SETTINGS.epsilon),
  maxIterations: z.number().int().min(1).max(1000).default(DEFAULT_SETTINGS.maxIterations),
  trimLower: z.number().positive({ error: 'Die untere Kappungsgrenze muss größer als 0 sein.' }).max(1, { error: 'Die untere Kappungsgrenze ist ein Vielfaches des mittleren Gewichts bis höchstens 1.' }).nullable().default(null),
  trimUpper: z.number().min(1, { error: 'Die obere Kappungsgrenze ist ein Vielfaches des mittleren Gewichts ab 1.' }).max(100).nullable().default(null),
  minRespondents: z.number().int().min(5, { error: 'Unter 5 Antworten darf nichts veröffentlicht werden.' }).max(100).default(DEFAULT_SETTINGS.minRespondents),
  minClusterSize: z.number().int().min(3, { error: 'Ein Angstraum braucht mindestens 3 Personen.' }).max(50).default(DEFAULT_SETTINGS.minClusterSize),
  clusterRadiusM: z.number().int().min(25).max(1000).default(DEFAULT_SETTINGS.clusterRadiusM),
  version: ZVersion,
});

const ZMargin = z.object({ variable: z.string(), source: z.string(), cells: z.array(z.object({ label: z.string(), population: z.number(), respondents: z.number().int() })) });
export const ZWeightingResult = z.object({
  method: z.string(), design: z.string(), variables: z.array(z.string()), margins: z.array(ZMargin), iterations: z.number().int(), converged: z.boolean(),
  maxMarginDeviation: z.number(), minWeight: z.number(), maxWeight: z.number(), trimmed: z.number().int(), respondents: z.number().int(), excluded: z.number().int(),
  missingCalibration: z.number().int(), collapsedStrata: z.number().int(), effectiveSampleSize: z.number(), trimBounds: z.tuple([z.number().nullable(), z.number().nullable()]),
});
export const ZWeighting = z.object({
  settings: ZWeightingSettingsInput.omit({ version: true }),
  result: ZWeightingResult.nullable(),
  computedAt: z.string().nullable(),
  version: z.number().int(),
  available: z.object({
    strata: z.number().int(), strataVariables: z.array(z.string()), responses: z.number().int(),
    ageStructure: z.object({ source: z.string(), referenceDate: z.string() }).nullable(),
  }),
});

const ZCluster = z.object({
  id: z.number().int(), lat: z.number(), lon: z.number(), respondents: z.number().int(), marks: z.number().int(), radiusM: z.number(),
  reasons: z.array(z.object({ value: z.number(), count: z.number().int() })), times: z.array(z.object({ value: z.number(), count: z.number().int() })),
});
const ZAreaLine = z.object({ crimeRate: z.number().nullable(), clearanceRate: z.number().nullable(), cases: z.number().int() }).nullable();
export const ZFindings = z.object({
  project: z.object({ id: z.string(), code: z.string(), title: z.string(), ags: z.string(), communeName: z.string(), status: z.string(), completedOn: z.string().nullable(), startOn: z.string(), institute: z.string() }),
  responses: z.number().int(),
  mixing: z.object({ mixed: z.number().int(), threshold: z.number().int() }),
  weighting: ZWeightingResult,
  weightingWarning: z.string().nullable(),
  publication: z.object({ minRespondents: z.number().int(), minClusterSize: z.number().int(), clusterRadiusM: z.number().int() }),
  indicators: z.array(z.object({ key: z.string(), group: z.string(), label: ZText, definition: ZText, overall: ZCell, byDistrict: z.array(ZDomainCell), byAgeGroup: z.array(ZDomainCell), bySex: z.array(ZDomainCell) })),
  incivilitiesRanked: z.array(z.string()),
  fearPlaces: z.object({ clusters: z.array(ZCluster), marksTotal: z.number().int(), marksWithoutLocation: z.number().int(), marksSuppressed: z.number().int(), respondentsWithMarks: z.number().int() }),
  crime: z.object({
    commune: z.string(), kreis: z.string(), latestYear: z.number().int(),
    total: z.object({ commune: ZAreaLine, kreis: ZAreaLine, saxony: ZAreaLine }),
    trend: z.array(z.object({ year: z.number().int(), commune: z.number().nullable(), kreis: z.number().nullable(), saxony: z.number().nullable() })),
    offences: z.array(z.object({ key: z.string(), label: z.string(), communeCases: z.number().nullable(), communeRate: z.number().nullable(), kreisRate: z.number().nullable(), saxonyRate: z.number().nullable() })),
    sources: z.array(z.object({ source: z.string(), version: z.string() })),
    populationBasis: z.string(),
  }).nullable(),
  crimeVsPerception: z.array(z.object({ label: ZText, survey: ZCell.nullable(), recorded: z.number().nullable(), recordedLabel: ZText })),
  waves: z.array(z.object({
    project: z.object({ id: z.string(), code: z.string(), title: z.string(), startOn: z.string(), status: z.string(), earlier: z.boolean() }),
    rows: z.array(z.object({ key: z.string(), label: ZText, current: ZCell, other: ZCell, difference: z.object({ estimate: z.number(), low: z.number(), high: z.number(), significant: z.boolean() }).nullable() })),
  })),
  wavesWithheld: z.boolean(),
});

const priority = z.enum(['hoch', 'mittel', 'niedrig'], { error: 'Die Priorität ist hoch, mittel oder niedrig.' });
export const ZRecommendationContent = z.object({
  title: ZString.trim().min(3, { error: 'Bitte geben Sie einen Titel an.' }).max(200),
  description: ZString.trim().min(10, { error: 'Bitte beschreiben Sie die Empfehlung (mindestens 10 Zeichen).' }).max(5000),
  fieldOfAction: ZString.min(1, { error: 'Bitte wählen Sie ein Handlungsfeld.' }).max(60),
  findings: z.array(ZString.max(60)).max(20).default([]),
  priority: priority.default('mittel'),
});
export const ZRecommendationUpdate = ZRecommendationContent.extend({ version: ZVersion });
export const ZRecommendationManage = z.object({
  priority,
  state: z.enum(['offen', 'priorisiert', 'in_umsetzung', 'umgesetzt', 'verworfen']),
  stateNote: ZString.trim().max(1000).default(''),
  version: ZVersion,
});
export const ZRecommendation = z.object({
  id: z.string(), projectId: z.string(), title: z.string(), description: z.string(), fieldOfAction: z.object({ id: z.string(), label: z.string() }),
  findings: z.array(z.string()), priority: z.string(), state: z.string(), stateLabel: z.string(), stateNote: z.string(), nextStates: z.array(z.string()),
  sortOrder: z.number().int(), createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
});

export const ZReportStatus = z.object({
  id: z.string(), status: z.enum(['queued', 'running', 'done', 'failed']), requestedAt: z.string(), finishedAt: z.string().nullable(),
  pdfBytes: z.number().int().nullable(), docxBytes: z.number().int().nullable(), error: z.string().nullable(), respondents: z.number().int().nullable(),
});
const ZBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.number().int(), text: z.string(), id: z.string().optional() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('bullets'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('table'), caption: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.string())), numeric: z.array(z.boolean()).optional(), note: z.string().optional() }),
  z.object({ kind: z.literal('chart'), svg: z.string(), alt: z.string(), bars: z.array(z.object({ label: z.string(), value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() })).optional() }),
  z.object({ kind: z.literal('note'), text: z.string() }),
  z.object({ kind: z.literal('pagebreak') }),
]);
export const ZReportModel = z.object({ title: z.string(), subtitle: z.string(), commune: z.string(), institute: z.string(), date: z.string(), blocks: z.array(ZBlock) });
export const ZProjectParams = z.object({ id: z.string().uuid({ error: 'Die Analyse-ID ist ungültig.' }) });
export const ZRecommendationParams = ZProjectParams.extend({ recommendationId: z.string().uuid({ error: 'Die Empfehlungs-ID ist ungültig.' }) });
export const ZReportParams = ZProjectParams.extend({ reportId: z.string().uuid({ error: 'Die Berichts-ID ist ungültig.' }), format: z.enum(['pdf', 'docx']) });
