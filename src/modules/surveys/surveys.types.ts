/**
 * The surveys module's API shapes, per resource: request schemas (what the routes accept) and response
 * schemas with their inferred `T…` types (what the use cases return and the web imports).
 */
import { z } from 'zod';
import { ZListQuery, ZPage } from '../../server/http/paging.js';
import { ZAgs, ZGeometry } from '../communes/communes.types.js';
import { MIN_MIX_THRESHOLD } from './schema.js';
import { PAPER_ENTRY_STATUSES, PHASE_STATUSES, PROJECT_STATUSES, QUESTIONNAIRE_STATUSES } from './states.js';
import { labelled, ZDate, ZInt, ZJson, ZString, ZVersion } from '../../server/http/zod.js';

/** A file the route sends as a download (documented in OpenAPI; the body is the file itself). */
const ZDownload = (what: string) => z.any().describe(what);

// --- Texts and items (the item bank) ---

/** A text in German and English. */
export const ZBilingual = z.object({ de: z.string(), en: z.string() });
export const ZScaleValue = z.object({ value: z.number().int(), label: ZBilingual });
export const ITEM_KINDS = ['single', 'matrix', 'multi', 'text', 'fearplaces', 'district'] as const;
/** What an item asks and how it is answered (every version of an item in the bank has its own). */
export const ZItemContentData = z.object({
  dimension: z.string(),
  kind: z.enum(ITEM_KINDS),
  wording: ZBilingual,
  /** Answer options (single, matrix columns, multi). */
  scale: z.array(ZScaleValue),
  /** A "does not apply" option kept apart from the scale (e.g. "nutze ich nicht"); excluded from means. */
  notApplicable: ZScaleValue.nullable(),
  /** Sub-items of a matrix: codes like IN01_a. */
  rows: z.array(z.object({ code: z.string(), label: ZBilingual })),
});
export type TText = z.infer<typeof ZBilingual>;
export type TScaleValue = z.infer<typeof ZScaleValue>;
export type TItemContent = z.infer<typeof ZItemContentData>;

const ZTextDe = (what: string) => z.object({
  de: ZString.trim().min(1, { error: `Bitte ${what} auf Deutsch angeben.` }).max(2000),
  en: ZString.trim().max(2000).default(''),
});
const ZScaleValueInput = z.object({ value: z.number().int().min(0).max(99), label: ZTextDe('die Beschriftung') });
/** Item content as written by the LPR or in a custom question. */
export const ZItemContent = z.object({
  dimension: ZString.trim().min(1).max(40),
  kind: z.enum(ITEM_KINDS),
  wording: ZTextDe('den Fragetext'),
  scale: labelled(z.array(ZScaleValueInput).max(20).default([]), 'Antworten'),
  notApplicable: ZScaleValueInput.nullable().default(null),
  rows: labelled(z.array(z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,19}$/i, { error: 'Zeilenkürzel: Buchstaben, Ziffern, _' }), label: ZTextDe('die Zeile') })).max(30).default([]), 'Zeilen der Matrix'),
}).superRefine((c, ctx) => {
  const needsScale = c.kind === 'single' || c.kind === 'matrix' || c.kind === 'multi';
  if (needsScale && c.scale.length < 2) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'Diese Frageart braucht mindestens zwei Antwortmöglichkeiten.' });
  if (c.kind === 'matrix' && c.rows.length < 1) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'Eine Matrixfrage braucht mindestens eine Zeile.' });
  const values = [...c.scale, ...(c.notApplicable ? [c.notApplicable] : [])].map((s) => s.value);
  if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'Jeder Antwortwert darf nur einmal vorkommen.' });
});
export const ZItemCode = z.string().regex(/^[A-Z]{2}\d{2}$/, { error: 'Das Kürzel besteht aus zwei Großbuchstaben und zwei Ziffern (z. B. IN02).' });
export const ZItemCreate = z.object({ code: ZItemCode, content: ZItemContent, note: ZString.trim().max(500).default('') });
export const ZItemRevise = z.object({ content: ZItemContent, note: ZString.trim().max(500).default(''), basedOn: ZInt(1) });
export const ZItemActive = z.object({ active: z.boolean() });
export const ZCodeParams = z.object({ code: ZString.max(20) });
/** A version of an item with its content; in the list also how many versions the item has. */
export const ZItem = ZItemContentData.extend({
  code: z.string(), itemVersion: z.number().int(), active: z.boolean(), note: z.string(), createdAt: z.string(), versions: z.number().int().optional(),
});
export const ZItemList = z.object({ items: z.array(ZItem) });
export const ZItemListQuery = ZListQuery(['code'] as const, { sort: 'code', limit: 500 });
export type TItemListQuery = z.infer<typeof ZItemListQuery>;
/** A page of the item bank (newest version of each item), and the dimensions in use (for the new item's picker). */
export const ZItemPage = ZPage(ZItem).extend({ dimensions: z.array(z.string()) });
export type TItemPage = z.infer<typeof ZItemPage>;
export const ZItemActiveResult = z.object({ code: z.string(), active: z.boolean() });
export type TItem = z.infer<typeof ZItem>;
export type TItemList = z.infer<typeof ZItemList>;
export type TItemActiveResult = z.infer<typeof ZItemActiveResult>;

