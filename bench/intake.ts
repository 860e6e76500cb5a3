/**
 * Survey intake under load (`npm run bench:intake`, run inside scripts/with-postgres.sh, which starts a
 * throwaway PostgreSQL server with fsync on).
 *
 * 1. The platform runs as its own process; 200 concurrent clients submit answers to the real HTTP endpoint
 *    for at least 30 s. Latency is measured per acknowledged submission.
 * 2. Baseline, same run, same server and durability: single-row INSERTs of the same payload through `pg`
 *    by 200 concurrent clients.
 * 3. Durability: under the same load the platform process is killed with SIGKILL; every submission that had
 *    received a success answer must be in the database.
 * Last line: {"submissionsPerSecond","p50Ms","p99Ms","baselineInsertsPerSecond","ratio","lost"}.
 */
import pg from 'pg';
import { createServerDatabase } from '../test/server-database.js';
import { ANSWERS, percentile, prepareSurvey, startPlatform, storedCounts, submitLoad } from './intake-support.js';

const CLIENTS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('Run through scripts/with-postgres.sh (npm run bench:intake).');

const createDatabase = async (prefix: string) => (await createServerDatabase(prefix)).url;

const countStored = async (url: string, ids: string[]) => (await storedCounts(url, ids)).acknowledgedStored;

const log = (msg: string) => console.log(msg);
const url = await createDatabase('bench_intake');
log('preparing a survey with 400,000 access codes …');
const { projectId, codes } = await prepareSurvey(url, 400_000);
const platform = await startPlatform(url, 3901, { DB_POOL_SIZE: process.env.BENCH_POOL ?? '50' });

// Warm-up (JIT, connection pool, caches), then the measured run.
const survey = { id: projectId, revision: 1 };
await submitLoad(platform.url, codes.splice(0, 2000), { clients: CLIENTS, seconds: 3, survey });
const run = await submitLoad(platform.url, codes.splice(0, 300_000), { clients: CLIENTS, seconds: SECONDS, survey });
const sorted = [...run.latenciesMs].sort((a, b) => a - b);
const submissionsPerSecond = run.acknowledged.length / run.seconds;
const storedRun = await countStored(url, run.acknowledged);
log(`platform: ${run.acknowledged.length} submissions in ${run.seconds.toFixed(1)} s = ${submissionsPerSecond.toFixed(0)}/s, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ${run.errors} errors`);

// Durability: kill the process while 200 clients are submitting.
let killed: () => void = () => {};
const killedPromise = new Promise<void>((r) => { killed = r; });
const underKill = submitLoad(platform.url, codes.splice(0, 90_000), { clients: CLIENTS, seconds: 30, until: killedPromise, survey });
await new Promise((r) => setTimeout(r, 3000));
platform.process.kill('SIGKILL');
killed();
const killRun = await underKill;
const storedKill = await countStored(url, killRun.acknowledged);
const lost = (run.acknowledged.length - storedRun) + (killRun.acknowledged.length - storedKill);
log(`SIGKILL under load: ${killRun.acknowledged.length} acknowledged before the kill, ${storedKill} stored`);

// Baseline: the raw INSERT rate of this machine with the same payload, durability and concurrency.
const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
await pool.query('create table if not exists bench_baseline (like survey_pool including defaults)');
const payload = JSON.stringify(ANSWERS);
let inserts = 0;
const baselineSeconds = Math.min(SECONDS, 15);
const t0 = performance.now();
const end = t0 + baselineSeconds * 1000;
await Promise.all(Array.from({ length: CLIENTS }, async () => {
  while (performance.now() < end) {
    await pool.query('insert into bench_baseline (project_id, questionnaire_revision, mode, answers) values ($1, 1, $2, $3)', [projectId, 'online', payload]);
    inserts++;
  }
}));
const baselineInsertsPerSecond = inserts / ((performance.now() - t0) / 1000);
await pool.end();
log(`baseline: ${inserts} single-row INSERTs = ${baselineInsertsPerSecond.toFixed(0)}/s`);

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
console.log(JSON.stringify({
  submissionsPerSecond: round(submissionsPerSecond), p50Ms: round(percentile(sorted, 50), 2), p99Ms: round(percentile(sorted, 99), 2),
  baselineInsertsPerSecond: round(baselineInsertsPerSecond), ratio: round(submissionsPerSecond / baselineInsertsPerSecond, 3), lost,
}));
