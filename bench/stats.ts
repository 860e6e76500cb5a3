/**
 * Statistics engine against R's survey package (`npm run bench:stats`).
 *
 * Generates a 1,000,000-response survey of the reference's shape (fixed seed), then runs the same spec
 * (raking on age group and sex, means of four items overall and by Ortsteil) with our engine and, in the
 * same run, with R (bench/survey-r.R). Both timings cover reading the CSV, the design, the raking and all
 * estimates; R's start-up is not counted. Installs nothing: needs Rscript with the survey and jsonlite
 * packages (Debian: r-base-core r-cran-survey).
 * Baseline in the same run: `onePassSeconds`, reading the file and visiting every byte once; `onePassRatio`
 * is how many such passes our whole run costs. BENCH_SKIP_R=1 leaves R out (for iterating only).
 * Last line: {"rows","oursSeconds","rSeconds","speedup","maxRelDiff","onePassSeconds","onePassRatio"}.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { seededRandom } from '../src/modules/surveys/sampling.js';
import { parseSpec, runSpec, specColumns, type Spec } from '../src/stats/spec.js';
import { readCsv } from '../src/stats/table.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ITEMS = ['unsafe_night', 'victim_12m', 'graffiti_problem', 'trust_police'];
const DISTRICTS = ['OT01', 'OT02', 'OT03', 'OT04', 'OT05', 'OT06', 'OT07', 'OT08'];
const AGES = ['16-29', '30-44', '45-64', '65+'];
const AGE_SHARE = [0.17, 0.22, 0.33, 0.28];
const SEXES = ['m', 'w'];

/** Writes the survey and returns the population margins that belong to it. */
async function generate(path: string) {
  const random = seededRandom(20261121);
  const districtPopulation = DISTRICTS.map((_, k) => 400_000 + 150_000 * k);
  const districtShare = districtPopulation.map((n) => n / districtPopulation.reduce((a, b) => a + b, 0));
  const respondents = districtShare.map((s) => Math.round(s * ROWS));
  respondents[respondents.length - 1]! += ROWS - respondents.reduce((a, b) => a + b, 0);
  const out = createWriteStream(path);
  out.write('"id","district","age_group","sex","N_district","n_sampled","design_weight","fear_night","unsafe_night","victim_12m","graffiti_problem","trust_police"\n');
  const pick = (shares: number[]) => { let u = random(); let k = 0; while (k < shares.length - 1 && u >= shares[k]!) { u -= shares[k]!; k++; } return k; };
  const bernoulli = (p: number) => (random() < p ? 1 : 0);
  let id = 0;
  for (const [h, district] of DISTRICTS.entries()) {
    const N = districtPopulation[h]!;
    const sampled = Math.round(respondents[h]! / 0.45);
    const weight = N / sampled;
    let chunk = '';
    for (let r = 0; r < respondents[h]!; r++) {
      // Older people and women answer more often, so the raking has something to correct.
      const age = pick([0.12, 0.2, 0.36, 0.32]);
      const sex = bernoulli(0.54);
      const risk = 0.22 + 0.05 * h / DISTRICTS.length + 0.07 * age + 0.12 * sex;
      const unsafe = random() < 0.02 ? '' : String(bernoulli(risk));
      const fear = unsafe === '' ? '' : String(unsafe === '1' ? 3 + bernoulli(0.4) : 1 + bernoulli(0.5));
      const trust = random() < 0.06 ? '' : String(Math.min(5, Math.max(1, Math.round(3.8 - 0.3 * sex + (random() - 0.5) * 3))));
      id++;
      chunk += `"R${String(id).padStart(7, '0')}","${district}","${AGES[age]}","${SEXES[sex]}",${N},${sampled},${weight},${fear},${unsafe},${bernoulli(0.08 + 0.04 * (3 - age) / 3)},${bernoulli(0.35 + 0.04 * h)},${trust}\n`;
      if (chunk.length > 1 << 20) { if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r())); chunk = ''; }
    }
    out.write(chunk);
  }
  await new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve(undefined))));
  const total = districtPopulation.reduce((a, b) => a + b, 0);
  const split = (shares: number[], labels: string[]) => {
    const counts = shares.map((s) => Math.round(s * total));
    counts[counts.length - 1]! += total - counts.reduce((a, b) => a + b, 0);
    return Object.fromEntries(labels.map((l, k) => [l, counts[k]!]));
  };
  return { age_group: split(AGE_SHARE, AGES), sex: split([0.49, 0.51], SEXES) };
}

