// Start and stop of the platform process, as a newcomer (`npm start`) and an operator see it:
//   first start  empty embedded database → GET /api/health/ready answers 200 (migrations, demo data, job system)
//   restart      the same data directory again
//   shutdown     SIGTERM → process exited (port and data directory free), also for a real `npm start`
// Baseline in the same run: what `npm start` did before the production build (vite build, then tsx on the sources).
// The production build is made first when stale (its time is reported, not counted in the starts).
// Usage: npm run bench:start   (BENCH_RUNS=3: runs per figure, median reported)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const READY_TIMEOUT_MS = 240_000;
const bin = (name: string) => join(root, 'node_modules/.bin', name);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const portAnswers = (port: number) => new Promise<boolean>((resolve) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});

const ready = (port: number) => fetch(`http://127.0.0.1:${port}/api/health/ready`).then(async (r) => { await r.arrayBuffer(); return r.status === 200; }, () => false);

interface Running { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> }

/** Starts `command` in its own process group (so that anything it leaves behind can be stopped) on a fresh port. */
async function launch(command: string, args: string[], dataDir: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(command, args, {
    cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '',
      DATA_DIR: join(dataDir, 'db'), FILES_DIR: join(dataDir, 'files'), MAIL_OUTBOX_DIR: join(dataDir, 'outbox'),
    },
  });
  let output = '';
  child.stdout!.on('data', (d) => { output = (output + d).slice(-20_000); });
  child.stderr!.on('data', (d) => { output = (output + d).slice(-20_000); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

async function untilReady(r: Running) {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (!(await ready(r.port))) {
    if (r.child.exitCode !== null) throw new Error(`exited (${r.child.exitCode}) before ready:\n${r.output()}`);
    if (performance.now() > deadline) throw new Error(`not ready within ${READY_TIMEOUT_MS} ms:\n${r.output()}`);
    await sleep(25);
  }
}

/** Stops whatever is left of the process group (the baseline's shell does not pass SIGTERM on). */
async function killGroup(r: Running) {
  try { process.kill(-r.child.pid!, 'SIGTERM'); } catch { return; }
  for (let i = 0; i < 100 && (await portAnswers(r.port)); i++) await sleep(100);
  try { process.kill(-r.child.pid!, 'SIGKILL'); } catch { /* gone */ }
}

/** Spawn → ready; then SIGTERM to the spawned process → port free and process exited. */
async function startStop(command: string, args: string[], dataDir: string, stop: 'sigterm' | 'group') {
  const t0 = performance.now();
  const r = await launch(command, args, dataDir);
  await untilReady(r);
  const startMs = performance.now() - t0;
  if (stop === 'group') { await killGroup(r); return { startMs }; }
  const t1 = performance.now();
  r.child.kill('SIGTERM');
  let portFreeMs = NaN;
  for (;;) {
    if (!(await portAnswers(r.port))) { portFreeMs = performance.now() - t1; break; }
    if (performance.now() - t1 > 15_000) break;
    await sleep(10);
  }
  const code = await Promise.race([r.exited, sleep(15_000).then(() => 'hung' as const)]);
  const exitMs = performance.now() - t1;
  const lockHeld = existsSync(join(dataDir, 'db', 'asskomm.lock'));
  if (code !== 0 || lockHeld || Number.isNaN(portFreeMs)) {
    await killGroup(r);
    throw new Error(`${command} ${args.join(' ')}: after SIGTERM exit ${code}, port ${Number.isNaN(portFreeMs) ? 'still served' : 'free'}, lock ${lockHeld ? 'held' : 'released'}\n${r.output()}`);
  }
  return { startMs, exitMs, portFreeMs };
}

async function run(command: string, args: string[]) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code})`);
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const t = performance.now();
  await run(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale']);
  const buildCheckMs = Math.round(performance.now() - t);
  console.log(`production build current (check and build if stale: ${fmt(buildCheckMs)})`);

  const dirs: string[] = [];
  const fresh = () => { const d = mkdtempSync(join(tmpdir(), 'asskomm-bench-start-')); dirs.push(d); return d; };
  const compiled = [join(root, 'dist/platform/main.js')];
  const first: number[] = []; const restart: number[] = []; const shutdown: number[] = []; const npmExit: number[] = [];
  const baseFirst: number[] = []; const baseRestart: number[] = [];
  // The old `npm start`: the web app rebuilt on every start, then the sources run under tsx. It builds into a
  // folder of its own, in production mode as `npm start` did, so the production build in dist/ stays as it is.
  const oldWeb = mkdtempSync(join(tmpdir(), 'asskomm-bench-start-web-'));
  const oldStart = ['-c', `NODE_ENV=production ${bin('vite')} build --logLevel warn --outDir ${oldWeb} --emptyOutDir >/dev/null && exec ${bin('tsx')} src/platform/main.ts`];
  try {
    for (let i = 0; i < RUNS; i++) {
      const dir = fresh();
      const a = await startStop(process.execPath, compiled, dir, 'sigterm');
      const b = await startStop(process.execPath, compiled, dir, 'sigterm');
      first.push(a.startMs); restart.push(b.startMs); shutdown.push(a.exitMs!, b.exitMs!);
      console.log(`compiled  run ${i + 1}: first start ${fmt(a.startMs)}, restart ${fmt(b.startMs)}, SIGTERM → exit ${fmt(a.exitMs!)} / ${fmt(b.exitMs!)}`);
      const n = await startStop('npm', ['start', '--silent'], dir, 'sigterm');
      npmExit.push(n.portFreeMs!);
      console.log(`npm start run ${i + 1}: start ${fmt(n.startMs)}, SIGTERM to npm → port free ${fmt(n.portFreeMs!)}, npm exited ${fmt(n.exitMs!)}`);
      const baseDir = fresh();
      const c = await startStop('sh', oldStart, baseDir, 'group');
      const d = await startStop('sh', oldStart, baseDir, 'group');
      baseFirst.push(c.startMs); baseRestart.push(d.startMs);
      console.log(`baseline  run ${i + 1}: first start ${fmt(c.startMs)}, restart ${fmt(d.startMs)} (vite build + tsx)`);
    }
  } finally {
    for (const d of [...dirs, oldWeb]) rmSync(d, { recursive: true, force: true });
  }
  const result = {
    firstStartMs: median(first), restartMs: median(restart), shutdownMs: median(shutdown), npmStartSigtermExitMs: median(npmExit),
    baselineFirstStartMs: median(baseFirst), baselineRestartMs: median(baseRestart),
    goalFirstStartMs: 30_000, goalRestartMs: 3_000, runs: RUNS,
  };
  console.log(`medians of ${RUNS}: first start ${fmt(result.firstStartMs)} (baseline ${fmt(result.baselineFirstStartMs)}, goal < 30 s), restart ${fmt(result.restartMs)} (baseline ${fmt(result.baselineRestartMs)}, goal < 3 s), SIGTERM → exit ${fmt(result.shutdownMs)}, npm start SIGTERM → port free ${fmt(result.npmStartSigtermExitMs)}`);
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