// --- Analysis projects (the 20-week plan and the commune's checklist) ---

export const ZProjectCreate = z.object({
  ags: ZAgs, institute: ZString.trim().min(1, { error: 'Bitte das beauftragte Institut angeben.' }).max(200), startOn: ZDate,
  title: ZString.trim().max(200).optional(), code: z.string().regex(/^[a-z0-9-]{3,60}$/, { error: 'Kürzel: Kleinbuchstaben, Ziffern und -' }).optional(),
});
export const ZProjectParams = z.object({ id: z.uuid({ error: 'Ungültige Kennung.' }) });
export const ZKeyParams = z.object({ id: z.uuid(), key: ZString.max(40) });
export const PROJECT_SORTS = ['startOn', 'title', 'commune'] as const;
/** `q`: the analysis' title or code, or its commune's name or AGS. */
export const ZProjectListQuery = ZListQuery(PROJECT_SORTS, { sort: 'startOn', dir: 'desc' }, { ags: ZAgs.optional() });
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;
export const ZPhaseUpdate = z.object({ status: z.enum(PHASE_STATUSES), version: ZVersion });
export const ZTaskUpdate = z.object({ done: z.boolean(), version: ZVersion });
export const ZComplete = z.object({ completedOn: ZDate, version: ZVersion });
export const ZDistrictsUpdate = z.object({ districts: z.array(ZString.trim().min(1).max(100)).max(100), version: ZVersion });
export const ZMixThresholdUpdate = z.object({
  mixThreshold: z.number({ error: 'Bitte eine ganze Zahl angeben.' }).int({ error: 'Bitte eine ganze Zahl angeben.' })
    .min(MIN_MIX_THRESHOLD, { error: `Mindestens ${MIN_MIX_THRESHOLD} Antworten je Mischung, sonst ließen sich Antworten zu leicht zuordnen.` })
    .max(1000, { error: 'Höchstens 1000 Antworten je Mischung.' }),
  version: ZVersion,
});

