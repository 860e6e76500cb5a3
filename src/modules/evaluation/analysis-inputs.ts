import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { communeAgeStructure, communes } from '../communes/schema.js';
import { surveyResponses, surveyStrata } from '../surveys/schema.js';
import { latestFrozenQuestionnaire } from '../surveys/survey-state.js';
import type { AnalysisRow } from '../surveys/policy.js';
import type { Definition } from '../surveys/questionnaire-definition.js';
import { analysisWeightings, DEFAULT_SETTINGS } from './schema.js';
import type { ResponseRow } from './survey-data.js';
import type { PopulationSources } from './weighting.js';
import type { TCalibrationSettings, TMixing, TPublicationRules } from './evaluation.types.js';

type WeightingRow = typeof analysisWeightings.$inferSelect;

export interface AnalysisInputs {
  project: AnalysisRow;
  communeName: string;
  responses: ResponseRow[];
  definition: Definition | null;
  sources: PopulationSources;
  settings: TCalibrationSettings;
  publication: TPublicationRules;
  weighting: WeightingRow | null;
  /** Answers stored from the mixing pool, and k: below k none of them is used (nor shown). */
  mixing: TMixing;
}

export function settingsOf(row: WeightingRow | null, hasStrata: boolean): TCalibrationSettings {
  return {
    design: row?.design ?? (hasStrata ? 'stratified' : 'simple'),
    calibration: row?.calibration ?? DEFAULT_SETTINGS.calibration,
    variables: row?.variables ?? [...DEFAULT_SETTINGS.variables],
    epsilon: row?.epsilon ?? DEFAULT_SETTINGS.epsilon,
    maxIterations: row?.maxIterations ?? DEFAULT_SETTINGS.maxIterations,
    trimLower: row?.trimLower ?? null,
    trimUpper: row?.trimUpper ?? null,
  };
}

/**
 * Everything an analysis' statistics need, read in a handful of queries. Answers count only once at least k
 * have left the mixing pool, so findings, report and wave comparisons never show a smaller set.
 */
export async function loadAnalysisInputs(db: Db, project: AnalysisRow): Promise<AnalysisInputs> {
  const [commune] = await db.select({ name: communes.name, population: communes.population }).from(communes).where(eq(communes.ags, project.ags));
  const rows = await db.select({ answers: surveyResponses.answers, stratumKey: surveyResponses.stratumKey }).from(surveyResponses)
    .where(eq(surveyResponses.projectId, project.id)).orderBy(asc(surveyResponses.submittedOn), asc(surveyResponses.id));
  const frozen = await latestFrozenQuestionnaire(db, project.id);
  const strata = await db.select().from(surveyStrata).where(eq(surveyStrata.projectId, project.id)).orderBy(asc(surveyStrata.key));
  const [structure] = await db.select().from(communeAgeStructure).where(eq(communeAgeStructure.ags, project.ags));
  const [weighting] = await db.select().from(analysisWeightings).where(eq(analysisWeightings.projectId, project.id));
  const adults = structure ? structure.cells.reduce((s, c) => s + c.count, 0) : null;
  return {
    project,
    communeName: commune?.name ?? project.ags,
    responses: rows.length >= project.mixThreshold ? rows.map((r) => ({ answers: r.answers, stratumKey: r.stratumKey })) : [],
    definition: (frozen?.definition as Definition | undefined) ?? null,
    sources: {
      strata: strata.map((s) => ({ key: s.key, district: s.district, ageGroup: s.ageGroup, sex: s.sex, population: s.population, sampleSize: s.sampleSize })),
      districts: project.districts,
      ageStructure: structure ? { cells: structure.cells, source: structure.source, referenceDate: structure.referenceDate } : null,
      population: adults ?? commune?.population ?? null,
    },
    settings: settingsOf(weighting ?? null, strata.length > 0),
    publication: {
      minRespondents: weighting?.minRespondents ?? DEFAULT_SETTINGS.minRespondents,
      minClusterSize: weighting?.minClusterSize ?? DEFAULT_SETTINGS.minClusterSize,
      clusterRadiusM: weighting?.clusterRadiusM ?? DEFAULT_SETTINGS.clusterRadiusM,
    },
    weighting: weighting ?? null,
    mixing: { mixed: rows.length, threshold: project.mixThreshold },
  };
}
