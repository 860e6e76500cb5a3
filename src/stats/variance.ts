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
 * errors agree with R's to rounding (the sweeps are evaluated in a cheaper but equivalent order, and
 * rows outside an estimate's domain that share stratum, categories and weights are summed as a group).
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
    for (let i = 0; i < cell.length; i++) if (cell[i]! + 1 > cells) cells = cell[i]! + 1;
    counts = new Float64Array(cells);
    for (let i = 0; i < cell.length; i++) counts[cell[i]!]! += 1;
    cellCounts.set(cell, counts);
  }
  return counts;
}

type Codes = Int32Array | Uint16Array | Uint8Array;
const compactCodes = new WeakMap<Int32Array, Codes>();

/** The same non-negative codes in the smallest array type that holds them (less memory to stream per pass). */
function compact(codes: Int32Array, count: number): Codes {
  let out = compactCodes.get(codes);
  if (!out) {
    out = count <= 256 ? new Uint8Array(codes) : count <= 65536 ? new Uint16Array(codes) : codes;
    compactCodes.set(codes, out);
  }
  return out;
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

interface RakingPlan {
  margins: { cell: Codes; weights: Float64Array; inverse: Float64Array; counts: Float64Array }[];
  /** cross[k][m][g·cells_m + b] = Σ over rows in category g of margin k and b of margin m of w^(m)/w^(k). */
  cross: Float64Array[][];
}

const rakingPlans = new WeakMap<Extract<Calibration, { kind: 'rake' }>, RakingPlan>();

function rakingPlan(cal: Extract<Calibration, { kind: 'rake' }>): RakingPlan {
  let plan = rakingPlans.get(cal);
  if (plan) return plan;
  const margins = cal.margins.map((m) => {
    const counts = countsOf(m.cell);
    return { cell: compact(m.cell, counts.length), weights: m.after, inverse: inverseOf(m.after), counts };
  });
  const cross = margins.map((k) => margins.map((m) => {
    const table = new Float64Array(k.counts.length * m.counts.length);
    for (let i = 0; i < k.cell.length; i++) table[k.cell[i]! * m.counts.length + m.cell[i]!]! += m.weights[i]! * k.inverse[i]!;
    return table;
  }));
  plan = { margins, cross };
  rakingPlans.set(cal, plan);
  return plan;
}

/**
 * R's ten raking sweeps, computed without touching every row in every sweep: after any number of
 * sweeps z = z⁰ − Σ_m w^(m) ⊙ C_m[g_m], so each sweep only updates the per-category constants C_m
 * from Σ_{g_k=g} z⁰/w^(k) (one pass over the rows where z⁰ is not 0) and the design's cross table of
 * weight ratios (computed once). Returns the constants C_m.
 */
function rakingConstants(x: Float64Array, plan: RakingPlan, support: Int32Array | null): Float64Array[] {
  const { margins } = plan;
  const start = margins.map((m) => new Float64Array(m.counts.length));
  for (let k = 0; k < margins.length; k++) {
    const sums = start[k]!;
    const { cell, inverse } = margins[k]!;
    if (support) {
      // x holds the values of the support rows, in order.
      for (let j = 0; j < support.length; j++) { const i = support[j]!; sums[cell[i]!]! += x[j]! * inverse[i]!; }
    } else {
      for (let i = 0; i < x.length; i++) { const v = x[i]!; if (v !== 0) sums[cell[i]!]! += v * inverse[i]!; }
    }
  }
  return sweepConstants(start, plan);
}

/** The sweeps themselves, from start[k][g] = Σ_{g_k(i)=g} z⁰_i / w^(k)_i. */
function sweepConstants(start: Float64Array[], plan: RakingPlan): Float64Array[] {
  const { margins, cross } = plan;
  const constants = margins.map((m) => new Float64Array(m.counts.length));
  for (let sweep = 0; sweep < RAKING_SWEEPS; sweep++) {
    for (let k = 0; k < margins.length; k++) {
      const cells = margins[k]!.counts.length;
      const means = new Float64Array(cells);
      for (let g = 0; g < cells; g++) {
        let sum = start[k]![g]!;
        for (let m = 0; m < margins.length; m++) {
          const other = constants[m]!;
          const table = cross[k]![m]!;
          for (let b = 0; b < other.length; b++) sum -= table[g * other.length + b]! * other[b]!;
        }
        means[g] = sum / margins[k]!.counts[g]!;
      }
      for (let g = 0; g < cells; g++) constants[k]![g]! += means[g]!;
    }
  }
  return constants;
}

/** x ← x − Σ_m w^(m) ⊙ C_m[g_m], margins subtracted in order. */
function subtractRaking(x: Float64Array, plan: RakingPlan, constants: Float64Array[]) {
  for (const [m, { cell, weights }] of plan.margins.entries()) {
    const c = constants[m]!;
    for (let i = 0; i < x.length; i++) x[i]! -= weights[i]! * c[cell[i]!]!;
  }
}

/**
 * out ← z − Σ_m w^(m) ⊙ C_m[g_m] for z given on its support (0 elsewhere), row by row with the margins
 * in order (the same operations as subtractRaking on the dense z), adding each row's result to its
 * stratum's sum: the subtraction and the variance's first pass in one.
 */
function residualsAfterRaking(support: Int32Array, values: Float64Array, plan: RakingPlan, constants: Float64Array[], strata: Codes, out: Float64Array, stratumSums: Float64Array) {
  const n = out.length;
  let j = 0;
  let next = support.length > 0 ? support[0]! : -1;
  if (plan.margins.length === 2) {
    const [a, b] = plan.margins as [RakingPlan['margins'][number], RakingPlan['margins'][number]];
    const ca = constants[0]!, cb = constants[1]!;
    const ga = a.cell, wa = a.weights, gb = b.cell, wb = b.weights;
    for (let i = 0; i < n; i++) {
      let z = 0;
      if (i === next) { z = values[j]!; j++; next = j < support.length ? support[j]! : -1; }
      const v = z - wa[i]! * ca[ga[i]!]! - wb[i]! * cb[gb[i]!]!;
      out[i] = v;
      stratumSums[strata[i]!]! += v;
    }
    return;
  }
  const margins = plan.margins;
  for (let i = 0; i < n; i++) {
    let v = 0;
    if (i === next) { v = values[j]!; j++; next = j < support.length ? support[j]! : -1; }
    for (let m = 0; m < margins.length; m++) v -= margins[m]!.weights[i]! * constants[m]![margins[m]!.cell[i]!]!;
    out[i] = v;
    stratumSums[strata[i]!]! += v;
  }
}

function removeRaking(x: Float64Array, cal: Extract<Calibration, { kind: 'rake' }>) {
  const plan = rakingPlan(cal);
  subtractRaking(x, plan, rakingConstants(x, plan, null));
}

/** The linearisation values with every calibration step's fitted part removed (a new array). */
export function calibrationResiduals(design: Design, z: Float64Array): Float64Array {
  const x = new Float64Array(z);
  for (const cal of design.calibrations) {
    if (cal.kind === 'poststratify') removePostStratum(x, cal);
    else removeRaking(x, cal);
  }
  return x;
}

/** The variance from residuals x whose per-stratum sums (PSU totals summed by stratum) are known. */
function varianceAroundStratumMeans(design: Design, totals: Float64Array, stratumOf: Codes, sums: Float64Array): number {
  const H = design.strataCount;
  const means = sums;
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

/** Σ_h scale_h · Σ_{c∈h} (t_c − t̄_h)² for linearisation values that already account for calibration. */
export function stratifiedVariance(design: Design, x: Float64Array): number {
  const totals = design.psu ? new Float64Array(design.psuCount) : x;
  if (design.psu) for (let i = 0; i < x.length; i++) totals[design.psu[i]!]! += x[i]!;
  const stratumOf = design.psuStratum ?? design.strata;
  const sums = new Float64Array(design.strataCount);
  for (let c = 0; c < totals.length; c++) sums[stratumOf[c]!]! += totals[c]!;
  return varianceAroundStratumMeans(design, totals, stratumOf, sums);
}

/** Variance of Σ z_i under the design, calibration included. */
export function linearisedVariance(design: Design, z: Float64Array): number {
  return stratifiedVariance(design, calibrationResiduals(design, z));
}

/**
 * Rows of a raked design without clusters grouped into weight patterns: rows with the same stratum,
 * the same category in every margin and the same weights w^(m) after every margin. Outside an
 * estimate's counted rows z is 0, so such rows share one residual; the variance then needs the
 * counted rows one by one and the other rows only as counts per pattern. Stratified designs with one
 * design weight per stratum have few patterns (strata × categories); designs with a weight per person
 * have nearly one per row and go without (null).
 */
interface WeightPatterns {
  /** Pattern of every row. */
  of: Uint16Array;
  count: Float64Array;
  stratum: Int32Array;
  /** Per margin, per pattern: category, weight w^(m) and 1/w^(m). */
  cell: Int32Array[];
  weight: Float64Array[];
  inverse: Float64Array[];
}

const MAX_PATTERNS = 65535;
const patternCache = new WeakMap<RakingPlan, { strata: Int32Array; patterns: WeightPatterns | null }>();

function weightPatterns(design: Design, plan: RakingPlan): WeightPatterns | null {
  const cached = patternCache.get(plan);
  if (cached && cached.strata === design.strata) return cached.patterns;
  const patterns = findPatterns(design, plan);
  patternCache.set(plan, { strata: design.strata, patterns });
  return patterns;
}

/** keys ← keys · cells + cell, row by row. */
function mixRadix(keys: Int32Array, cell: Codes, cells: number) {
  for (let i = 0; i < keys.length; i++) keys[i] = keys[i]! * cells + cell[i]!;
}

function findPatterns(design: Design, plan: RakingPlan): WeightPatterns | null {
  const { margins } = plan;
  const n = design.n;
  let keys = design.strataCount;
  for (const m of margins) keys *= m.counts.length;
  const limit = Math.min(MAX_PATTERNS, n >> 2);
  if (keys > 1 << 22 || limit < 1) return null;
  const first = new Int32Array(keys).fill(-1);
  const nextInKey: number[] = [];
  const rowOf: number[] = [];
  const of = new Uint16Array(n);
  const strata = design.strata;
  const keyOf = new Int32Array(strata);
  for (const m of margins) mixRadix(keyOf, m.cell, m.counts.length);
  for (let i = 0; i < n; i++) {
    const key = keyOf[i]!;
    let p = first[key]!;
    while (p >= 0) {
      const r = rowOf[p]!;
      let same = true;
      for (const m of margins) if (m.weights[r] !== m.weights[i]) { same = false; break; }
      if (same) break;
      p = nextInKey[p]!;
    }
    if (p < 0) {
      p = rowOf.length;
      if (p >= limit) return null;
      rowOf.push(i);
      nextInKey.push(first[key]!);
      first[key] = p;
    }
    of[i] = p;
  }
  const count = new Float64Array(rowOf.length);
  for (let i = 0; i < n; i++) count[of[i]!]! += 1;
  return {
    of,
    count,
    stratum: Int32Array.from(rowOf, (r) => strata[r]!),
    cell: margins.map((m) => Int32Array.from(rowOf, (r) => m.cell[r]!)),
    weight: margins.map((m) => Float64Array.from(rowOf, (r) => m.weights[r]!)),
    inverse: margins.map((m) => Float64Array.from(rowOf, (r) => m.inverse[r]!)),
  };
}

/**
 * The variance for a raked design without clusters from its weight patterns: the raking constants
 * from the counted rows (the same sums as row by row), each counted row's residual
 * z_i − w^(1)C_1 − w^(2)C_2 − … (the same operations as row by row), and for the other rows of a
 * pattern the shared residual times their number. Only the order in which rows enter the sums by
 * stratum differs from the row-by-row computation.
 */
function varianceByPatterns(design: Design, plan: RakingPlan, patterns: WeightPatterns, support: Int32Array, values: Float64Array): number {
  const M = plan.margins.length;
  const P = patterns.count.length;
  const { of, stratum } = patterns;
  // The pattern of each counted row, looked up once.
  if (patternScratch.length < support.length) patternScratch = new Uint16Array(design.n);
  const patternOf = patternScratch.subarray(0, support.length);
  for (let j = 0; j < support.length; j++) patternOf[j] = of[support[j]!]!;
  const start = plan.margins.map((m) => new Float64Array(m.counts.length));
  if (M === 2) {
    const s0 = start[0]!, s1 = start[1]!;
    const c0 = patterns.cell[0]!, c1 = patterns.cell[1]!, i0 = patterns.inverse[0]!, i1 = patterns.inverse[1]!;
    for (let j = 0; j < support.length; j++) {
      const p = patternOf[j]!;
      const v = values[j]!;
      s0[c0[p]!]! += v * i0[p]!;
      s1[c1[p]!]! += v * i1[p]!;
    }
  } else {
    for (let k = 0; k < M; k++) {
      const sums = start[k]!;
      const cell = patterns.cell[k]!;
      const inverse = patterns.inverse[k]!;
      for (let j = 0; j < support.length; j++) { const p = patternOf[j]!; sums[cell[p]!]! += values[j]! * inverse[p]!; }
    }
  }
  const constants = sweepConstants(start, plan);
  // fit[m][p] = w^(m) C_m for the pattern; a row's residual subtracts them in margin order.
  const fit = patterns.weight.map((w, m) => {
    const c = constants[m]!;
    const cell = patterns.cell[m]!;
    return Float64Array.from(w, (wp, p) => wp * c[cell[p]!]!);
  });
  const shared = new Float64Array(P);
  for (let p = 0; p < P; p++) { let v = 0; for (let m = 0; m < M; m++) v -= fit[m]![p]!; shared[p] = v; }
  const others = Float64Array.from(patterns.count);

  // Residuals of the counted rows, then sums and squares by stratum.
  const residuals = workArray(support.length);
  const H = design.strataCount;
  const sums = new Float64Array(H);
  if (M === 2) {
    const f0 = fit[0]!, f1 = fit[1]!;
    for (let j = 0; j < support.length; j++) {
      const p = patternOf[j]!;
      const v = values[j]! - f0[p]! - f1[p]!;
      residuals[j] = v;
      sums[stratum[p]!]! += v;
      others[p]! -= 1;
    }
  } else {
    for (let j = 0; j < support.length; j++) {
      const p = patternOf[j]!;
      let v = values[j]!;
      for (let m = 0; m < M; m++) v -= fit[m]![p]!;
      residuals[j] = v;
      sums[stratum[p]!]! += v;
      others[p]! -= 1;
    }
  }
  for (let p = 0; p < P; p++) sums[stratum[p]!]! += others[p]! * shared[p]!;
  const means = sums;
  for (let h = 0; h < H; h++) means[h] = design.sampledPsus[h]! > 0 ? means[h]! / design.sampledPsus[h]! : 0;
  const squares = new Float64Array(H);
  for (let j = 0; j < support.length; j++) {
    const h = stratum[patternOf[j]!]!;
    const d = residuals[j]! - means[h]!;
    squares[h]! += d * d;
  }
  for (let p = 0; p < P; p++) {
    const d = shared[p]! - means[stratum[p]!]!;
    squares[stratum[p]!]! += others[p]! * d * d;
  }
  let variance = 0;
  for (let h = 0; h < H; h++) variance += design.stratumScale[h]! * squares[h]!;
  return variance;
}

let scratch = new Float64Array(0);
let patternScratch = new Uint16Array(0);

/** A reusable work array of n values (contents undefined); the engine is synchronous, so one suffices. */
function workArray(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(n);
  return scratch.subarray(0, n);
}

/**
 * linearisedVariance for z given sparsely: z_i = values[j] for i = support[j] (support ascending),
 * 0 elsewhere. For the usual design — no clusters, one raking — the raking constants come from the
 * support rows only, and the variance from the support rows plus the weight patterns of the others
 * (see varianceByPatterns), or, without patterns, from residuals formed in one pass that also sums
 * them by stratum; other designs take the dense way.
 */
export function linearisedVarianceSparse(design: Design, support: Int32Array, values: Float64Array): number {
  const steps = design.calibrations;
  const cal = steps[0];
  if (steps.length === 1 && cal!.kind === 'rake' && !design.psu) {
    const plan = rakingPlan(cal!);
    const patterns = weightPatterns(design, plan);
    if (patterns) return varianceByPatterns(design, plan, patterns, support, values);
    const constants = rakingConstants(values, plan, support);
    const x = workArray(design.n);
    const sums = new Float64Array(design.strataCount);
    const strata = compact(design.strata, design.strataCount);
    residualsAfterRaking(support, values, plan, constants, strata, x, sums);
    return varianceAroundStratumMeans(design, x, strata, sums);
  }
  const z = workArray(design.n).fill(0);
  for (let j = 0; j < support.length; j++) z[support[j]!] = values[j]!;
  for (const step of steps) {
    if (step.kind === 'poststratify') removePostStratum(z, step);
    else removeRaking(z, step);
  }
  return stratifiedVariance(design, z);
}