export const ZPhase = z.object({ key: z.string(), label: z.string(), startOn: z.string(), dueOn: z.string(), status: z.enum(PHASE_STATUSES), doneOn: z.string().nullable(), version: z.number().int() });
export const ZTask = z.object({ key: z.string(), label: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), version: z.number().int() });
/** An analysis project as recorded, the same for every viewer. */
export const ZProjectRecord = z.object({
  id: z.string(), code: z.string(), ags: z.string(), communeName: z.string(), title: z.string(), institute: z.string(), startOn: z.string(),
  status: z.enum(PROJECT_STATUSES), completedOn: z.string().nullable(), districts: z.array(z.string()), mixThreshold: z.number().int(),
  phases: z.array(ZPhase), tasks: z.array(ZTask),
  /** Ortsteile whose boundaries the analyst uploaded (drawn on the maps). */
  districtAreas: z.array(z.string()),
  version: z.number().int(),
});
/** What the viewer may do with the analysis (analysisPolicy's abilities). */
export const ZAnalysisCan = z.object({ read: z.boolean(), work: z.boolean(), communeTasks: z.boolean(), commission: z.boolean() });
export const ZProject = ZProjectRecord.extend({ can: ZAnalysisCan });
export const ZProjectList = ZPage(ZProject);
export type TPhase = z.infer<typeof ZPhase>;
export type TTask = z.infer<typeof ZTask>;
export type TProjectRecord = z.infer<typeof ZProjectRecord>;
export type TAnalysisCan = z.infer<typeof ZAnalysisCan>;
export type TProject = z.infer<typeof ZProject>;
export type TProjectList = z.infer<typeof ZProjectList>;

// --- Questionnaires ---

const ZBilingualInput = z.object({ de: ZString.max(5000), en: ZString.max(5000) });
export const ZElement = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), code: ZItemCode, itemVersion: ZInt(1) }),
  z.object({ type: z.literal('custom'), code: ZString.max(20), content: ZItemContent }),
  z.object({ type: z.literal('page'), title: ZBilingualInput }),
]);
export const ZQuestionnaireUpdate = z.object({ title: ZBilingualInput, intro: ZBilingualInput, elements: z.array(ZElement).max(200), version: ZVersion });
export const ZFieldPhaseStart = z.object({ version: ZVersion });

/** An element of a questionnaire: a bank item at a pinned version, an own question, or a page break. */
export const ZElementData = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), code: z.string(), itemVersion: z.number().int() }),
  z.object({ type: z.literal('custom'), code: z.string(), content: ZItemContentData }),
  z.object({ type: z.literal('page'), title: ZBilingual }),
]);
export const ZResolvedQuestion = z.object({ code: z.string(), source: z.enum(['bank', 'custom']), itemVersion: z.number().int().nullable(), content: ZItemContentData });
/** A questionnaire with item content copied in (frozen with the field phase, so it never changes after). */
export const ZDefinition = z.object({
  title: ZBilingual,
  intro: ZBilingual,
  pages: z.array(z.object({ title: ZBilingual, questions: z.array(ZResolvedQuestion) })),
  /** Ortsteile for the district question (from the register extract or entered by the analyst). */
  districts: z.array(z.string()),
  /** [west, south, east, north] of the commune, for the map question. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export const ZQuestionnaire = z.object({
  id: z.string(), projectId: z.string(), revision: z.number().int(), status: z.enum(QUESTIONNAIRE_STATUSES), title: ZBilingual, intro: ZBilingual,
  elements: z.array(ZElementData), definition: ZDefinition, surveyJson: z.record(z.string(), z.unknown()), frozenAt: z.string().nullable(), version: z.number().int(),
  /** Languages of the printable paper questionnaire (German; English when every text is translated). */
  paperLanguages: z.array(z.enum(['de', 'en'])),
});
export type TElement = z.infer<typeof ZElementData>;
export type TResolvedQuestion = z.infer<typeof ZResolvedQuestion>;
export type TDefinition = z.infer<typeof ZDefinition>;
export type TQuestionnaire = z.infer<typeof ZQuestionnaire>;

// --- Sample and letters ---

