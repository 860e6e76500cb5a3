/**
 * An estimation spec (the format of the survey reference, see docs/statistics.md) run against a table:
 * design columns, named calibrations and a list of estimates. Used by the CLI and the benchmark.
 */
import { createDesign, DesignError, type Design, type LonelyPsu } from './design.js';
import { postStratify, rake, trimWeights, weightRange, type CalibrationReport, type Margin } from './calibrate.js';
import { estimateMean, estimateProportion, estimateTotal, type Estimate } from './estimate.js';
import { DataError, type CategoricalColumn, type NumericColumn, type Table } from './table.js';

export interface SpecDesign {
  weights: string;
  strata?: string | null;
  fpc?: string | null;
  /** PSU column for a clustered sample. */
  ids?: string | null;
  lonelyPsu?: LonelyPsu;
}

export type SpecCalibration =
  | { method: 'none' }
  | { method: 'rake'; margins: Record<string, Record<string, number>>; epsilon?: number; maxIterations?: number; trim?: { lower?: number; upper?: number; strict?: boolean } }
  | { method: 'poststratify'; cells: ({ N: number } & Record<string, string | number>)[]; trim?: { lower?: number; upper?: number; strict?: boolean } };

export interface SpecEstimate {
  id: string;
  design: string;
  stat: 'mean' | 'total' | 'proportion';
  variable: string;
  by?: string | null;
  /** The domain's value of `by`; when absent, the last segment of the id after "/<by>/". */
  level?: string | null;
}

export interface Spec {
  data: string;
  design: SpecDesign;
  calibrations: Record<string, SpecCalibration>;
  estimates: SpecEstimate[];
}

export interface SpecResult {
  estimates: { id: string; estimate: number; se: number }[];
}

export class SpecError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
    this.name = 'SpecError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the shape of a parsed spec and names the first field that is wrong. */
export function parseSpec(raw: unknown): Spec {
  if (!isRecord(raw)) throw new SpecError('The spec must be a JSON object.', '');
  if (typeof raw.data !== 'string') throw new SpecError('"data" must name the CSV file.', 'data');
  const design = raw.design;
  if (!isRecord(design) || typeof design.weights !== 'string') throw new SpecError('"design.weights" must name the weight column.', 'design.weights');
  for (const key of ['strata', 'fpc', 'ids'] as const) {
    if (design[key] !== undefined && design[key] !== null && typeof design[key] !== 'string') throw new SpecError(`"design.${key}" must be a column name.`, `design.${key}`);
  }
  if (!isRecord(raw.calibrations)) throw new SpecError('"calibrations" must be an object of named calibrations.', 'calibrations');
  for (const [name, cal] of Object.entries(raw.calibrations)) {
    const field = `calibrations.${name}`;
    if (!isRecord(cal) || !['none', 'rake', 'poststratify'].includes(cal.method as string)) throw new SpecError(`${field}.method must be none, rake or poststratify.`, `${field}.method`);
    if (cal.method === 'rake' && !isRecord(cal.margins)) throw new SpecError(`${field}.margins must map each variable to its population counts.`, `${field}.margins`);
    if (cal.method === 'poststratify' && !Array.isArray(cal.cells)) throw new SpecError(`${field}.cells must list the cells with N.`, `${field}.cells`);
  }
  if (!Array.isArray(raw.estimates)) throw new SpecError('"estimates" must be a list.', 'estimates');
  raw.estimates.forEach((e: unknown, k) => {
    const field = `estimates[${k}]`;
    if (!isRecord(e) || typeof e.id !== 'string') throw new SpecError(`${field}.id is missing.`, `${field}.id`);
    if (typeof e.design !== 'string' || !(e.design in (raw.calibrations as object))) throw new SpecError(`${field}.design must name one of the calibrations.`, `${field}.design`);
    if (!['mean', 'total', 'proportion'].includes(e.stat as string)) throw new SpecError(`${field}.stat must be mean, total or proportion.`, `${field}.stat`);
    if (typeof e.variable !== 'string') throw new SpecError(`${field}.variable must name a column.`, `${field}.variable`);
  });
  return raw as unknown as Spec;
}

/** Which columns a spec needs, and as what. */
export function specColumns(spec: Spec): Record<string, 'numeric' | 'categorical'> {
  const columns: Record<string, 'numeric' | 'categorical'> = { [spec.design.weights]: 'numeric' };
  if (spec.design.strata) columns[spec.design.strata] = 'categorical';
  if (spec.design.fpc) columns[spec.design.fpc] = 'numeric';
  if (spec.design.ids) columns[spec.design.ids] = 'categorical';
  for (const cal of Object.values(spec.calibrations)) {
    if (cal.method === 'rake') for (const v of Object.keys(cal.margins)) columns[v] = 'categorical';
    if (cal.method === 'poststratify') for (const cell of cal.cells) for (const v of Object.keys(cell)) if (v !== 'N') columns[v] = 'categorical';
  }
  for (const e of spec.estimates) {
    columns[e.variable] = 'numeric';
    if (e.by) columns[e.by] = 'categorical';
  }
  return columns;
}

