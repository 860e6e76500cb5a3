/**
 * Calibration of design weights to known population counts, as R's `survey` package does it.
 *
 * Post-stratification (R `postStratify`): rows fall into cells g with known population N_g;
 *   w*_i = w_i · N_g / Ŵ_g,   Ŵ_g = Σ_{i∈g} w_i.
 *
 * Raking (R `rake`, iterative proportional fitting): post-stratify on each margin in turn and repeat
 * until the weighted joint table of all margin variables changes by less than ε between two full
 * cycles (ε < 1 is taken relative to the sum of the design weights, as R does), or the iteration
 * limit is reached.
 *
 * Trimming (R `trimWeights`): weights outside [lower, upper] are set to the bound and the amount cut
 * off is spread evenly over the other weights, so the total stays; `strict` repeats until no weight
 * is outside. Trimming after raking gives up exact calibration for a smaller weight range.
 *
 * Each step is recorded on the design; `variance.ts` uses it to take the calibration into account.
 */
import { DesignError, type Design } from './design.js';

export interface PostStratification {
  kind: 'poststratify';
  cell: Int32Array;
  /** Weights before and after this step (R's "oldweights" and "weights" attributes). */
  before: Float64Array;
  after: Float64Array;
}

export interface Raking {
  kind: 'rake';
  /** Per margin: the category of every row and the weights right after that margin's last adjustment. */
  margins: { cell: Int32Array; after: Float64Array }[];
}

export type Calibration = PostStratification | Raking;

export interface CalibrationReport {
  method: 'none' | 'poststratify' | 'rake';
  iterations: number;
  converged: boolean;
  /** Largest absolute difference between a calibrated margin total and its population count. */
  maxMarginDeviation: number;
  minWeight: number;
  maxWeight: number;
  trimmed: number;
}

/** A calibration variable: each row's category (0 … population.length−1) and the population count per category. */
export interface Margin {
  cell: Int32Array;
  population: Float64Array;
  /** Category labels and the variable name, for error messages. */
  labels?: readonly string[];
  name?: string;
}

function weightedCellTotals(weights: Float64Array, cell: Int32Array, cells: number): Float64Array {
  const totals = new Float64Array(cells);
  for (let i = 0; i < weights.length; i++) totals[cell[i]!]! += weights[i]!;
  return totals;
}

function cellName(margin: Margin, g: number): string {
  const label = margin.labels?.[g] ?? String(g + 1);
  return margin.name ? `${margin.name}=${label}` : label;
}

/** Adjustment factor N_g/Ŵ_g per cell, refusing cells that exist only in the sample or only in the population. */
function cellFactors(weights: Float64Array, margin: Margin): Float64Array {
  return factorsFromTotals(weightedCellTotals(weights, margin.cell, margin.population.length), margin);
}

function factorsFromTotals(totals: Float64Array, margin: Margin): Float64Array {
  const cells = margin.population.length;
  const factors = new Float64Array(cells);
  for (let g = 0; g < cells; g++) {
    const sampled = totals[g]!;
    const population = margin.population[g]!;
    if (sampled > 0 && !(population > 0)) {
      throw new DesignError(`Cell ${cellName(margin, g)} occurs in the sample but has no population count.`, 'margin-missing', cellName(margin, g));
    }
    if (!(sampled > 0) && population > 0) {
      throw new DesignError(`Cell ${cellName(margin, g)} has a population count but no respondent; merge it with a neighbouring cell.`, 'cell-empty', cellName(margin, g));
    }
    factors[g] = sampled > 0 ? population / sampled : 1;
  }
  return factors;
}

function applyFactors(weights: Float64Array, cell: Int32Array, factors: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = weights[i]! * factors[cell[i]!]!;
  return out;
}

function checkMargin(design: Design, margin: Margin) {
  if (margin.cell.length !== design.n) throw new DesignError('A calibration variable and the data differ in length.', 'margin-length');
  for (let i = 0; i < design.n; i++) {
    const g = margin.cell[i]!;
    if (g < 0 || g >= margin.population.length) {
      throw new DesignError(`Row ${i + 1} has no valid category for ${margin.name ?? 'a calibration variable'}.`, 'margin-missing');
    }
  }
}

/** Smallest and largest weight (both 0 when there are no rows). */
export function weightRange(weights: Float64Array): { minWeight: number; maxWeight: number } {
  if (!weights.length) return { minWeight: 0, maxWeight: 0 };
  let minWeight = Infinity;
  let maxWeight = -Infinity;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w < minWeight) minWeight = w;
    if (w > maxWeight) maxWeight = w;
  }
  return { minWeight, maxWeight };
}

function maxDeviation(weights: Float64Array, margins: readonly Margin[]): number {
  let max = 0;
  for (const m of margins) {
    const totals = weightedCellTotals(weights, m.cell, m.population.length);
    for (let g = 0; g < totals.length; g++) max = Math.max(max, Math.abs(totals[g]! - m.population[g]!));
  }
  return max;
}

export function postStratify(design: Design, cells: Margin): { design: Design; report: CalibrationReport } {
  checkMargin(design, cells);
  const before = design.weights;
  const after = applyFactors(before, cells.cell, cellFactors(before, cells));
  const step: PostStratification = { kind: 'poststratify', cell: cells.cell, before, after };
  return {
    design: { ...design, weights: after, calibrations: [...design.calibrations, step] },
    report: { method: 'poststratify', iterations: 1, converged: true, maxMarginDeviation: maxDeviation(after, [cells]), ...weightRange(after), trimmed: 0 },
  };
}

export interface RakeOptions {
  /** Convergence tolerance; below 1 it is relative to the sum of the design weights (R's rule). */
  epsilon: number;
  maxIterations: number;
}

