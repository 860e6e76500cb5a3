import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDesign, DesignError, type Design } from './design.js';
import { qnorm, qt } from './distributions.js';
import { domainMeanDifference, estimateMean, estimateProportion, estimateTotal, independentDifference } from './estimate.js';
import { designFromTable, parseSpec, runSpec, specColumns, calibrate, type SpecCalibration } from './spec.js';
import { categorical, numeric, readCsv, type Table, DataError } from './table.js';
import { rake, postStratify } from './calibrate.js';
import { linearisedVariance } from './variance.js';

const fixtures = new URL('../../test/fixtures/survey-reference/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

function relDiff(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

const spec = parseSpec(JSON.parse(read('musterstadt-spec.json')));
const responses = read('musterstadt-responses.csv');

describe('agreement with R survey 4.1.1 (musterstadt reference)', () => {
  const expected = JSON.parse(read('musterstadt-expected.json')) as { estimates: { id: string; estimate: number; se: number }[] };
  const table = readCsv(responses, specColumns(spec));
  const result = runSpec(spec, table);
  const byId = new Map(result.estimates.map((e) => [e.id, e]));

  it('computes every estimate of the spec, in order and with its id', () => {
    expect(result.estimates.map((e) => e.id)).toEqual(spec.estimates.map((e) => e.id));
    expect(result.estimates).toHaveLength(111);
  });

  it.each(expected.estimates.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const ours = byId.get(e.id)!;
    expect(relDiff(ours.estimate, e.estimate)).toBeLessThan(1e-9);
    expect(relDiff(ours.se, e.se)).toBeLessThan(1e-6);
  });

  it('reports the raking: converged, margins met, weight range', () => {
    const rakeReport = result.calibrations.rake!;
    expect(rakeReport.converged).toBe(true);
    expect(rakeReport.iterations).toBeGreaterThan(1);
    expect(rakeReport.maxMarginDeviation).toBeLessThan(1e-6);
    expect(rakeReport.minWeight).toBeLessThan(rakeReport.maxWeight);
    expect(result.calibrations.poststratify!.maxMarginDeviation).toBeLessThan(1e-6);
  });
});

describe('further R references: clusters, trimming, logit intervals, differences', () => {
  const expected = new Map(
    (JSON.parse(read('extra-expected.json')) as { estimates: { id: string; estimate: number; se: number; ci?: [number, number]; df?: number }[] }).estimates.map((e) => [e.id, e]),
  );
  const wanted = { ...specColumns(spec), design_weight: 'numeric', N_district: 'numeric' } as const;
  const table = readCsv(responses, wanted);
  // Same blocks as the R script: four consecutive respondents of an Ortsteil form a cluster.
  const district = table.columns.get('district') as ReturnType<typeof categorical>;
  const seen = new Map<number, number>();
  const blocks = Array.from(district.codes, (h) => {
    const k = (seen.get(h) ?? 0) + 1;
    seen.set(h, k);
    return `${district.levels[h]} ${Math.ceil(k / 4)}`;
  });
  const nDistrict = (table.columns.get('N_district') as ReturnType<typeof numeric>).values;
  const clustered: Table = {
    rows: table.rows,
    columns: new Map([...table.columns, ['block', categorical(blocks)], ['N_blocks', numeric(Array.from(nDistrict, (v) => Math.round(v / 4)))]]),
  };
  const rakeCal = spec.calibrations.rake as SpecCalibration;
  const plain = designFromTable(table, spec.design);
  const raked = calibrate(table, plain, rakeCal).design;
  const clusteredPlain = designFromTable(clustered, { ...spec.design, ids: 'block', fpc: 'N_blocks' });
  const clusteredRaked = calibrate(clustered, clusteredPlain, rakeCal).design;
  const trimmed = calibrate(table, plain, { ...(rakeCal as Extract<SpecCalibration, { method: 'rake' }>), trim: { lower: 70, upper: 140, strict: true } });

  const variable = (name: string) => (table.columns.get(name) as ReturnType<typeof numeric>).values;
  const domain = (column: string, level: string) => {
    const c = table.columns.get(column) as ReturnType<typeof categorical>;
    const code = c.levels.indexOf(level);
    return Uint8Array.from(c.codes, (v) => (v === code ? 1 : 0));
  };
  function check(id: string, actual: { estimate: number; se: number; ci?: [number, number] }) {
    const e = expected.get(id)!;
    expect(e, id).toBeDefined();
    expect(relDiff(actual.estimate, e.estimate), `${id} estimate`).toBeLessThan(1e-9);
    expect(relDiff(actual.se, e.se), `${id} se`).toBeLessThan(1e-6);
    if (e.ci) {
      expect(relDiff(actual.ci![0], e.ci[0]), `${id} lower`).toBeLessThan(1e-7);
      expect(relDiff(actual.ci![1], e.ci[1]), `${id} upper`).toBeLessThan(1e-7);
    }
  }

  it('clustered sample with fpc on PSUs', () => {
    check('clustered/mean/trust_police', estimateMean(clusteredPlain, variable('trust_police')));
    check('clustered/total/victim_12m', estimateTotal(clusteredPlain, variable('victim_12m')));
    check('clustered/mean/unsafe_night/sex/m', estimateMean(clusteredPlain, variable('unsafe_night'), domain('sex', 'm')));
    check('clustered/mean/unsafe_night/sex/w', estimateMean(clusteredPlain, variable('unsafe_night'), domain('sex', 'w')));
    check('clustered_rake/mean/unsafe_night', estimateMean(clusteredRaked, variable('unsafe_night')));
    check('clustered_rake/mean/trust_police/district/OT01', estimateMean(clusteredRaked, variable('trust_police'), domain('district', 'OT01')));
    check('clustered_rake/mean/trust_police/district/OT04', estimateMean(clusteredRaked, variable('trust_police'), domain('district', 'OT04')));
  });

  it('raking with strict weight trimming', () => {
    const range = expected.get('trimmed/weights')!;
    expect(trimmed.report.minWeight).toBeCloseTo(range.estimate, 9);
    expect(trimmed.report.maxWeight).toBeCloseTo(range.se, 9);
    expect(trimmed.report.trimmed).toBeGreaterThan(0);
    check('trimmed/mean/trust_police', estimateMean(trimmed.design, variable('trust_police')));
    check('trimmed/mean/unsafe_night/district/OT03', estimateMean(trimmed.design, variable('unsafe_night'), domain('district', 'OT03')));
  });

  it('proportions with logit confidence intervals on t(df)', () => {
    const cases: [string, Design, Uint8Array | null][] = [
      ['rake/proportion/unsafe_night', raked, null],
      ['rake/proportion/unsafe_night/district/OT05', raked, domain('district', 'OT05')],
      ['design_only/proportion/unsafe_night/sex/w', plain, domain('sex', 'w')],
      ['clustered/proportion/unsafe_night', clusteredPlain, null],
    ];
    for (const [id, design, d] of cases) {
      const p = estimateProportion(design, variable('unsafe_night'), d);
      check(id, p);
      expect(p.degreesOfFreedom, id).toBe(expected.get(id)!.df);
      expect(p.ci[0]).toBeLessThan(p.estimate);
      expect(p.ci[1]).toBeGreaterThan(p.estimate);
    }
  });

  it('difference between two domains of one survey, covariance included', () => {
    const trust = variable('trust_police');
    check('rake/difference/trust_police/sex/w-m', domainMeanDifference(raked, trust, domain('sex', 'w'), domain('sex', 'm')));
    check('design_only/difference/trust_police/sex/w-m', domainMeanDifference(plain, trust, domain('sex', 'w'), domain('sex', 'm')));
    check('clustered/difference/trust_police/sex/w-m', domainMeanDifference(clusteredPlain, trust, domain('sex', 'w'), domain('sex', 'm')));
  });
});

describe('engine behaviour', () => {
  const tiny = () => createDesign({ weights: Float64Array.of(10, 10, 20, 20), strata: Int32Array.of(0, 0, 1, 1), populationPsus: Float64Array.of(20, 40) });

  it('differences of independent waves add their variances', () => {
    const d = independentDifference({ estimate: 0.5, se: 0.03 }, { estimate: 0.4, se: 0.04 });
    expect(d.estimate).toBeCloseTo(0.1, 12);
    expect(d.se).toBeCloseTo(0.05, 12);
    expect(d.ci[0]).toBeCloseTo(0.1 - qnorm(0.975) * 0.05, 12);
  });

  it('an empty domain gives no estimate instead of a number', () => {
    const e = estimateMean(tiny(), Float64Array.of(1, 2, 3, 4), Uint8Array.of(0, 0, 0, 0));
    expect(e.respondents).toBe(0);
    expect(e.estimate).toBeNaN();
  });

  it('a hand-computed stratified mean and its standard error', () => {
    // ȳ = (10·1 + 10·2 + 20·3 + 20·4.5)/60 = 3; z = w(y−ȳ)/W
    const e = estimateMean(tiny(), Float64Array.of(1, 2, 3, 4.5));
    expect(e.estimate).toBeCloseTo(3, 14);
    const z = [(10 * -2) / 60, (10 * -1) / 60, 0, (20 * 1.5) / 60];
    const ss = (a: number, b: number) => ((a - b) / 2) ** 2 * 2;
    const v = (1 - 2 / 20) * 2 * ss(z[0]!, z[1]!) + (1 - 2 / 40) * 2 * ss(z[2]!, z[3]!);
    expect(e.se).toBeCloseTo(Math.sqrt(v), 14);
  });

  it('refuses designs it cannot estimate, naming the reason', () => {
    expect(() => createDesign({ weights: Float64Array.of(1, 2), strata: Int32Array.of(0, 1) })).toThrow(/only one PSU/);
    expect(() => createDesign({ weights: Float64Array.of(1, 0) })).toThrow(/row 2/);
    expect(() => createDesign({ weights: Float64Array.of(1, 1, 1), populationPsus: Float64Array.of(2) })).toThrow(/smaller than its sample/);
    const certain = createDesign({ weights: Float64Array.of(1, 2, 2), strata: Int32Array.of(0, 1, 1), lonelyPsu: 'certainty' });
    expect(estimateMean(certain, Float64Array.of(1, 2, 3)).se).toBeGreaterThan(0);
  });

  it('raking refuses a margin category without respondents, and reports non-convergence', () => {
    const design = createDesign({ weights: Float64Array.of(1, 1, 1, 1) });
    const empty = { cell: Int32Array.of(0, 0, 1, 1), population: Float64Array.of(5, 5, 5), labels: ['a', 'b', 'c'], name: 'age_group' };
    expect(() => rake(design, [empty], { epsilon: 1e-10, maxIterations: 10 })).toThrow(DesignError);
    expect(() => rake(design, [empty], { epsilon: 1e-10, maxIterations: 10 })).toThrow(/age_group=c/);
    // Margins that contradict each other (totals 10 and 20) stop changing the table, as in R, but
    // the report shows they are not met.
    const a = { cell: Int32Array.of(0, 0, 1, 1), population: Float64Array.of(5, 5) };
    const b = { cell: Int32Array.of(0, 1, 0, 1), population: Float64Array.of(10, 10) };
    expect(rake(design, [a, b], { epsilon: 1e-10, maxIterations: 7 }).report.maxMarginDeviation).toBeGreaterThan(1);
    // An iteration limit too low to converge is reported.
    const uneven = createDesign({ weights: Float64Array.of(1, 2, 3, 4, 5, 6) });
    const rows = { cell: Int32Array.of(0, 0, 0, 1, 1, 1), population: Float64Array.of(50, 50) };
    const cols = { cell: Int32Array.of(0, 1, 1, 0, 0, 1), population: Float64Array.of(30, 70) };
    const report = rake(uneven, [rows, cols], { epsilon: 1e-10, maxIterations: 2 }).report;
    expect(report.converged).toBe(false);
    expect(report.iterations).toBe(2);
    expect(rake(uneven, [rows, cols], { epsilon: 1e-10, maxIterations: 200 }).report.converged).toBe(true);
  });

  it('post-stratification meets its cells exactly', () => {
    const design = createDesign({ weights: Float64Array.of(1, 2, 3, 4) });
    const result = postStratify(design, { cell: Int32Array.of(0, 0, 1, 1), population: Float64Array.of(30, 70) });
    expect(result.design.weights[0]! + result.design.weights[1]!).toBeCloseTo(30, 12);
    expect(result.design.weights[2]! + result.design.weights[3]!).toBeCloseTo(70, 12);
  });

  it('t and normal quantiles agree with R', () => {
    const r: [number, number][] = [[1, 12.7062047361746941], [2, 4.3026527297494619], [10, 2.2281388519862739], [102, 1.9834952585628791], [768, 1.96305767034143], [1e6, 1.9599663568141066]];
    for (const [df, q] of r) expect(relDiff(qt(0.975, df), q), `df ${df}`).toBeLessThan(1e-12);
    expect(relDiff(qnorm(0.975), 1.9599639845400536)).toBeLessThan(1e-15);
    expect(relDiff(qnorm(1e-10), -6.3613409024040557)).toBeLessThan(1e-14);
    expect(qt(0.025, 10)).toBeCloseTo(-2.2281388519862739, 12);
  });
});

describe('CSV reading', () => {
  it('reads quoted fields, missing values and both separators', () => {
    const t = readCsv('"a";"b";"c"\r\n"x;1";1,5;\n"y ""q""";NA;2\n', { a: 'categorical', c: 'numeric' });
    expect(t.rows).toBe(2);
    expect((t.columns.get('a') as ReturnType<typeof categorical>).levels).toEqual(['x;1', 'y "q"']);
    expect(Array.from((t.columns.get('c') as ReturnType<typeof numeric>).values)).toEqual([NaN, 2]);
  });

  it('names the line and column of a value that is not a number', () => {
    const run = () => readCsv('w,y\n1,2\n1,zwei\n', { w: 'numeric', y: 'numeric' });
    expect(run).toThrow(DataError);
    expect(run).toThrow(/Line 3, column "y"/);
    expect(() => readCsv('w\n1\n', { w: 'numeric', v: 'numeric' })).toThrow(/no column "v"/);
  });

  const levels = (t: Table, name: string) => (t.columns.get(name) as ReturnType<typeof categorical>).levels;
  const codes = (t: Table, name: string) => Array.from((t.columns.get(name) as ReturnType<typeof categorical>).codes);
  const values = (t: Table, name: string) => Array.from((t.columns.get(name) as ReturnType<typeof numeric>).values);

  it('reads a byte order mark, CRLF, blank lines, quoted separators, quotes and line breaks, and a last line without break', () => {
    const text = '\uFEFF"name","n","skip"\r\n"a,b",1,"x ""y"" z"\r\n\r\n"say ""hi""",2,"multi\r\nline"\n"Süd",3,\nNord,"4",last';
    for (const input of [text, new TextEncoder().encode(text)]) {
      const t = readCsv(input, { name: 'categorical', n: 'numeric' });
      expect(t.rows).toBe(4);
      expect(levels(t, 'name')).toEqual(['Nord', 'Süd', 'a,b', 'say "hi"']);
      expect(codes(t, 'name')).toEqual([2, 3, 1, 0]);
      expect(values(t, 'n')).toEqual([1, 2, 3, 4]);
    }
  });

  it('treats empty fields and NA as missing, quoted or not, and keeps one level for a value however it is written', () => {
    const t = readCsv('g,v\n"",NA\nNA,""\nx,\n"x",5\na"b,6\n"a""b",7\n', { g: 'categorical', v: 'numeric' });
    expect(levels(t, 'g')).toEqual(['a"b', 'x']);
    expect(codes(t, 'g')).toEqual([-1, -1, 1, 1, 0, 0]);
    expect(values(t, 'v')).toEqual([NaN, NaN, NaN, 5, 6, 7]);
  });

  it('codes many levels, short and long, however they arrive', () => {
    const names = Array.from({ length: 600 }, (_, i) => (i % 2 ? `Ortsteil Nummer ${i}` : `k${i}`));
    const order = Array.from({ length: 3000 }, (_, i) => names[(i * 7919) % names.length]!);
    // An unescaped value first, then the same value plain; a value with a quote plain, then escaped.
    const rows = ['"only ""escaped"""', '"say ""no"""', 'say "no"', 'x"y', '"x""y"', ...order];
    const csv = `g\n${rows.map((v, i) => (i > 4 && i % 3 === 0 ? `"${v}"` : v)).join('\n')}\n`;
    const t = readCsv(csv, { g: 'categorical' });
    const expected = categorical(['only "escaped"', 'say "no"', 'say "no"', 'x"y', 'x"y', ...order]);
    expect(levels(t, 'g')).toEqual(expected.levels);
    expect(codes(t, 'g')).toEqual(Array.from(expected.codes));
  });

  it('reads every number as Number() does', () => {
    // Plain decimals take the byte-wise path; exponents, blanks, 17-digit and long fractions go through Number().
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const digits = (k: number) => Array.from({ length: k }, () => Math.floor(random() * 10)).join('');
    const texts = ['0', '-0', '+7', '.5', '-.25', '5.', '007', '1e3', '-2.5E-3', ' 12 ', '0x1A', 'Infinity', '9007199254740993',
      '3.3299874887612924', '0.1', '123456789012345678901234', '0.00000000000000000000001234', String(Math.PI), String(2 / 3)];
    for (let i = 0; i < 3000; i++) {
      const whole = digits(1 + Math.floor(random() * 12));
      const fraction = random() < 0.7 ? `.${digits(Math.floor(random() * 18))}` : '';
      texts.push(`${random() < 0.3 ? '-' : ''}${whole}${fraction}`);
    }
    const csv = `v\n${texts.map((x, i) => (i % 2 ? `"${x}"` : x)).join('\n')}\n`;
    const read = values(readCsv(csv, { v: 'numeric' }), 'v');
    texts.forEach((x, i) => expect(Object.is(read[i], Number(x)), `${x} read as ${read[i]}`).toBe(true));
  });

  it('refuses broken quoting and ragged lines, naming the line', () => {
    expect(() => readCsv('a,b\n1,2\n"open,3\n', { a: 'numeric' })).toThrow(/Line 3: a quoted field is not closed/);
    expect(() => readCsv('a,b\n"1"x,2\n', { a: 'numeric' })).toThrow(/Line 2: a quoted field is followed by text/);
    expect(() => readCsv('a,b\n1,2\n\n3\n', { a: 'numeric' })).toThrow(/Line 4 has 1 fields, the header 2/);
    expect(() => readCsv('a,b\n1,2,3\n', { a: 'numeric' })).toThrow(/Line 2 has 3 fields/);
    expect(() => readCsv('a;b\n1;x\n', { b: 'numeric' })).toThrow(/Line 2, column "b": "x" is not a number/);
  });
});

describe('variance shortcuts agree with the row-by-row computation', () => {
  // A stratified sample raked on two margins; the design weight is one per stratum (few weight
  // patterns) or differs per row (no patterns): both must give what the dense residuals give.
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const n = 6000;
  const strata = Int32Array.from({ length: n }, (_, i) => i % 5);
  const age = Int32Array.from({ length: n }, () => Math.floor(random() * 3));
  const sex = Int32Array.from({ length: n }, () => (random() < 0.55 ? 1 : 0));
  const y = Float64Array.from({ length: n }, () => (random() < 0.05 ? NaN : Math.floor(random() * 5) + 1));
  const margins = [{ cell: age, population: Float64Array.of(30000, 40000, 50000) }, { cell: sex, population: Float64Array.of(61000, 59000) }];
  const dense = (design: Design, domain: Uint8Array | null) => {
    const w = design.weights;
    let t = 0;
    let W = 0;
    const counted = (i: number) => !Number.isNaN(y[i]!) && (!domain || domain[i] === 1);
    for (let i = 0; i < n; i++) if (counted(i)) { t += w[i]! * y[i]!; W += w[i]!; }
    const z = Float64Array.from({ length: n }, (_, i) => (counted(i) ? (w[i]! * (y[i]! - t / W)) / W : 0));
    return Math.sqrt(linearisedVariance(design, z));
  };
  const cases: [string, Float64Array][] = [
    ['one design weight per stratum', Float64Array.from(strata, (h) => 15 + 3 * h)],
    ['a design weight per row', Float64Array.from(strata, (h) => 15 + 3 * h + random())],
  ];
  it.each(cases)('%s', (_name, weights) => {
    const design = rake(createDesign({ weights, strata, populationPsus: Float64Array.of(1e5, 1e5, 1e5, 1e5, 1e5) }), margins, { epsilon: 1e-12, maxIterations: 100 }).design;
    const domains = [null, Uint8Array.from(strata, (h) => (h === 2 ? 1 : 0)), Uint8Array.from(age, (g) => (g === 1 ? 1 : 0))];
    for (const domain of domains) expect(relDiff(estimateMean(design, y, domain).se, dense(design, domain))).toBeLessThan(1e-13);
  });
});
