/**
 * Weighting an analysis (pure): calibrate the design weights to population margins with the statistics
 * engine, and describe what was done for the report's methods section.
 *
 * Margins: a variable the sampling strata contain (Ortsteil, age group, sex) takes its counts from the
 * register extract (N_h summed), which is exactly the sampled population. Age group and sex otherwise
 * come from the commune's age structure in the registry (with its source), scaled to the register's
 * total so that all margins describe the same population.
 */
import { postStratify, rake, trimWeights, weightRange, type CalibrationReport, type Margin } from '../../stats/calibrate.js';
import { DesignError, type Design } from '../../stats/design.js';
import { AGE_GROUP_KEYS, type AgeStructureCell } from '../communes/age-structure.js';
import { buildSurveyData, SEX_KEYS, type ResponseRow, type StratumInfo, type SurveyData } from './survey-data.js';
import type { TCalibrationSettings, TCalibrationVariable, TMargin, TWeightingResult } from './evaluation.types.js';

export interface PopulationSources {
  strata: StratumInfo[];
  districts: string[];
  ageStructure: { cells: AgeStructureCell[]; source: string; referenceDate: string } | null;
  /** Residents 16+ (for an unstratified design's weights). */
  population: number | null;
}

export class WeightingError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
    this.name = 'WeightingError';
  }
}

const LABELS: Record<TCalibrationVariable, string> = { age_group: 'Altersgruppe', sex: 'Geschlecht', district: 'Ortsteil' };
const SEX_LABEL: Record<string, string> = { m: 'männlich', w: 'weiblich' };

function levelsOf(variable: TCalibrationVariable, districts: string[]): readonly string[] {
  return variable === 'age_group' ? AGE_GROUP_KEYS : variable === 'sex' ? SEX_KEYS : districts;
}

function codesOf(data: SurveyData, variable: TCalibrationVariable): Int32Array {
  return variable === 'age_group' ? data.ageGroup : variable === 'sex' ? data.sex : data.district;
}

const strataField = { age_group: 'ageGroup', sex: 'sex', district: 'district' } as const;

/** Population counts per level of a variable (or joint cell of several), with their source. */
function populationCounts(variables: TCalibrationVariable[], sources: PopulationSources): { counts: Map<string, number>; source: string } {
  const fromRegister = sources.strata.length > 0 && variables.every((v) => sources.strata.every((s) => s[strataField[v]] !== null));
  if (fromRegister) {
    const counts = new Map<string, number>();
    for (const s of sources.strata) {
      const key = variables.map((v) => s[strataField[v]]!).join('|');
      counts.set(key, (counts.get(key) ?? 0) + s.population);
    }
    return { counts, source: 'Melderegister-Auszug der Stichprobe (Einwohner ab 16 je Schicht)' };
  }
  if (variables.includes('district')) throw new WeightingError('Für den Ortsteil gibt es keine Randverteilung: Die Stichprobe ist nicht nach Ortsteilen geschichtet.', 'variables');
  if (!sources.ageStructure) throw new WeightingError('Für diese Gemeinde ist keine Altersstruktur (Altersgruppe × Geschlecht) hinterlegt. Bitte zuerst im Gemeindeverzeichnis erfassen.', 'variables');
  const registerTotal = sources.strata.reduce((s, x) => s + x.population, 0);
  const registryTotal = sources.ageStructure.cells.reduce((s, c) => s + c.count, 0);
  const scale = registerTotal > 0 && registryTotal > 0 ? registerTotal / registryTotal : 1;
  const counts = new Map<string, number>();
  for (const c of sources.ageStructure.cells) {
    const key = variables.map((v) => (v === 'age_group' ? c.ageGroup : c.sex)).join('|');
    counts.set(key, (counts.get(key) ?? 0) + c.count * scale);
  }
  const scaled = scale !== 1 ? `, skaliert auf die ${registerTotal.toLocaleString('de-DE')} Einwohner des Melderegister-Auszugs` : '';
  return { counts, source: `${sources.ageStructure.source} (Stand ${sources.ageStructure.referenceDate})${scaled}` };
}

/** The engine speaks English; analysts read German. */
function germanReason(error: DesignError): string {
  const cell = (error.cell ?? '').replace('=', ' ');
  switch (error.code) {
    case 'cell-empty': return `Die Gewichtung ist nicht möglich: Für „${cell}“ gibt es eine Bevölkerungszahl, aber keine Antwort. Wählen Sie weniger oder andere Gewichtungsmerkmale (z. B. Raking statt Nachschichtung).`;
    case 'margin-missing': return `Die Gewichtung ist nicht möglich: Für „${cell}“ fehlt die Bevölkerungszahl.`;
    default: return `Die Gewichtung ist nicht möglich (${error.code}).`;
  }
}

