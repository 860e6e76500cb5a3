/**
 * From stored responses to the statistics engine's design (pure; no I/O).
 *
 * Design: the register sample's strata, design weight N_h/n_h (population over persons invited) and the
 * finite population correction N_h. A stratum with a single respondent cannot carry a variance estimate,
 * so such strata are collapsed with the others of their Ortsteil (or all of them) for the variance — the
 * usual "collapsed strata" approximation; the weights stay as drawn.
 * Calibration variables come from the register (the response's stratum) where the stratum has them,
 * else from the respondent's own answer (age SD01, sex SD02, Ortsteil SD03).
 */
import { AGE_GROUP_KEYS } from '../communes/age-structure.js';
import { createDesign, type Design } from '../../stats/design.js';
import type { TCalibrationVariable } from './evaluation.types.js';

export interface StratumInfo { key: string; district: string | null; ageGroup: string | null; sex: string | null; population: number; sampleSize: number }
export interface ResponseRow { answers: Record<string, unknown>; stratumKey: string | null }

export const SEX_KEYS = ['m', 'w'] as const;

export interface SurveyData {
  /** Responses in the design (those that could be placed in a stratum), in order. */
  rows: ResponseRow[];
  design: Design;
  /** Category per row, −1 where unknown. */
  ageGroup: Int32Array;
  sex: Int32Array;
  district: Int32Array;
  districts: string[];
  /** Responses outside every stratum, and responses without a calibration variable. */
  excluded: number;
  missingCalibration: number;
  collapsedStrata: number;
  kind: 'stratified' | 'simple';
}

const answerNumber = (a: Record<string, unknown>, code: string) => (typeof a[code] === 'number' ? (a[code] as number) : null);

function categoriesOf(row: ResponseRow, stratum: StratumInfo | undefined, districts: string[]) {
  const age = stratum?.ageGroup ?? AGE_GROUP_KEYS[(answerNumber(row.answers, 'SD01') ?? 0) - 1] ?? null;
  const sexAnswer = answerNumber(row.answers, 'SD02');
  const sex = stratum?.sex ?? (sexAnswer === 1 ? 'w' : sexAnswer === 2 ? 'm' : null);
  const district = stratum?.district ?? districts[(answerNumber(row.answers, 'SD03') ?? 0) - 1] ?? null;
  return { age, sex, district };
}

/** The stratum a response without a stored stratum falls into by its own answers, if the answers say. */
function stratumByAnswers(row: ResponseRow, strata: StratumInfo[], districts: string[]): StratumInfo | undefined {
  const { age, sex, district } = categoriesOf(row, undefined, districts);
  return strata.find((s) => (s.district === null || s.district === district) && (s.ageGroup === null || s.ageGroup === age) && (s.sex === null || s.sex === sex));
}

/** `required`: calibration variables every row needs; rows without them are left out and counted. */
export function buildSurveyData(responses: ResponseRow[], strata: StratumInfo[], districts: string[], populationForSimple: number | null, required: readonly TCalibrationVariable[] = []): SurveyData {
  const byKey = new Map(strata.map((s) => [s.key, s]));
  const placed: { row: ResponseRow; stratum: StratumInfo | undefined }[] = [];
  let excluded = 0;
  const stratified = strata.length > 0;
  let missingCalibration = 0;
  for (const row of responses) {
    const stratum = stratified ? (row.stratumKey ? byKey.get(row.stratumKey) : undefined) ?? stratumByAnswers(row, strata, districts) : undefined;
    if (stratified && !(stratum && stratum.sampleSize > 0)) { excluded++; continue; }
    const c = categoriesOf(row, stratum, districts);
    const known = { age_group: !!c.age && (AGE_GROUP_KEYS as readonly string[]).includes(c.age), sex: c.sex === 'm' || c.sex === 'w', district: !!c.district && districts.includes(c.district) };
    if (required.some((v) => !known[v])) { missingCalibration++; continue; }
    placed.push({ row, stratum });
  }
  const n = placed.length;
  const ageGroup = new Int32Array(n);
  const sex = new Int32Array(n);
  const district = new Int32Array(n);
  placed.forEach(({ row, stratum }, i) => {
    const c = categoriesOf(row, stratum, districts);
    ageGroup[i] = c.age ? AGE_GROUP_KEYS.indexOf(c.age as (typeof AGE_GROUP_KEYS)[number]) : -1;
    sex[i] = c.sex ? SEX_KEYS.indexOf(c.sex as 'm' | 'w') : -1;
    district[i] = c.district ? districts.indexOf(c.district) : -1;
  });

  if (!stratified) {
    const N = populationForSimple && populationForSimple >= n ? populationForSimple : null;
    const weights = new Float64Array(n).fill(N ? N / Math.max(n, 1) : 1);
    const design = createDesign({ weights, populationPsus: N ? Float64Array.of(N) : undefined, lonelyPsu: 'certainty' });
    return { rows: placed.map((p) => p.row), design, ageGroup, sex, district, districts, excluded, missingCalibration, collapsedStrata: 0, kind: 'simple' };
  }

  // Variance strata: the sampling strata, with single-respondent strata pooled per Ortsteil.
  const respondents = new Map<string, number>();
  for (const p of placed) respondents.set(p.stratum!.key, (respondents.get(p.stratum!.key) ?? 0) + 1);
  const varianceKey = (s: StratumInfo) => ((respondents.get(s.key) ?? 0) >= 2 ? s.key : `collapsed|${s.district ?? ''}`);
  const pooled = new Map<string, number>();
  for (const p of placed) { const k = varianceKey(p.stratum!); pooled.set(k, (pooled.get(k) ?? 0) + 1); }
  // A pool that still has one respondent joins the largest stratum.
  const largest = [...respondents.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const finalKey = (s: StratumInfo) => { const k = varianceKey(s); return (pooled.get(k) ?? 0) >= 2 ? k : largest; };
  const labels: string[] = [];
  const index = new Map<string, number>();
  const populations: number[] = [];
  for (const s of strata) {
    if (!respondents.has(s.key)) continue;
    const k = finalKey(s);
    if (!index.has(k)) { index.set(k, labels.length); labels.push(k); populations.push(0); }
    populations[index.get(k)!]! += s.population;
  }
  const weights = Float64Array.from(placed, (p) => p.stratum!.population / p.stratum!.sampleSize);
  const strataIndex = Int32Array.from(placed, (p) => index.get(finalKey(p.stratum!))!);
  const design = createDesign({ weights, strata: strataIndex, populationPsus: Float64Array.from(populations), strataLabels: labels, lonelyPsu: 'certainty' });
  const collapsedStrata = [...respondents.values()].filter((c) => c < 2).length;
  return { rows: placed.map((p) => p.row), design, ageGroup, sex, district, districts, excluded, missingCalibration, collapsedStrata, kind: 'stratified' };
}
