/**
 * A press-release day (`npm run bench:public`): 200 concurrent clients on each public answer, on the embedded
 * database and (under scripts/with-postgres.sh, which sets TEST_DATABASE_URL) on a throwaway PostgreSQL.
 *
 * For each database one app process of the production build (`node dist/platform/main.js`; `npm run bench:public`
 * builds it when stale) is started with the demo data. Each endpoint and the hashed main script
 * (the baseline: a static file from the same process) get BENCH_SECONDS (default 20) of load from autocannon,
 * while another client writes 5 records per second that feed the figures and the map (milestones and
 * consultations, through the API as the LPR does), so the cache is invalidated all the time. The answers are
 * checked to be what the server would compute. Clients accept brotli and gzip like browsers.
 * Then, as a second baseline, the same process with the cache off (PUBLIC_CACHE=off) for figures and map.
 *
 * Last line: {"pglite":{"endpoints":{…},"staticRps":…,"minRatio":…,…},"postgres":{…},"minRatio":…,"maxP99Ms":…,"errors":…,"goal":…}
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { createServerDatabase } from '../test/server-database.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/modules/auth/seed-demo-users.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const WRITES_PER_SECOND = 5;
const PAST = '2022-07-22';
const ENDPOINTS = ['/api/public/figures', `/api/public/figures?asOf=${PAST}`, '/api/public/map', `/api/public/map?asOf=${PAST}`];
const root = resolve(import.meta.dirname, '..');

interface Result { rps: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number; kbPerRequest: number }

const freePort = () => new Promise<number>((ok, fail) => {
  const server = createServer().listen(0, '127.0.0.1', () => { const { port } = server.address() as { port: number }; server.close(() => ok(port)); }).on('error', fail);
});

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  if (!existsSync(join(root, 'dist/platform/main.js'))) throw new Error('No production build: run `npm run build` first.');
  const child = spawn(process.execPath, ['dist/platform/main.js'], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DEMO_DATA: 'true', ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try { if ((await fetch(`${url}/api/health`)).ok) break; } catch { /* not listening yet */ }
    if (i > 600) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, stop: async () => { child.kill('SIGTERM'); await exited; } };
}

function load(url: string, seconds: number): Promise<Result> {
  return new Promise((ok, fail) => {
    autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { 'accept-encoding': 'br, gzip' }, timeout: 10 }, (err, r) => {
      if (err) return fail(err);
      ok({
        rps: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99,
        errors: r.errors + r.timeouts, non2xx: r.non2xx, kbPerRequest: Math.round((r.throughput.total / Math.max(1, r.requests.total)) / 102.4) / 10,
      });
    });
  });
}

/** 5 writes per second to records the figures and map are computed from, as the LPR's staff records them. */
function writeLoad(url: string) {
  const staff = DEMO_USERS.find((u) => u.grants.some((g) => g.role === 'lpr_staff'))!;
  let headers: Record<string, string> = {};
  let communes: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  const stats = { writes: 0, failed: 0, seconds: 0 };
  let n = 0;
  let began = 0;
  const write = async () => {
    const ags = communes[n++ % communes.length]!;
    const day = new Date(Date.UTC(2019, 0, 1) + (n * 7919 % 2800) * 86_400_000).toISOString().slice(0, 10);
    const [path, body] = n % 2
      ? ['/api/alliance/milestones', { ags, occurredOn: day, kind: 'funding_committed', amountEur: 1000 + n }]
      : ['/api/consultations', { heldOn: day, communes: [ags] }];
    try {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status === 201) stats.writes++; else stats.failed++;
      await res.arrayBuffer();
    } catch { stats.failed++; }
  };
  return {
    stats,
    async start() {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: staff.email, password: DEMO_PASSWORD }) });
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      headers = { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
      communes = ((await (await fetch(`${url}/api/public/map`)).json()) as { communes: { ags: string }[] }).communes.map((c) => c.ags);
      // Paced by the clock, not by the timer alone: the load generator shares this process, so timers run late.
      began = performance.now();
      timer = setInterval(() => {
        const due = Math.floor((performance.now() - began) / 1000 * WRITES_PER_SECOND);
        while (n < due) void write();
      }, 50);
    },
    stop() {
      if (timer) { clearInterval(timer); timer = null; stats.seconds = Math.round((performance.now() - began) / 100) / 10; }
    },
  };
}

/** The entry script that index.html names (hashed by Vite, precompressed by the build). */
function hashedScript(): string {
  const html = readFileSync(join(root, 'dist/web/index.html'), 'utf8');
  const src = /<script[^>]+src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('No built web app: run `npm run build:web` first.');
  return src;
}

