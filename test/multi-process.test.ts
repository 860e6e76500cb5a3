import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../src/lib/dates.js';
import { DEMO_PASSWORD } from '../src/modules/auth/seed-demo-users.js';
import { REPORT_JOB } from '../src/modules/evaluation/report-job.js';
import { createServerDatabase } from './server-database.js';

/**
 * Two real app processes (`src/platform/main.ts`, as `npm start` runs it) on one fresh PostgreSQL database, started
 * at the same moment (migrations and seeding race): what one process does, the other sees.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const root = resolve(import.meta.dirname, '..');
const METRICS_TOKEN = randomBytes(24).toString('hex');

interface Proc { name: string; base: string; child: ChildProcess; output: string[] }
interface Res { status: number; text: string; json(): any; setCookies: string[] }
interface Session { cookie: string; csrf: string }

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function call(proc: Proc, method: string, path: string, options: { session?: Session; body?: object; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) Object.assign(headers, { cookie: options.session.cookie, 'x-csrf-token': options.session.csrf });
  if (options.body) headers['content-type'] = 'application/json';
  const res = await fetch(`${proc.base}${path}`, { method, headers, body: options.body ? JSON.stringify(options.body) : undefined });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text), setCookies: res.headers.getSetCookie() };
}

async function login(proc: Proc, email: string): Promise<Session> {
  const res = await call(proc, 'POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
  expect(res.status, res.text).toBe(200);
  const cookie = res.setCookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('asskomm_session='))!;
  return { cookie, csrf: res.json().csrfToken as string };
}

/** The sum of a counter's samples with these labels in a Prometheus scrape. */
function counter(text: string, name: string, labels: Record<string, string>): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([\w:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    if (Object.entries(labels).every(([k, v]) => m[2]!.includes(`${k}="${v}"`))) sum += Number(m[3]);
  }
  return sum;
}