export const ZSampleOptions = z.object({
  strataBy: labelled(z.enum(['district', 'age_sex', 'district_age_sex'], { error: 'Bitte die Schichtung wählen.' }), 'Schichtung'),
  allocation: labelled(z.enum(['proportional', 'fixed'], { error: 'Bitte die Aufteilung wählen.' }), 'Aufteilung'),
  size: labelled(z.coerce.number().int().min(10, { error: 'Die Stichprobe muss mindestens 10 Personen umfassen.' }).max(50000), 'Umfang der Stichprobe'),
  seed: z.coerce.number().int().min(1).max(2 ** 31 - 2).optional(),
});
export const ZStratum = z.object({ key: z.string(), district: z.string().nullable(), ageGroup: z.string().nullable(), sex: z.string().nullable(), population: z.number().int(), sampleSize: z.number().int() });
export const ZSample = z.object({
  strataBy: z.string(), allocation: z.string(), requestedSize: z.number().int(), seed: z.number().int(), fileName: z.string(), encoding: z.string(),
  personsRead: z.number().int(), under16: z.number().int(), drawnAt: z.string(), lettersAt: z.string().nullable(), remindersAt: z.string().nullable(),
  personalDataDeletedAt: z.string().nullable(), personsStored: z.number().int(),
  strata: z.array(ZStratum),
  version: z.number().int(),
});
/** The sample, or null before one is drawn. */
export const ZSampleOrNone = ZSample.nullable();
export type TSample = z.infer<typeof ZSample>;

const ZLetterText = z.object({
  sender: ZString.trim().min(1).max(300), subject: ZString.trim().min(1, { error: 'Bitte einen Betreff angeben.' }).max(300),
  body: ZString.trim().min(1, { error: 'Bitte den Brieftext angeben.' }).max(5000), reminderBody: ZString.trim().min(1).max(5000), signature: ZString.trim().max(500),
});
export const ZLetterUpdate = ZLetterText.extend({ version: ZVersion });
export const ZLetter = z.object({ sender: z.string(), subject: z.string(), body: z.string(), reminderBody: z.string(), signature: z.string(), hasCrest: z.boolean(), version: z.number().int() });
export const LETTER_KINDS = ['invitation', 'reminder'] as const;
export const ZPaperQuestionnaireQuery = z.object({ lang: z.enum(['de', 'en'], { error: 'Sprache: de oder en.' }).default('de') });
export const ZPaperQuestionnairePdf = ZDownload('PDF: der festgeschriebene Fragebogen zum Ausdrucken, mit den Kürzeln der Papiererfassung');
export const ZLettersRequest = z.object({ kind: z.enum(LETTER_KINDS) });
export const ZLettersPdf = ZDownload('PDF: ein Brief je Person (Einladung oder Erinnerung)');
export const ZPersonalDataDeleted = z.object({ personsDeleted: z.number().int() });
export type TLetter = z.infer<typeof ZLetter>;
export type TLetterKind = (typeof LETTER_KINDS)[number];
export type TPersonalDataDeleted = z.infer<typeof ZPersonalDataDeleted>;

// --- Field phase: monitoring, paper entry, exports ---

export const ZMonitoring = z.object({
  invited: z.number().int(), returned: z.number().int(), codesUsed: z.number().int(), withoutCode: z.number().int(), responseRate: z.number(),
  byDay: z.array(z.object({ date: z.string(), online: z.number().int(), paper: z.number().int(), cumulative: z.number().int() })),
  /** The mixing pool: answers waiting for a batch of `threshold`, answers stored, batches so far. */
  mixing: z.object({ threshold: z.number().int(), waiting: z.number().int(), mixed: z.number().int(), batches: z.number().int() }),
  byStratum: z.array(z.object({ key: z.string(), district: z.string().nullable(), ageGroup: z.string().nullable(), sex: z.string().nullable(), population: z.number().int(), invited: z.number().int(), returned: z.number().int(), rate: z.number() })),
});
export type TMonitoring = z.infer<typeof ZMonitoring>;

