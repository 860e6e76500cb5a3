/**
 * Shared by the intake benchmark and the durability test: a survey in its field phase on a real
 * PostgreSQL database, the platform as a separate process, and a load of concurrent submissions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { loadConfig } from '../src/server/config.js';
import { seedDatabase } from '../src/platform/seed.js';
import { systemContext } from '../src/server/audit/record.js';
import { createAnalysisProject } from '../src/modules/surveys/create-analysis-project.js';
import { startFieldPhase } from '../src/modules/surveys/start-field-phase.js';
import { currentQuestionnaire } from '../src/modules/surveys/questionnaires.js';
import { accessCodes, analysisProjects } from '../src/modules/surveys/schema.js';
import { hashCode, newAccessCode } from '../src/modules/surveys/access-codes.js';
import { receiptOf } from '../src/modules/surveys/submit-response.js';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '..');

/** Migrates, loads reference data, opens a field phase and returns `n` fresh access codes. */
export async function prepareSurvey(databaseUrl: string, n: number) {
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  await database.migrate();
  await seedDatabase(database.db, loadConfig({ NODE_ENV: 'production', DATABASE_URL: databaseUrl }), () => {});
  const sys = systemContext('bench');
  const project = await createAnalysisProject(database.db, sys, { ags: '14521550', institute: 'Benchmark', startOn: '2026-01-05', code: `bench-${Date.now()}` });
  const [row] = await database.db.update(analysisProjects).set({ districts: ['Innenstadt', 'Heide', 'Sonnenleithe'] }).where(eq(analysisProjects.id, project.id)).returning();
  const q = await currentQuestionnaire(database.db, project.id);
  await startFieldPhase(database.db, sys, row!, { version: q.version });
  const codes = Array.from({ length: n }, newAccessCode);
  for (let i = 0; i < codes.length; i += 2000) {
    await database.db.insert(accessCodes).values(codes.slice(i, i + 2000).map((c) => ({ codeHash: hashCode(c), projectId: project.id, stratumKey: 'bench' }))).onConflictDoNothing();
  }
  await database.close();
  return { projectId: project.id, codes };
}

/** A plausible full set of answers (the same shape for every submission). */
export const ANSWERS = {
  AF01: 2, CF01: 3, CF02: 2, CN01: { CN01_a: 1, CN01_b: 0, CN01_c: 0, CN01_d: 0 }, PS01: { PS01_a: 2, PS01_b: 3, PS01_c: 9, PS01_d: 2 },
  IN01: { IN01_a: 3, IN01_b: 2, IN01_c: 2, IN01_d: 1, IN01_e: 1, IN01_f: 3, IN01_g: 4, IN01_h: 2 }, VI01: { VI01_a: 0, VI01_b: 1, VI01_c: 0, VI01_d: 0, VI01_e: 0, VI01_f: 0, VI01_g: 0, VI01_h: 0 },
  VI02: 1, TR01: { TR01_a: 4, TR01_b: 3 }, SA01: 4, ME01: [1, 3, 5], ME02: 'Bessere Beleuchtung am Bahnhof.', SD01: 3, SD02: 1, SD03: 2, SD04: 3, SD05: 4,
};

export interface Platform { url: string; process: ChildProcess; stop(): Promise<void> }

/** Starts `src/platform/main.ts` as its own process on the given database and waits until it answers. */
export async function startPlatform(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<Platform> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SURVEY_RATE_LIMIT: '100000000', DEMO_DATA: 'false', PUBLIC_URL: `http://127.0.0.1:${port}`, SERVER_SECRET: randomBytes(32).toString('hex'), ...extraEnv },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`platform exited: ${stderr}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
    if (i === 299) throw new Error(`platform did not start: ${stderr}`);
  }
  return {
    url, process: child,
    async stop() { if (child.exitCode === null) { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } },
  };
}

export interface LoadResult { acknowledged: string[]; latenciesMs: number[]; errors: number; seconds: number }

/**
 * `clients` concurrent respondents submit until `seconds` have passed (or `stop()` resolves); every
 * submission id that got a success answer is recorded.
 */
export async function submitLoad(url: string, codes: string[], opts: { clients: number; seconds: number; until?: Promise<void>; survey?: { id: string; revision: number } }): Promise<LoadResult> {
  const acknowledged: string[] = [];
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  let stopped = false;
  opts.until?.then(() => { stopped = true; });
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  // What the survey page sends: the survey and questionnaire revision it was shown, with the answers.
  const body = (code: string, submissionId: string) => JSON.stringify({ code, submissionId, answers: ANSWERS, survey: opts.survey?.id, revision: opts.survey?.revision });
  // Plain keep-alive HTTP (lighter than fetch): the load generator shares the machine with the platform.
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const target = new URL(`${url}/api/public/survey/submit`);
  const post = (payload: string) => new Promise<number>((resolvePost, reject) => {
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => resolvePost(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
  async function client() {
    while (!stopped && performance.now() < deadline && next < codes.length) {
      const code = codes[next++]!;
      const submissionId = randomUUID();
      const t0 = performance.now();
      try {
        const status = await post(body(code, submissionId));
        if (status === 201) { acknowledged.push(submissionId); latenciesMs.push(performance.now() - t0); } else errors++;
      } catch { errors++; if (stopped) return; }
    }
  }
  await Promise.all(Array.from({ length: opts.clients }, client));
  agent.destroy();
  return { acknowledged, latenciesMs, errors, seconds: (performance.now() - started) / 1000 };
}

/**
 * What survived: acknowledged submissions with their receipt, and the codes used against the answers in
 * the mixing pool or already stored as responses (the same transaction writes code, receipt and answers).
 */
export async function storedCounts(databaseUrl: string, acknowledged: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async (q: string, params: unknown[] = []) => (await client.query<{ n: number }>(q, params)).rows[0]!.n;
    return {
      acknowledgedStored: await one('select count(*)::int as n from survey_used_codes where receipt = any($1::text[])', [acknowledged.map(receiptOf)]),
      receipts: await one('select count(*)::int as n from survey_used_codes where receipt is not null'),
      usedCodes: await one('select ((select count(*) from survey_used_codes) + (select count(*) from access_codes where used))::int as n'),
      pooled: await one('select count(*)::int as n from survey_pool'),
      responses: await one('select count(*)::int as n from survey_responses'),
    };
  } finally { await client.end(); }
}

export const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
