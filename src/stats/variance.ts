/**
 * Taylor-linearised variance (R `svyrecvar` for one-stage designs).
 *
 * An estimator is represented by its linearisation (influence) values z_i, so that
 * θ̂ − θ ≈ Σ_i z_i. Before the stratified PSU variance (see design.ts) is taken, calibration is
 * accounted for by replacing z with its residual from the calibration model, step by step:
 *
 * - post-stratification with weights w (before) and w* (after) in cells g:
 *     z_i ← z_i − w*_i · (Σ_{j∈g} z_j w_j / w*_j) / (Σ_{j∈g} w_j)
 * - raking with margins m = 1…M, where w^(m) are the weights right after margin m's last
 *   adjustment: ten sweeps of
 *     z_i ← z_i − w^(m)_i · mean_{j∈g_m(i)} (z_j / w^(m)_j)   for m = 1…M
 *   (the mean runs over all rows of the category, as R's `ave` does).
 *
 * These are R's formulas, including its fixed number of sweeps for raking, so that the standard
 * errors agree with R's to rounding.
 */
import type { Design } from './design.js';
import type { Calibration } from './calibrate.js';

const RAKING_SWEEPS = 10;

const cellCounts = new WeakMap<Int32Array, Float64Array>();
const inverses = new WeakMap<Float64Array, Float64Array>();

function countsOf(cell: Int32Array): Float64Array {
  let counts = cellCounts.get(cell);
  if (!counts) {
    let cells = 0;
    for (const g of cell) if (g + 1 > cells) cells = g + 1;
    counts = new Float64Array(cells);
    for (const g of cell) counts[g]! += 1;
    cellCounts.set(cell, counts);
  }
  return counts;
}

function inverseOf(weights: Float64Array): Float64Array {
  let inverse = inverses.get(weights);
  if (!inverse) {
    inverse = new Float64Array(weights.length);
    for (let i = 0; i < weights.length; i++) inverse[i] = 1 / weights[i]!;
    inverses.set(weights, inverse);
  }
  return inverse;
}

function removePostStratum(x: Float64Array, cal: Extract<Calibration, { kind: 'poststratify' }>) {
  const counts = countsOf(cal.cell);
  const sums = new Float64Array(counts.length);
  const oldTotals = new Float64Array(counts.length);
  const { cell, before, after } = cal;
  for (let i = 0; i < x.length; i++) {
    const g = cell[i]!;
    sums[g]! += (x[i]! * before[i]!) / after[i]!;
    oldTotals[g]! += before[i]!;
  }
  for (let g = 0; g < sums.length; g++) sums[g] = oldTotals[g]! > 0 ? sums[g]! / oldTotals[g]! : 0;
  for (let i = 0; i < x.length; i++) x[i]! -= sums[cell[i]!]! * after[i]!;
}

function removeRaking(x: Float64Array, cal: Extract<Calibration, { kind: 'rake' }>) {
  const margins = cal.margins.map((m) => ({ cell: m.cell, weights: m.after, inverse: inverseOf(m.after), counts: countsOf(m.cell) }));
  for (let sweep = 0; sweep < RAKING_SWEEPS; sweep++) {
    for (const { cell, weights, inverse, counts } of margins) {
      const means = new Float64Array(counts.length);
      for (let i = 0; i < x.length; i++) means[cell[i]!]! += x[i]! * inverse[i]!;
      for (let g = 0; g < means.length; g++) means[g] = means[g]! / counts[g]!;
      for (let i = 0; i < x.length; i++) x[i]! -= weights[i]! * means[cell[i]!]!;
    }
  }
}

/** The linearisation values with every calibration step's fitted part removed (a new array). */
export function calibrationResiduals(design: Design, z: Float64Array): Float64Array {
  const x = Float64Array.from(z);
  for (const cal of design.calibrations) {
    if (cal.kind === 'poststratify') removePostStratum(x, cal);
    else removeRaking(x, cal);
  }
  return x;
}

/** Σ_h scale_h · Σ_{c∈h} (t_c − t̄_h)² for linearisation values that already account for calibration. */
export function stratifiedVariance(design: Design, x: Float64Array): number {
  const H = design.strataCount;
  const totals = design.psu ? new Float64Array(design.psuCount) : x;
  if (design.psu) for (let i = 0; i < x.length; i++) totals[design.psu[i]!]! += x[i]!;
  const stratumOf = design.psuStratum ?? design.strata;
  const means = new Float64Array(H);
  for (let c = 0; c < totals.length; c++) means[stratumOf[c]!]! += totals[c]!;
  for (let h = 0; h < H; h++) means[h] = design.sampledPsus[h]! > 0 ? means[h]! / design.sampledPsus[h]! : 0;
  const squares = new Float64Array(H);
  for (let c = 0; c < totals.length; c++) {
    const h = stratumOf[c]!;
    const d = totals[c]! - means[h]!;
    squares[h]! += d * d;
  }
  let variance = 0;
  for (let h = 0; h < H; h++) variance += design.stratumScale[h]! * squares[h]!;
  return variance;
}

/** Variance of Σ z_i under the design, calibration included. */
export function linearisedVariance(design: Design, z: Float64Array): number {
  return stratifiedVariance(design, calibrationResiduals(design, z));
}