function numericColumn(table: Table, name: string): NumericColumn {
  const c = table.columns.get(name);
  if (!c || c.kind !== 'numeric') throw new DataError(`Column "${name}" is missing or not numeric.`, undefined, name);
  return c;
}

function categoricalColumn(table: Table, name: string): CategoricalColumn {
  const c = table.columns.get(name);
  if (!c || c.kind !== 'categorical') throw new DataError(`Column "${name}" is missing or not categorical.`, undefined, name);
  return c;
}

function requireComplete(column: CategoricalColumn, name: string): void {
  const row = column.codes.indexOf(-1);
  if (row >= 0) throw new DataError(`Row ${row + 1} has no value in "${name}", which the design needs.`, row + 2, name);
}

/** Builds the uncalibrated design from the spec's design columns. */
export function designFromTable(table: Table, spec: SpecDesign): Design {
  const weights = numericColumn(table, spec.weights).values;
  let strata: Int32Array | undefined;
  let strataLabels: string[] | undefined;
  let populationPsus: Float64Array | undefined;
  if (spec.strata) {
    const column = categoricalColumn(table, spec.strata);
    requireComplete(column, spec.strata);
    strata = column.codes;
    strataLabels = column.levels;
  }
  const strataCount = strataLabels?.length ?? 1;
  let clusters: Int32Array | undefined;
  if (spec.ids) {
    const column = categoricalColumn(table, spec.ids);
    requireComplete(column, spec.ids);
    clusters = column.codes;
  }
  if (spec.fpc) {
    const fpc = numericColumn(table, spec.fpc).values;
    populationPsus = new Float64Array(strataCount).fill(NaN);
    const sampled = new Float64Array(strataCount);
    // Distinct (stratum, cluster) pairs; without clusters every row is a PSU.
    const seen = new Set<number>();
    for (let i = 0; i < table.rows; i++) {
      const h = strata ? strata[i]! : 0;
      if (!clusters) sampled[h]! += 1;
      else {
        const key = h * table.rows + clusters[i]!;
        if (!seen.has(key)) { seen.add(key); sampled[h]! += 1; }
      }
      const value = fpc[i]!;
      if (!(value > 0)) throw new DataError(`Row ${i + 1}: the population size in "${spec.fpc}" must be positive.`, i + 2, spec.fpc);
      if (Number.isNaN(populationPsus[h]!)) populationPsus[h] = value;
      else if (populationPsus[h] !== value) throw new DataError(`"${spec.fpc}" differs within stratum ${strataLabels?.[h] ?? ''}.`, i + 2, spec.fpc);
    }
    // Values up to 1 are sampling fractions (as in R): N_h = n_h / f_h.
    for (let h = 0; h < strataCount; h++) if (populationPsus[h]! <= 1) populationPsus[h] = sampled[h]! / populationPsus[h]!;
  }
  return createDesign({ weights, strata, clusters, populationPsus, strataLabels, lonelyPsu: spec.lonelyPsu });
}

/** Cell index per row for the combination of variables; −1 where a variable is missing or the cell is not listed. */
function cellsOf(table: Table, variables: string[], keys: Map<string, number>): Int32Array {
  const columns = variables.map((v) => categoricalColumn(table, v));
  // Rows are looked up by the mixed-radix number of their level codes; each combination's key is built once.
  const combinations = columns.reduce((product, c) => product * Math.max(1, c.levels.length), 1);
  const known = combinations <= 1 << 20 ? new Int32Array(combinations).fill(-2) : null;
  const knownSparse = new Map<number, number>();
  const cellOf = (combination: number, i: number) => {
    const cell = keys.get(columns.map((c) => c.levels[c.codes[i]!]!).join('\u0000')) ?? -1;
    if (known) known[combination] = cell;
    else if (Number.isSafeInteger(combinations)) knownSparse.set(combination, cell);
    return cell;
  };
  const out = new Int32Array(table.rows);
  if (!Number.isSafeInteger(combinations)) {
    for (let i = 0; i < table.rows; i++) out[i] = columns.some((c) => c.codes[i]! < 0) ? -1 : cellOf(0, i);
    return out;
  }
  for (let i = 0; i < table.rows; i++) {
    let combination = 0;
    for (const c of columns) {
      const code = c.codes[i]!;
      if (code < 0) { combination = -1; break; }
      combination = combination * c.levels.length + code;
    }
    if (combination < 0) { out[i] = -1; continue; }
    const cell = known ? known[combination]! : (knownSparse.get(combination) ?? -2);
    out[i] = cell === -2 ? cellOf(combination, i) : cell;
  }
  return out;
}

