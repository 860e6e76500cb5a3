/**
 * Weighted means, proportions and totals with linearised standard errors, for the whole population
 * or a domain (R `svymean`, `svytotal`, `svyby`, `svyciprop`).
 *
 * A domain D is a subpopulation (an Ortsteil, an age group, …). Missing answers are handled as a
 * domain too (R's na.rm = TRUE): a row counts when it is in D and its value is present. With weights
 * w (calibrated where calibration was applied) and d_i = 1 for counted rows, 0 otherwise:
 *
 *   mean   ȳ_D = Σ d_i w_i y_i / W_D,  W_D = Σ d_i w_i,   z_i = d_i w_i (y_i − ȳ_D) / W_D
 *   total  Ŷ_D = Σ d_i w_i y_i,                          z_i = d_i w_i y_i
 *
 * and SE = √V(z) with V from variance.ts. Rows outside the domain stay in the design with z_i = 0,
 * so the variance accounts for the random domain size and every stratum keeps its n_h.
 *
 * Confidence intervals at level 1−α: means and totals θ̂ ± z_{1−α/2}·SE (R's confint); proportions on
 * the logit scale (R's svyciprop method "logit"): logit(p̂) ± t_{df,1−α/2}·SE/(p̂(1−p̂)), transformed
 * back, with df = (PSUs − strata) among the domain's rows.
 *
 * Differences: two domains of the same survey, θ̂_A − θ̂_B with z = z_A − z_B (their covariance is
 * included); two independent waves, SE = √(SE_A² + SE_B²).
 */
import { degreesOfFreedom, type Design } from './design.js';
import { qnorm, qt } from './distributions.js';
import { linearisedVariance, linearisedVarianceSparse } from './variance.js';

export interface Estimate {
  estimate: number;
  se: number;
  /** Rows counted: in the domain and with a value. */
  respondents: number;
  /** Sum of their weights (the estimated population of the domain with a value). */
  weightedCount: number;
  ci: [number, number];
}

/** Domain membership per row (1 = in the domain); null = whole sample. */
export type Domain = Uint8Array | null;

interface Linearised {
  estimate: number;
  /** The counted rows, ascending, and z at each of them; z is 0 at every other row. */
  rows: Int32Array;
  z: Float64Array;
  respondents: number;
  weightedCount: number;
}

/** Rows that count (in the domain and with a value of y), ascending, with Σ w_i y_i and Σ w_i over them in row order. */
let rowsScratch = new Int32Array(0);

function countedRows(w: Float64Array, y: Float64Array, domain: Domain): { rows: Int32Array; total: number; weightedCount: number } {
  if (rowsScratch.length < y.length) rowsScratch = new Int32Array(y.length);
  const rows = rowsScratch;
  let k = 0;
  let total = 0;
  let weightedCount = 0;
  for (let i = 0; i < y.length; i++) {
    if (domain !== null && domain[i] !== 1) continue;
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    rows[k++] = i;
    total += w[i]! * v;
    weightedCount += w[i]!;
  }
  return { rows: rows.slice(0, k), total, weightedCount };
}

function linearisedMean(design: Design, y: Float64Array, domain: Domain): Linearised {
  const w = design.weights;
  const { rows, total, weightedCount } = countedRows(w, y, domain);
  const respondents = rows.length;
  const estimate = respondents > 0 ? total / weightedCount : NaN;
  const z = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) { const i = rows[j]!; z[j] = (w[i]! * (y[i]! - estimate)) / weightedCount; }
  return { estimate, z, rows, respondents, weightedCount };
}

function linearisedTotal(design: Design, y: Float64Array, domain: Domain): Linearised {
  const w = design.weights;
  const { rows, total, weightedCount } = countedRows(w, y, domain);
  const z = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) { const i = rows[j]!; z[j] = w[i]! * y[i]!; }
  return { estimate: total, z, rows, respondents: rows.length, weightedCount };
}

/** z as one value per row. */
function dense(lin: Linearised, n: number): Float64Array {
  const z = new Float64Array(n);
  for (let j = 0; j < lin.rows.length; j++) z[lin.rows[j]!] = lin.z[j]!;
  return z;
}

