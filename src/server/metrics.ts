/**
 * Prometheus metrics at /metrics (prom-client), for the operator's monitoring, never public: only with
 * `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN the address answers 404 and nothing is measured.
 * Every app has its own registry (several apps in one process, as in tests, do not collide). Labels carry route
 * patterns and queue names, never ids. Gauges are read at scrape time: this process's database connections, jobs
 * per queue and state (pg-boss's last count), and what modules contribute (`PlatformModule.gauges`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database, Db } from './db/client.js';
import type { JobObserver, Jobs } from './jobs.js';
import type { App, PlatformModule } from './modules.js';
import { access } from './http/access.js';
import { notFound, Problem } from './http/problem.js';

/** A gauge a module reads from its own tables when Prometheus scrapes (e.g. answers waiting in a pool). */
export interface ModuleGauge {
  /** Full metric name, e.g. `asskomm_survey_pool_answers`. */
  name: string;
  help: string;
  labelNames?: string[];
  collect(db: Db): Promise<{ value: number; labels?: Record<string, string> }[]>;
}

export interface Metrics {
  registry: Registry;
  /** Pass to createJobs: counts and times every job this process runs. */
  observeJob: JobObserver;
  /** Reads the job queues' depth at scrape time. */
  watchQueues(jobs: Jobs): void;
  observeRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void;
}

/** Route label of requests that matched no route (their URL would make a label per address). */
export const UNMATCHED_ROUTE = 'unmatched';
const METRICS_PATH = '/metrics';
const QUEUE_STATES = ['queued', 'deferred', 'active', 'failed'] as const;

export function createMetrics(database: Database, modules: readonly PlatformModule[], warn: (msg: string, extra: object) => void): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'], registers,
  });
  const jobRuns = new Counter({ name: 'asskomm_jobs_total', help: 'Background jobs run by this process, by queue and outcome', labelNames: ['queue', 'outcome'], registers });
  const jobDuration = new Histogram({
    name: 'asskomm_job_duration_seconds', help: 'Duration of background jobs run by this process', labelNames: ['queue'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300], registers,
  });

  // A scrape-time gauge whose read fails has no samples this time (and is logged); the scrape itself answers.
  const scraped = (name: string, help: string, labelNames: string[], read: (g: Gauge) => Promise<void> | void) => new Gauge({
    name, help, labelNames, registers,
    async collect() {
      this.reset();
      try {
        await read(this);
      } catch (error) {
        (this as unknown as { hashMap: object }).hashMap = {};
        warn('metric not collected', { metric: name, error: (error as Error).message });
      }
    },
  });

  const pool = () => database.poolStats();
  scraped('asskomm_db_pool_max_connections', 'Database connections this process may open', [], (g) => g.set(pool().max));
  scraped('asskomm_db_pool_open_connections', 'Database connections this process holds open', [], (g) => g.set(pool().open));
  if (pool().idle !== undefined) scraped('asskomm_db_pool_idle_connections', 'Open database connections not in use', [], (g) => g.set(pool().idle!));
  if (pool().waiting !== undefined) scraped('asskomm_db_pool_waiting_queries', 'Queries waiting for a free database connection', [], (g) => g.set(pool().waiting!));

  for (const def of modules.flatMap((m) => m.gauges ?? [])) {
    scraped(def.name, def.help, def.labelNames ?? [], async (g) => {
      for (const sample of await def.collect(database.db)) g.set(sample.labels ?? {}, sample.value);
    });
  }

  return {
    registry,
    observeJob(queue, seconds, outcome) {
      jobRuns.inc({ queue, outcome });
      jobDuration.observe({ queue }, seconds);
    },
    watchQueues(jobs) {
      // Before this process's workers start (lazily, in tests) there is nothing to read: no samples.
      scraped('asskomm_job_queue_jobs', 'Jobs per queue and state, as pg-boss last counted them (about every minute)', ['queue', 'state'], async (g) => {
        for (const q of (await jobs.queueStats()) ?? []) for (const state of QUEUE_STATES) g.set({ queue: q.queue, state }, q[state]);
      });
    },
    observeRequest(method, route, statusCode, seconds) {
      requests.observe({ method, route: route ?? UNMATCHED_ROUTE, status_code: statusCode }, seconds);
    },
  };
}

/**
 * GET /metrics (always there, so a disabled one is a plain 404 rather than the web app) and, when metrics are on,
 * the request timing. Call before the other routes are registered, so the timing hook covers all of them.
 */
export function installMetrics(app: App, metrics: Metrics | null, token: string | undefined) {
  if (metrics) {
    app.addHook('onResponse', async (request, reply) => {
      // An API address the router could not match lands on the web app's wildcard (then a 404): unmatched too.
      const route = request.routeOptions.url === '/*' && request.url.startsWith('/api/') ? undefined : request.routeOptions.url;
      metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });
  }
  const expected = metrics && token ? digest(token) : null;
  app.get(METRICS_PATH, {
    // Not a session route: no role opens it, only the operator's bearer token (checked here).
    config: { access: access.public },
    schema: { hide: true },
  }, async (request, reply) => {
    if (!metrics || !expected) throw notFound(`Die Adresse ${METRICS_PATH} existiert nicht.`);
    const given = /^Bearer +(\S+)\s*$/.exec(request.headers.authorization ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new Problem(401, 'unauthenticated', 'Die Messwerte erfordern das Zugangstoken des Betriebs (Authorization: Bearer).');
    }
    reply.header('cache-control', 'no-store');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
const digest = (value: string) => createHash('sha256').update(value).digest();