function buildSpec(margins: Record<string, Record<string, number>>): Spec {
  const estimates = ITEMS.flatMap((variable) => [
    { id: `rake/mean/${variable}`, design: 'rake', stat: 'mean' as const, variable, by: null },
    ...DISTRICTS.map((d) => ({ id: `rake/mean/${variable}/district/${d}`, design: 'rake', stat: 'mean' as const, variable, by: 'district' })),
  ]);
  return {
    data: 'responses.csv',
    design: { strata: 'district', fpc: 'N_district', weights: 'design_weight' },
    calibrations: { rake: { method: 'rake', margins, epsilon: 1e-10, maxIterations: 200 } },
    estimates,
  };
}

/**
 * The cost of one pass over the data, measured in the same run: read the file and visit every byte
 * once in JavaScript (counting line breaks). No engine can be cheaper than this; best of three.
 */
function onePass(path: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const bytes = readFileSync(path);
    let lines = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
    best = Math.min(best, performance.now() - started);
    if (lines < ROWS) throw new Error('The generated file has too few lines.');
  }
  return best / 1000;
}

/**
 * The data are generated in a child process (this script with BENCH_GENERATE_TO), so that the
 * generator's garbage is not collected during our timed run; R runs in its own process as well.
 */
async function generateApart(path: string): Promise<Record<string, Record<string, number>>> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_GENERATE_TO: path },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Record<string, Record<string, number>>;
}

if (process.env.BENCH_GENERATE_TO) {
  process.stdout.write(JSON.stringify(await generate(process.env.BENCH_GENERATE_TO)));
} else {
  await main();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-stats-'));
  try {
    const spec = buildSpec(await generateApart(join(dir, 'responses.csv')));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const onePassSeconds = onePass(join(dir, 'responses.csv'));

    const started = performance.now();
    const parsed = parseSpec(JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8')));
    const table = readCsv(readFileSync(join(dir, 'responses.csv')), specColumns(parsed));
    const read = performance.now();
    const ours = runSpec(parsed, table);
    const oursSeconds = (performance.now() - started) / 1000;
    const round = (x: number, digits = 3) => Number(x.toFixed(digits));
    const split = { readSeconds: round((read - started) / 1000), ...Object.fromEntries(Object.entries(ours.timings).map(([k, v]) => [k, round(v)])) };
    console.log(JSON.stringify({ ours: { ...split, raking: ours.calibrations.rake } }));

    // BENCH_SKIP_R=1: our side only, for quick iterations (no speedup, no comparison).
    let r: { seconds: number; estimates: { id: string; estimate: number; se: number }[] } | null = null;
    if (process.env.BENCH_SKIP_R !== '1') {
      const { stdout } = await promisify(execFile)('Rscript', [new URL('survey-r.R', import.meta.url).pathname, join(dir, 'spec.json')], { maxBuffer: 1 << 26 });
      r = JSON.parse(stdout) as { seconds: number; estimates: { id: string; estimate: number; se: number }[] };
    }
    let maxRelDiff: number | null = null;
    if (r) {
      const rById = new Map(r.estimates.map((e) => [e.id, e]));
      maxRelDiff = 0;
      for (const e of ours.estimates) {
        const other = rById.get(e.id);
        if (!other) throw new Error(`R gave no value for ${e.id}`);
        maxRelDiff = Math.max(maxRelDiff, Math.abs(e.estimate - other.estimate) / Math.abs(other.estimate), Math.abs(e.se - other.se) / Math.abs(other.se));
      }
    }
    console.log(JSON.stringify({
      rows: table.rows,
      oursSeconds: round(oursSeconds),
      rSeconds: r ? round(r.seconds) : null,
      speedup: r ? round(r.seconds / oursSeconds, 1) : null,
      maxRelDiff: maxRelDiff === null ? null : Number(maxRelDiff.toPrecision(3)),
      onePassSeconds: round(onePassSeconds),
      onePassRatio: round(oursSeconds / onePassSeconds, 1),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