function checkLength(design: Design, y: Float64Array, domain: Domain) {
  if (y.length !== design.n || (domain && domain.length !== design.n)) throw new RangeError('Variable, domain and design differ in length.');
}

function waldInterval(estimate: number, se: number, level: number): [number, number] {
  const q = qnorm(1 - (1 - level) / 2);
  return [estimate - q * se, estimate + q * se];
}

function finish(design: Design, lin: Linearised, level: number): Estimate {
  if (lin.respondents === 0) return { estimate: NaN, se: NaN, respondents: 0, weightedCount: 0, ci: [NaN, NaN] };
  const se = Math.sqrt(linearisedVarianceSparse(design, lin.rows, lin.z));
  return { estimate: lin.estimate, se, respondents: lin.respondents, weightedCount: lin.weightedCount, ci: waldInterval(lin.estimate, se, level) };
}

export function estimateMean(design: Design, y: Float64Array, domain: Domain = null, level = 0.95): Estimate {
  checkLength(design, y, domain);
  return finish(design, linearisedMean(design, y, domain), level);
}

export function estimateTotal(design: Design, y: Float64Array, domain: Domain = null, level = 0.95): Estimate {
  checkLength(design, y, domain);
  return finish(design, linearisedTotal(design, y, domain), level);
}

export interface ProportionEstimate extends Estimate {
  degreesOfFreedom: number;
}

/** Proportion of y = 1 among counted rows (y must be 0/1 or missing), with a logit confidence interval. */
export function estimateProportion(design: Design, y: Float64Array, domain: Domain = null, level = 0.95): ProportionEstimate {
  checkLength(design, y, domain);
  for (let i = 0; i < design.n; i++) {
    const v = y[i]!;
    if (!Number.isNaN(v) && v !== 0 && v !== 1) throw new RangeError(`A proportion needs 0/1 values; row ${i + 1} has ${v}.`);
  }
  const mean = finish(design, linearisedMean(design, y, domain), level);
  // As R's svyciprop: the degrees of freedom of the domain's design, rows with a missing value included.
  const df = degreesOfFreedom(design, (i) => domain === null || domain[i] === 1);
  const p = mean.estimate;
  let ci: [number, number] = [NaN, NaN];
  if (p === 0 || p === 1) ci = [p, p];
  else if (mean.respondents > 0 && df > 0) {
    const logit = Math.log(p / (1 - p));
    const half = (qt(1 - (1 - level) / 2, df) * mean.se) / (p * (1 - p));
    ci = [1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half)))];
  }
  return { ...mean, ci, degreesOfFreedom: df };
}

export interface Difference {
  estimate: number;
  se: number;
  ci: [number, number];
}

/** Mean of domain A minus mean of domain B in the same survey, with the covariance of the two. */
export function domainMeanDifference(design: Design, y: Float64Array, domainA: Domain, domainB: Domain, level = 0.95): Difference {
  checkLength(design, y, domainA);
  checkLength(design, y, domainB);
  const a = linearisedMean(design, y, domainA);
  const b = linearisedMean(design, y, domainB);
  if (a.respondents === 0 || b.respondents === 0) return { estimate: NaN, se: NaN, ci: [NaN, NaN] };
  const za = dense(a, design.n);
  const zb = dense(b, design.n);
  const z = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) z[i] = za[i]! - zb[i]!;
  const estimate = a.estimate - b.estimate;
  const se = Math.sqrt(linearisedVariance(design, z));
  return { estimate, se, ci: waldInterval(estimate, se, level) };
}

/** Difference between two estimates from independent samples (two survey waves): A − B. */
export function independentDifference(a: Pick<Estimate, 'estimate' | 'se'>, b: Pick<Estimate, 'estimate' | 'se'>, level = 0.95): Difference {
  const estimate = a.estimate - b.estimate;
  const se = Math.sqrt(a.se * a.se + b.se * b.se);
  return { estimate, se, ci: waldInterval(estimate, se, level) };
}