export const ZPaperEntry = z.object({
  sheetNo: ZString.trim().min(1, { error: 'Bitte die Bogennummer angeben.' }).max(20),
  code: ZString.trim().max(20).nullable().optional(),
  answers: z.record(ZString.max(40), ZJson),
  doubleEntry: z.boolean().default(false),
});
export const ZMismatch = z.object({ field: z.string(), first: z.unknown(), second: z.unknown() });
export const ZPaperResult = z.object({ status: z.enum(['stored', ...PAPER_ENTRY_STATUSES]), mismatches: z.array(ZMismatch) });
export const ZPaperStatus = z.object({ stored: z.number().int(), pending: z.array(z.object({ sheetNo: z.string(), status: z.enum(PAPER_ENTRY_STATUSES), mismatches: z.array(ZMismatch) })) });
export type TMismatch = z.infer<typeof ZMismatch>;
export type TPaperResult = z.infer<typeof ZPaperResult>;
export type TPaperStatus = z.infer<typeof ZPaperStatus>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'codebook', 'sps'] as const;
export const ZExportQuery = z.object({ format: z.enum(EXPORT_FORMATS) });
export const ZExportFile = ZDownload('Antworten (CSV oder XLSX), Codebuch (CSV) oder SPSS-Syntax');
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

// --- The citizens' survey (public) ---

const ZCode = ZString.trim().min(1, { error: 'Bitte geben Sie Ihren Zugangscode ein.' }).max(20);
const ZAnswers = z.record(ZString.max(40), ZJson);
export const ZOpenRequest = z.object({ code: ZCode });
export const ZDraftRequest = z.object({ code: ZCode, answers: ZAnswers, page: ZInt(0, 200).optional() });
export const ZSubmitRequest = z.object({ code: ZCode, submissionId: z.uuid({ error: 'Ungültige Absende-Kennung.' }), answers: ZAnswers, survey: z.uuid().optional(), revision: ZInt(1).optional() });
export const ZOpenedSurvey = z.object({
  title: z.string(), survey: z.string(), revision: z.number().int(), surveyJson: z.record(z.string(), z.unknown()), answers: z.record(z.string(), z.unknown()),
  /** The page (0-based) the respondent was on when the answers were last saved. */
  page: z.number().int(),
  map: z.lazy(() => ZMapBase),
});
export const ZDraftSaved = z.object({ saved: z.boolean() });
export const ZSubmitResult = z.object({ status: z.enum(['received', 'already_received']) });
export type TOpenedSurvey = z.infer<typeof ZOpenedSurvey>;
export type TDraftSaved = z.infer<typeof ZDraftSaved>;
export type TSubmitStatus = z.infer<typeof ZSubmitResult>['status'];

// --- Maps (the commune with its neighbours and Ortsteile) ---

/** A named area on the map: a commune or an Ortsteil, with a point inside it for its label. */
export const ZNamedArea = z.object({ name: z.string(), geometry: ZGeometry, label: z.tuple([z.number(), z.number()]) });
/**
 * What every map of an analysis draws: the commune, its neighbours (names as orientation), the uploaded
 * Ortsteile, and the configured base map (none: the outlines alone).
 */
export const ZMapBase = z.object({
  commune: ZNamedArea.nullable(), neighbours: z.array(ZNamedArea), districts: z.array(ZNamedArea),
  baseTiles: z.string().nullable(), attribution: z.string(),
});
/** The analyst's upload: a GeoJSON FeatureCollection of Ortsteile (checked as a whole by the use case), or null to remove them. */
export const ZDistrictAreasUpload = z.object({ areas: z.unknown().describe('GeoJSON FeatureCollection (Polygon/MultiPolygon, Eigenschaft „name“) oder null'), version: ZVersion });
export type TNamedArea = z.infer<typeof ZNamedArea>;
export type TMapBase = z.infer<typeof ZMapBase>;
export type TDistrictAreasUpload = z.infer<typeof ZDistrictAreasUpload>;