function explainMissingCell(cell: Int32Array, variables: string[]): void {
  const row = cell.indexOf(-1);
  if (row >= 0) throw new DesignError(`Row ${row + 1} has no population count for ${variables.join(' × ')} (value missing or not among the margins).`, 'margin-missing');
}

export function calibrate(table: Table, base: Design, cal: SpecCalibration): { design: Design; report: CalibrationReport } {
  let result: { design: Design; report: CalibrationReport };
  if (cal.method === 'none') {
    return { design: base, report: { method: 'none', iterations: 0, converged: true, maxMarginDeviation: 0, ...weightRange(base.weights), trimmed: 0 } };
  }
  if (cal.method === 'rake') {
    const margins: Margin[] = Object.entries(cal.margins).map(([variable, counts]) => {
      const labels = Object.keys(counts);
      const cell = cellsOf(table, [variable], new Map(labels.map((l, g) => [l, g])));
      explainMissingCell(cell, [variable]);
      return { cell, population: Float64Array.from(labels, (l) => counts[l]!), labels, name: variable };
    });
    result = rake(base, margins, { epsilon: cal.epsilon ?? 1, maxIterations: cal.maxIterations ?? 10 });
  } else {
    const variables = Object.keys(cal.cells[0] ?? {}).filter((k) => k !== 'N');
    const labels = cal.cells.map((c) => variables.map((v) => String(c[v])).join('\u0000'));
    const cell = cellsOf(table, variables, new Map(labels.map((l, g) => [l, g])));
    explainMissingCell(cell, variables);
    result = postStratify(base, { cell, population: Float64Array.from(cal.cells, (c) => c.N), labels: labels.map((l) => l.replaceAll('\u0000', ' × ')), name: variables.join(' × ') });
  }
  if (cal.trim) {
    const trimmed = trimWeights(result.design, cal.trim);
    result = { design: trimmed.design, report: { ...result.report, ...weightRange(trimmed.design.weights), trimmed: trimmed.trimmed } };
  }
  return result;
}

function domainLevel(e: SpecEstimate): string {
  if (e.level !== undefined && e.level !== null) return e.level;
  const marker = `/${e.by}/`;
  const at = e.id.lastIndexOf(marker);
  if (at < 0) throw new SpecError(`Estimate "${e.id}" is by ${e.by} but names no level (give "level").`, `estimates.${e.id}.level`);
  return e.id.slice(at + marker.length);
}

/** Domain indicator per row for `by = level`, cached per column and level. */
function domainFor(table: Table, by: string, level: string, cache: Map<string, Uint8Array>): Uint8Array {
  const key = `${by}\u0000${level}`;
  let domain = cache.get(key);
  if (!domain) {
    const column = categoricalColumn(table, by);
    const code = column.levels.indexOf(level);
    domain = new Uint8Array(table.rows);
    if (code >= 0) for (let i = 0; i < table.rows; i++) domain[i] = column.codes[i] === code ? 1 : 0;
    cache.set(key, domain);
  }
  return domain;
}

/** Seconds spent in each part of runSpec (wall clock), for the benchmark's profile split. */
export interface SpecTimings {
  designSeconds: number;
  calibrationSeconds: number;
  estimateSeconds: number;
}

export function runSpec(spec: Spec, table: Table): SpecResult & { calibrations: Record<string, CalibrationReport>; timings: SpecTimings } {
  const started = performance.now();
  const base = designFromTable(table, spec.design);
  const designed = performance.now();
  let calibrationMs = 0;
  const designs = new Map<string, Design>();
  const reports: Record<string, CalibrationReport> = {};
  const domains = new Map<string, Uint8Array>();
  const estimates = spec.estimates.map((e) => {
    let design = designs.get(e.design);
    if (!design) {
      const cal = spec.calibrations[e.design];
      if (!cal) throw new SpecError(`Estimate "${e.id}" uses the unknown design "${e.design}".`, `estimates.${e.id}.design`);
      const from = performance.now();
      const result = calibrate(table, base, cal);
      calibrationMs += performance.now() - from;
      design = result.design;
      designs.set(e.design, design);
      reports[e.design] = result.report;
    }
    const y = numericColumn(table, e.variable).values;
    const domain = e.by ? domainFor(table, e.by, domainLevel(e), domains) : null;
    const result: Estimate = e.stat === 'total' ? estimateTotal(design, y, domain) : e.stat === 'proportion' ? estimateProportion(design, y, domain) : estimateMean(design, y, domain);
    return { id: e.id, estimate: result.estimate, se: result.se };
  });
  const finished = performance.now();
  const timings = { designSeconds: (designed - started) / 1000, calibrationSeconds: calibrationMs / 1000, estimateSeconds: (finished - designed - calibrationMs) / 1000 };
  return { estimates, calibrations: reports, timings };
}
