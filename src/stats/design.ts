/**
 * A sampling design for design-based estimation: stratified, optionally one-stage clustered, with
 * design weights and an optional finite population correction.
 *
 * Notation (as in Lumley, "Complex Surveys", and R's `survey` package):
 * - row i has design weight w_i = 1/π_i, stratum h(i) and primary sampling unit (PSU) c(i);
 *   without clusters every row is its own PSU;
 * - n_h is the number of PSUs of stratum h in the sample (counted on the whole sample, also when
 *   a domain is estimated), N_h the number of PSUs in the population (for the fpc);
 * - the variance of a linear statistic with linearisation values z_i (see `variance.ts`) is
 *     V = Σ_h (1 − n_h/N_h) · n_h/(n_h − 1) · Σ_{c∈h} (t_c − t̄_h)²,   t_c = Σ_{i∈c} z_i,
 *   with t̄_h the mean of the n_h PSU totals (PSUs with no row in a domain count as t_c = 0).
 *   Without fpc the factor (1 − n_h/N_h) is 1 (sampling with replacement).
 */
import type { Calibration } from './calibrate.js';

/** What happens to a stratum with a single PSU: R's `survey.lonely.psu` options "fail" and "certainty". */
export type LonelyPsu = 'fail' | 'certainty';

export interface DesignInput {
  /** Design weights (1/π_i), all positive. */
  weights: Float64Array;
  /** Stratum index per row (0 … strataCount−1); omitted means one stratum. */
  strata?: Int32Array;
  /** PSU index per row (any non-negative integers, unique across strata); omitted means each row is a PSU. */
  clusters?: Int32Array;
  /** Per stratum index: population size in PSUs (N_h) for the finite population correction. */
  populationPsus?: Float64Array;
  lonelyPsu?: LonelyPsu;
  /** Labels for error messages, by stratum index. */
  strataLabels?: readonly string[];
}

export interface Design {
  readonly n: number;
  /** Current weights: the design weights, or the calibrated ones. */
  readonly weights: Float64Array;
  readonly strata: Int32Array;
  readonly strataCount: number;
  /** PSU per row, renumbered 0 … psuCount−1; null when every row is its own PSU. */
  readonly psu: Int32Array | null;
  readonly psuCount: number;
  /** Stratum of each PSU (only with clusters). */
  readonly psuStratum: Int32Array | null;
  /** n_h: PSUs per stratum in the sample. */
  readonly sampledPsus: Float64Array;
  /** Variance factor per stratum: (1 − n_h/N_h) · n_h/(n_h − 1). */
  readonly stratumScale: Float64Array;
  /** Calibration steps applied, in order; the variance removes their fitted part (see variance.ts). */
  readonly calibrations: readonly Calibration[];
}

export class DesignError extends Error {
  /** `cell`: the calibration cell or stratum the problem is about, for messages in other languages. */
  constructor(message: string, readonly code: string, readonly cell?: string) {
    super(message);
    this.name = 'DesignError';
  }
}

export function createDesign(input: DesignInput): Design {
  const n = input.weights.length;
  const weights = new Float64Array(input.weights);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w > 0) || !Number.isFinite(w)) throw new DesignError(`Design weight of row ${i + 1} must be a positive number (is ${w}).`, 'weight');
  }
  const strata = input.strata ?? new Int32Array(n);
  if (strata.length !== n) throw new DesignError('Strata and weights differ in length.', 'strata');
  let strataCount = 0;
  for (let i = 0; i < n; i++) if (strata[i]! + 1 > strataCount) strataCount = strata[i]! + 1;
  if (n === 0) strataCount = Math.max(strataCount, input.populationPsus?.length ?? 0);

  const sampledPsus = new Float64Array(strataCount);
  let psu: Int32Array | null = null;
  let psuStratum: Int32Array | null = null;
  let psuCount = n;
  if (input.clusters) {
    if (input.clusters.length !== n) throw new DesignError('Clusters and weights differ in length.', 'clusters');
    const renumber = new Map<number, number>();
    psu = new Int32Array(n);
    const stratumOf: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = input.clusters[i]!;
      let id = renumber.get(c);
      if (id === undefined) {
        id = renumber.size;
        renumber.set(c, id);
        stratumOf.push(strata[i]!);
        sampledPsus[strata[i]!]! += 1;
      } else if (stratumOf[id] !== strata[i]) {
        throw new DesignError(`Cluster ${c} lies in more than one stratum; cluster ids must be nested in strata.`, 'clusters');
      }
      psu[i] = id;
    }
    psuCount = renumber.size;
    psuStratum = Int32Array.from(stratumOf);
  } else {
    for (let i = 0; i < n; i++) sampledPsus[strata[i]!]! += 1;
  }

  const label = (h: number) => input.strataLabels?.[h] ?? String(h + 1);
  const stratumScale = new Float64Array(strataCount);
  for (let h = 0; h < strataCount; h++) {
    const nh = sampledPsus[h]!;
    if (nh === 0) continue;
    let f = 1;
    const Nh = input.populationPsus?.[h];
    if (input.populationPsus) {
      if (Nh === undefined || !(Nh >= nh)) {
        throw new DesignError(`Population size of stratum ${label(h)} (${Nh}) is smaller than its sample (${nh}).`, 'fpc');
      }
      f = Nh === Infinity ? 1 : (Nh - nh) / Nh;
    }
    if (nh > 1) stratumScale[h] = (f * nh) / (nh - 1);
    else if ((input.lonelyPsu ?? 'fail') === 'fail') {
      throw new DesignError(`Stratum ${label(h)} has only one PSU; its variance cannot be estimated.`, 'lonely-psu');
    } else stratumScale[h] = 0; // certainty: the single PSU contributes no variance
  }

  return { n, weights, strata, strataCount, psu, psuCount, psuStratum, sampledPsus, stratumScale, calibrations: [] };
}

/** Degrees of freedom of the rows with `include[i]`: PSUs with such a row minus strata with such a row (R's degf). */
export function degreesOfFreedom(design: Design, include: (i: number) => boolean): number {
  const seenPsu = new Uint8Array(design.psuCount);
  const seenStratum = new Uint8Array(design.strataCount);
  let psus = 0;
  let strata = 0;
  for (let i = 0; i < design.n; i++) {
    if (!include(i)) continue;
    const c = design.psu ? design.psu[i]! : i;
    if (!seenPsu[c]) { seenPsu[c] = 1; psus++; }
    const h = design.strata[i]!;
    if (!seenStratum[h]) { seenStratum[h] = 1; strata++; }
  }
  return psus - strata;
}