function sumWeights(w: Float64Array) { let s = 0; for (const x of w) s += x; return s; }

export function weighSurvey(responses: ResponseRow[], sources: PopulationSources, settings: TCalibrationSettings): { data: SurveyData; design: Design; result: TWeightingResult } {
  const calibrating = settings.calibration !== 'none';
  const variables = calibrating ? settings.variables : [];
  if (calibrating && !variables.length) throw new WeightingError('Bitte wählen Sie mindestens ein Gewichtungsmerkmal.', 'variables');
  const strata = settings.design === 'stratified' ? sources.strata : [];
  if (settings.design === 'stratified' && !strata.length) throw new WeightingError('Zu dieser Analyse gibt es keine geschichtete Stichprobe; wählen Sie das Design „einfache Zufallsstichprobe“.', 'design');
  const data = buildSurveyData(responses, strata, sources.districts, sources.population, variables);
  if (calibrating && data.rows.length < 2) throw new WeightingError('Für die Gewichtung gibt es zu wenige verwertbare Antworten.', 'design');

  const margins: TMargin[] = [];
  let design = data.design;
  let report: CalibrationReport = { method: 'none', iterations: 0, converged: true, maxMarginDeviation: 0, minWeight: 0, maxWeight: 0, trimmed: 0 };
  try {
    if (settings.calibration === 'rake') {
      const engineMargins: Margin[] = variables.map((variable) => {
        const levels = levelsOf(variable, sources.districts);
        const { counts, source } = populationCounts([variable], sources);
        const codes = codesOf(data, variable);
        const respondents = levels.map((_, g) => codes.reduce((s, c) => s + (c === g ? 1 : 0), 0));
        margins.push({ variable, source, cells: levels.map((l, g) => ({ label: variable === 'sex' ? SEX_LABEL[l]! : l, population: counts.get(l) ?? 0, respondents: respondents[g]! })) });
        return { cell: codes, population: Float64Array.from(levels, (l) => counts.get(l) ?? 0), labels: levels.map((l) => (variable === 'sex' ? SEX_LABEL[l]! : l)), name: LABELS[variable] };
      });
      ({ design, report } = rake(design, engineMargins, { epsilon: settings.epsilon, maxIterations: settings.maxIterations }));
    } else if (settings.calibration === 'poststratify') {
      const levelLists = variables.map((v) => levelsOf(v, sources.districts));
      const keys: string[][] = levelLists.reduce<string[][]>((acc, levels) => acc.flatMap((prefix) => levels.map((l) => [...prefix, l])), [[]]);
      const { counts, source } = populationCounts(variables, sources);
      const codes = variables.map((v) => codesOf(data, v));
      const cell = Int32Array.from({ length: data.rows.length }, (_, i) => {
        let k = 0;
        codes.forEach((c, j) => { k = k * levelLists[j]!.length + c[i]!; });
        return k;
      });
      const labels = keys.map((k) => k.map((l, j) => (variables[j] === 'sex' ? SEX_LABEL[l]! : l)).join(' × '));
      const respondents = keys.map((_, g) => cell.reduce((s, c) => s + (c === g ? 1 : 0), 0));
      margins.push({ variable: variables.length === 2 ? 'age_group×sex' : variables[0]!, source, cells: keys.map((k, g) => ({ label: labels[g]!, population: counts.get(k.join('|')) ?? 0, respondents: respondents[g]! })) });
      ({ design, report } = postStratify(design, { cell, population: Float64Array.from(keys, (k) => counts.get(k.join('|')) ?? 0), labels, name: variables.map((v) => LABELS[v]).join(' × ') }));
    }
  } catch (error) {
    if (error instanceof WeightingError) throw error;
    if (error instanceof DesignError) throw new WeightingError(germanReason(error), 'variables');
    throw error;
  }

  let trimmed = 0;
  if (settings.trimLower !== null || settings.trimUpper !== null) {
    const mean = sumWeights(design.weights) / design.n;
    const result = trimWeights(design, { lower: settings.trimLower === null ? undefined : settings.trimLower * mean, upper: settings.trimUpper === null ? undefined : settings.trimUpper * mean, strict: true });
    design = result.design;
    trimmed = result.trimmed;
  }
  const total = sumWeights(design.weights);
  let squares = 0;
  for (const w of design.weights) squares += w * w;
  const { minWeight, maxWeight } = weightRange(design.weights);
  return {
    data, design,
    result: {
      ...report, method: settings.calibration, design: data.kind, variables, margins, minWeight, maxWeight, trimmed,
      respondents: data.rows.length, excluded: data.excluded, missingCalibration: data.missingCalibration, collapsedStrata: data.collapsedStrata,
      effectiveSampleSize: squares > 0 ? (total * total) / squares : 0, trimBounds: [settings.trimLower, settings.trimUpper],
    },
  };
}