describe.skipIf(!adminUrl)('two app processes on one PostgreSQL', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  const outboxDir = mkdtempSync(join(tmpdir(), 'asskomm-multi-outbox-'));
  const filesDir = mkdtempSync(join(tmpdir(), 'asskomm-multi-files-'));
  const procs: Proc[] = [];
  let A: Proc;
  let B: Proc;

  function start(name: string, port: number, databaseUrl: string): Proc {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Not 'test': the job workers start at boot, as in operation.
      NODE_ENV: 'development', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`,
      DEMO_DATA: 'true', LOG_LEVEL: 'warn', MAIL_OUTBOX_DIR: outboxDir, FILES_DIR: filesDir, DB_POOL_SIZE: '5',
      METRICS_TOKEN,
    };
    delete env.SERVER_SECRET; // both processes must agree on the one generated and kept in the database
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc: Proc = { name, base: `http://127.0.0.1:${port}`, child, output: [] };
    const keep = (chunk: Buffer) => { proc.output.push(chunk.toString()); if (proc.output.length > 200) proc.output.shift(); };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    procs.push(proc);
    return proc;
  }

  async function healthy(proc: Proc, timeoutMs: number) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (proc.child.exitCode !== null) throw new Error(`process ${proc.name} ended (exit ${proc.child.exitCode}):\n${proc.output.join('')}`);
      try {
        if ((await fetch(`${proc.base}/api/health`)).status === 200) return;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`process ${proc.name} not healthy after ${timeoutMs} ms:\n${proc.output.join('')}`);
  }

  beforeAll(async () => {
    server = await createServerDatabase('asskomm_multi');
    const url = new URL(server.url);
    const [portA, portB] = [await freePort(), await freePort()];
    // Both at once: migrations, pg-boss's schema, the server secret and the demo data are set up by whichever gets there first.
    A = start('A', portA, url.href);
    B = start('B', portB, url.href);
    await Promise.all([healthy(A, 240_000), healthy(B, 240_000)]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => new Promise<void>((done) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) { done(); return; }
      const force = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
      p.child.once('exit', () => { clearTimeout(force); done(); });
      p.child.kill('SIGTERM');
    })));
    await server?.drop();
    rmSync(outboxDir, { recursive: true, force: true });
    rmSync(filesDir, { recursive: true, force: true });
  }, 60_000);

  it('seeded the demo data once, though both processes started on the empty database together', async () => {
    const users = new pg.Client({ connectionString: server!.url });
    await users.connect();
    try {
      const { rows } = await users.query(`select email, count(*)::int as n from users group by email having count(*) > 1`);
      expect(rows).toEqual([]);
      const { rows: [c] } = await users.query(`select count(*)::int as n from users where email = 'referentin@lpr.demo'`);
      expect(c.n).toBe(1);
    } finally {
      await users.end();
    }
  });

  it('a session made on A works on B; after logging out on A, B refuses it', async () => {
    const s = await login(A, 'referentin@lpr.demo');
    const onB = await call(B, 'GET', '/api/auth/session', { session: s });
    expect(onB.status).toBe(200);
    expect(onB.json()).toMatchObject({ authenticated: true, user: { email: 'referentin@lpr.demo' } });
    expect((await call(B, 'GET', '/api/dashboard', { session: s })).status).toBe(200);
    // A write on B with the session made on A (its CSRF token too).
    const group = await call(B, 'POST', '/api/commune-groups', { session: s, body: { name: 'Zwei Prozesse', kind: 'Sonstige', members: ['14521550'] } });
    expect(group.status, group.text).toBe(201);

    expect((await call(A, 'POST', '/api/auth/logout', { session: s })).status).toBe(204);
    expect((await call(B, 'GET', '/api/auth/session', { session: s })).json()).toMatchObject({ authenticated: false, user: null });
    expect((await call(B, 'GET', '/api/dashboard', { session: s })).status).toBe(401);
    expect((await call(A, 'GET', '/api/dashboard', { session: s })).status).toBe(401);
  });

  it('a job queued on A runs exactly once, in one of the two processes', async () => {
    const analyst = await login(A, 'analyse@institut.demo');
    const projects = (await call(A, 'GET', '/api/analyses', { session: analyst })).json().items as { id: string; code: string }[];
    const project = projects.find((p) => p.code === 'sa-schwarzenberg-2022')!;
    const reports = async () => (await call(B, 'GET', `/api/analyses/${project.id}/reports`, { session: analyst })).json().items as { id: string; number: number; status: string }[];
    const earlier = await reports();
    const queued = await call(A, 'POST', `/api/analyses/${project.id}/reports`, { session: analyst });
    expect(queued.status, queued.text).toBe(202);
    const id = queued.json().id as string;
    await expect.poll(async () => (await reports()).find((r) => r.id === id)?.status, { timeout: 180_000, interval: 500 }).toBe('done');
    // Long enough for both processes' workers (polling every second) to have claimed a duplicate, if there were one.
    await new Promise((r) => setTimeout(r, 5_000));
    expect((await reports()).map((r) => r.number).sort()).toEqual([...earlier.map((r) => r.number), earlier.length + 1].sort());

    const scrapes = await Promise.all([A, B].map(async (p) => {
      const res = await call(p, 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      return res.text;
    }));
    const runs = (outcome: string) => scrapes.reduce((n, text) => n + counter(text, 'asskomm_jobs_total', { queue: REPORT_JOB, outcome }), 0);
    expect(runs('completed')).toBe(1);
    expect(runs('failed')).toBe(0);
    // Each process reports its own connections, and the same shared state: queues, the survey pool.
    for (const text of scrapes) {
      expect(text).toMatch(/^asskomm_db_pool_max_connections 5$/m);
      expect(text).toMatch(new RegExp(`^asskomm_job_queue_jobs\\{queue="${REPORT_JOB}",state="queued"\\} \\d+$`, 'm'));
    }
    const pool = scrapes.map((text) => /^asskomm_survey_pool_answers (\d+)$/m.exec(text)?.[1]);
    expect(pool[0]).toMatch(/^\d+$/);
    expect(pool[1]).toBe(pool[0]);
  }, 240_000);

  it('a public figure changed on A is fresh on B right after the write returns, and both answer the same', async () => {
    const today = todayIso();
    const figures = async (p: Proc) => (await call(p, 'GET', '/api/public/figures')).json() as { fundingCommitted: number; asOf: string };
    // Read on both first, so that any cache of the answers is warm.
    const before = await figures(B);
    expect(await figures(A)).toEqual(before);
    await call(B, 'GET', '/api/public/map');

    const staff = await login(A, 'referentin@lpr.demo');
    const created = await call(A, 'POST', '/api/alliance/milestones', { session: staff, body: { ags: '14521550', occurredOn: today, kind: 'funding_committed', amountEur: 12_345, note: 'Zwei Prozesse' } });
    expect(created.status, created.text).toBe(201);

    expect((await figures(B)).fundingCommitted).toBe(before.fundingCommitted + 12_345);
    for (const path of ['/api/public/figures', '/api/public/figures?asOf=2022-07-22', `/api/public/figures?asOf=${today}`, '/api/public/map', `/api/public/map?asOf=${today}`]) {
      const [a, b] = await Promise.all([call(A, 'GET', path), call(B, 'GET', path)]);
      expect(a.status, path).toBe(200);
      expect(b.status, path).toBe(200);
      expect(b.json(), path).toEqual(a.json());
    }
  });
});