async function runOn(label: string, env: Record<string, string>) {
  const script = hashedScript();
  console.error(`== ${label}: starting`);
  const server = await startServer(env);
  const writer = writeLoad(server.url);
  try {
    // The cached answers must be what the cache-less server says; checked once below against the baseline run.
    for (const path of [...ENDPOINTS, script]) await (await fetch(`${server.url}${path}`)).arrayBuffer();
    await writer.start();
    const endpoints: Record<string, Result> = {};
    const staticResult = await load(`${server.url}${script}`, SECONDS);
    console.error(`   static ${script}: ${JSON.stringify(staticResult)}`);
    for (const path of ENDPOINTS) {
      endpoints[path] = await load(`${server.url}${path}`, SECONDS);
      console.error(`   ${path}: ${JSON.stringify(endpoints[path])}`);
    }
    writer.stop();
    const writes = { ...writer.stats, perSecond: Math.round(writer.stats.writes / writer.stats.seconds * 10) / 10 };
    const answers = Object.fromEntries(await Promise.all(ENDPOINTS.map(async (p) => [p, await (await fetch(`${server.url}${p}`)).text()] as const)));
    await server.stop();

    console.error(`== ${label}: baseline without the cache`);
    const uncached = await startServer({ ...env, DEMO_DATA: 'false', PUBLIC_CACHE: 'off' });
    const baseline: Record<string, Result> = {};
    let identical = true;
    try {
      for (const p of ENDPOINTS) if ((await (await fetch(`${uncached.url}${p}`)).text()) !== answers[p]) identical = false;
      for (const path of [ENDPOINTS[0]!, ENDPOINTS[2]!]) {
        baseline[path] = await load(`${uncached.url}${path}`, Math.max(5, SECONDS / 2));
        console.error(`   uncached ${path}: ${JSON.stringify(baseline[path])}`);
      }
    } finally { await uncached.stop(); }
    const ratios = ENDPOINTS.map((p) => endpoints[p]!.rps / staticResult.rps);
    return {
      endpoints, staticFile: script, staticRps: staticResult.rps, staticP99Ms: staticResult.p99Ms, minRatio: Math.round(Math.min(...ratios) * 100) / 100,
      maxP99Ms: Math.max(...ENDPOINTS.map((p) => endpoints[p]!.p99Ms)), errors: ENDPOINTS.reduce((s, p) => s + endpoints[p]!.errors + endpoints[p]!.non2xx, 0),
      writes, answersEqualUncached: identical, uncachedBaseline: baseline,
    };
  } finally {
    writer.stop();
    if (server.child.exitCode === null) await server.stop();
  }
}

async function main() {
  const out: Record<string, Awaited<ReturnType<typeof runOn>>> = {};
  // BENCH_ONLY=pglite|postgres runs one of them (for iterating; the benchmark is both).
  const only = process.env.BENCH_ONLY;
  const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-bench-public-'));
  try {
    if (only !== 'postgres') out.pglite = await runOn('embedded database (PGlite)', { DATA_DIR: dataDir, FILES_DIR: join(dataDir, 'files'), MAIL_OUTBOX_DIR: join(dataDir, 'outbox') });
  } finally { rmSync(dataDir, { recursive: true, force: true }); }
  const serverUrl = only === 'pglite' ? undefined : process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const server = await createServerDatabase('bench_public');
    const filesDir = mkdtempSync(join(tmpdir(), 'asskomm-bench-public-files-'));
    try {
      out.postgres = await runOn('PostgreSQL', { DATABASE_URL: server.url, FILES_DIR: filesDir, MAIL_OUTBOX_DIR: join(filesDir, 'outbox') });
    } finally {
      await server.drop();
      rmSync(filesDir, { recursive: true, force: true });
    }
  } else {
    console.error('(no TEST_DATABASE_URL: PostgreSQL skipped; run `npm run bench:public`, which starts a throwaway server)');
  }
  const runs = Object.values(out);
  console.log(JSON.stringify({
    ...out,
    minRatio: Math.min(...runs.map((r) => r.minRatio)),
    maxP99Ms: Math.max(...runs.map((r) => r.maxP99Ms)),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    connections: CONNECTIONS, seconds: SECONDS, writesPerSecond: WRITES_PER_SECOND,
    goal: { minRatio: 0.5, maxP99Ms: 100, errors: 0 },
  }));
}

main().catch((e) => { console.error(e); process.exit(1); });