// The raking passes as small functions: optimised once, they stay optimised for every pass.

/** after = weights · factors[cell]; totals[nextCell] += after. */
function adjust(weights: Float64Array, factors: Float64Array, cell: Int32Array, after: Float64Array, nextCell: Int32Array, totals: Float64Array) {
  for (let i = 0; i < weights.length; i++) { const w = weights[i]! * factors[cell[i]!]!; after[i] = w; totals[nextCell[i]!]! += w; }
}

/** As adjust, also summing into the joint table. */
function adjustLast(weights: Float64Array, factors: Float64Array, cell: Int32Array, after: Float64Array, jointCell: Int32Array, table: Float64Array, firstCell: Int32Array, totals: Float64Array) {
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]! * factors[cell[i]!]!;
    after[i] = w;
    table[jointCell[i]!]! += w;
    totals[firstCell[i]!]! += w;
  }
}

export function rake(design: Design, margins: readonly Margin[], options: RakeOptions): { design: Design; report: CalibrationReport } {
  if (margins.length === 0) throw new DesignError('Raking needs at least one margin.', 'margins');
  for (const m of margins) checkMargin(design, m);
  let total = 0;
  for (const w of design.weights) total += w;
  const epsilon = options.epsilon < 1 ? options.epsilon * total : options.epsilon;

  // The joint table of all margin variables, whose change decides convergence: cells numbered
  // directly when there are few, else by first appearance.
  let jointCells = 1;
  for (const m of margins) jointCells *= m.population.length;
  const jointIndex = jointCells <= 1 << 20 ? null : new Map<number, number>();
  const jointCell = new Int32Array(design.n);
  if (!jointIndex) {
    for (const m of margins) {
      const cells = m.population.length;
      for (let i = 0; i < design.n; i++) jointCell[i] = jointCell[i]! * cells + m.cell[i]!;
    }
  } else {
    const joint = new Float64Array(design.n);
    for (const m of margins) for (let i = 0; i < design.n; i++) joint[i] = joint[i]! * m.population.length + m.cell[i]!;
    for (let i = 0; i < design.n; i++) {
      let v = jointIndex.get(joint[i]!);
      if (v === undefined) { v = jointIndex.size; jointIndex.set(joint[i]!, v); }
      jointCell[i] = v;
    }
  }
  const tableSize = jointIndex ? jointIndex.size : jointCells;

  // Each adjustment pass also sums the new weights for what comes next: the next margin's cells, or
  // (after the last margin) the joint table and the first margin's cells. The sums run in row order,
  // as separate passes would.
  let weights = design.weights;
  let oldTable = weightedCellTotals(weights, jointCell, tableSize);
  let totals = weightedCellTotals(weights, margins[0]!.cell, margins[0]!.population.length);
  let lastSteps: { cell: Int32Array; after: Float64Array }[] = [];
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations) {
    lastSteps = [];
    let newTable = oldTable;
    for (let k = 0; k < margins.length; k++) {
      const m = margins[k]!;
      const factors = factorsFromTotals(totals, m);
      const after = new Float64Array(design.n);
      const cell = m.cell;
      if (k + 1 < margins.length) {
        const next = margins[k + 1]!;
        totals = new Float64Array(next.population.length);
        adjust(weights, factors, cell, after, next.cell, totals);
      } else {
        totals = new Float64Array(margins[0]!.population.length);
        newTable = new Float64Array(tableSize);
        adjustLast(weights, factors, cell, after, jointCell, newTable, margins[0]!.cell, totals);
      }
      weights = after;
      lastSteps.push({ cell: m.cell, after: weights });
    }
    let delta = 0;
    for (let k = 0; k < tableSize; k++) delta = Math.max(delta, Math.abs(oldTable[k]! - newTable[k]!));
    if (delta < epsilon) { converged = true; iterations++; break; }
    oldTable = newTable;
    iterations++;
  }
  const step: Raking = { kind: 'rake', margins: lastSteps };
  return {
    design: { ...design, weights, calibrations: lastSteps.length ? [...design.calibrations, step] : design.calibrations },
    report: { method: 'rake', iterations, converged, maxMarginDeviation: maxDeviation(weights, margins), ...weightRange(weights), trimmed: 0 },
  };
}

export interface TrimOptions {
  lower?: number;
  upper?: number;
  /** Repeat until no weight is outside the bounds (R's strict = TRUE). */
  strict?: boolean;
}

/** R's trimWeights: clip to [lower, upper] and spread what was cut off evenly over the untouched weights. */
export function trimWeights(design: Design, options: TrimOptions): { design: Design; trimmed: number } {
  const lower = options.lower ?? -Infinity;
  const upper = options.upper ?? Infinity;
  if (lower > upper) throw new DesignError('The lower trimming bound is above the upper one.', 'trim');
  let weights = design.weights;
  const touched = new Uint8Array(design.n);
  for (let round = 0; round < 1000; round++) {
    let outside = 0;
    let cut = 0;
    for (const w of weights) {
      if (w < lower || w > upper) { outside++; cut += w - Math.max(lower, Math.min(w, upper)); }
    }
    if (outside === 0) break;
    if (outside === design.n) throw new DesignError('Every weight lies outside the trimming bounds.', 'trim');
    const share = cut / (design.n - outside);
    const next = new Float64Array(design.n);
    for (let i = 0; i < design.n; i++) {
      const w = weights[i]!;
      if (w < lower || w > upper) { next[i] = Math.max(lower, Math.min(w, upper)); touched[i] = 1; } else next[i] = w + share;
    }
    weights = next;
    if (!options.strict) break;
  }
  let trimmed = 0;
  for (const t of touched) trimmed += t;
  return { design: { ...design, weights }, trimmed };
}
