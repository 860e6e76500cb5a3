/**
 * Background jobs (report generation and other slow work) on pg-boss, in the same PostgreSQL: every app
 * instance runs workers, a job is done once by whichever instance claims it, and a job survives a
 * restart. Modules declare their jobs; use cases enqueue with `jobs.send`.
 */
import { PgBoss } from 'pg-boss';
import type { Database, Db } from './db/client.js';
import type { Config } from './config.js';
import type { FileStorage } from './files/storage.js';
import type { Mailer } from './mail/mailer.js';

export interface JobContext { db: Db; files: FileStorage; config: Config; mailer: Mailer; log: (msg: string, extra?: object) => void }

export interface JobDefinition<T extends object = Record<string, unknown>> {
  name: string;
  /** Seconds before a running job counts as failed (and is retried). */
  expireInSeconds?: number;
  retryLimit?: number;
  /** Also sent on this cron schedule (UTC), by whichever instance's clock fires first. */
  cron?: string;
  run(ctx: JobContext, data: T): Promise<void>;
}

export interface SendOptions { singletonKey?: string; singletonSeconds?: number; singletonNextSlot?: boolean; /** Seconds from now. */ startAfter?: number }

export interface Jobs {
  /**
   * Queues a job. With `singletonKey` and `singletonSeconds` at most one job per key and interval is
   * queued (a later one goes to the next interval with `singletonNextSlot`, or is dropped: null).
   */
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Starts the workers now (otherwise on the first send, when started lazily). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Jobs per queue and state as pg-boss last counted them (its monitor, about every minute); null before the workers start. */
  queueStats(): Promise<QueueStats[] | null>;
}

export interface QueueStats { queue: string; queued: number; deferred: number; active: number; failed: number }

/** Told of every job run in this process (for /metrics). */
export type JobObserver = (queue: string, seconds: number, outcome: 'completed' | 'failed') => void;

/** On stop, running jobs get this long to finish; then they are marked failed and retried by the next instance. */
const JOB_DRAIN_TIMEOUT_MS = 6_000;

export function createJobs(database: Database, ctx: JobContext, definitions: readonly JobDefinition<never>[], observe?: JobObserver): Jobs {
  let starting: Promise<PgBoss> | null = null;
  let started: PgBoss | null = null;
  const known = new Set(definitions.map((d) => d.name));

  async function boot(): Promise<PgBoss> {
    const scheduled = definitions.filter((d) => d.cron);
    const boss = new PgBoss({ ...database.jobConnection(), schedule: scheduled.length > 0 } as ConstructorParameters<typeof PgBoss>[0]);
    boss.on('error', (error: Error) => ctx.log('job system error', { error: error.message }));
    try {
      await boss.start();
      for (const d of definitions) {
        await boss.createQueue(d.name, { expireInSeconds: d.expireInSeconds ?? 300, retryLimit: d.retryLimit ?? 2, retryDelay: 5 });
        await boss.work<object>(d.name, { pollingIntervalSeconds: 1 }, async ([job]) => {
          const begin = performance.now();
          try {
            await d.run(ctx, job!.data as never);
            observe?.(d.name, (performance.now() - begin) / 1000, 'completed');
          } catch (error) {
            observe?.(d.name, (performance.now() - begin) / 1000, 'failed');
            throw error;
          }
        });
      }
      for (const d of scheduled) await boss.schedule(d.name, d.cron!, {});
    } catch (e) {
      await boss.stop({ graceful: false }).catch(() => {});
      throw e;
    }
    started = boss;
    return boss;
  }

  // A failed start is not kept: the next send (or start) tries again.
  const ensure = () => (starting ??= boot().catch((e: unknown) => { starting = null; throw e; }));
  return {
    async send(name, data, options) {
      if (!known.has(name)) throw new Error(`Unknown job ${name}`);
      const id = await (await ensure()).send(name, data, options ?? {});
      if (!id && !options?.singletonSeconds) throw new Error(`Job ${name} was not queued`);
      return id ?? null;
    },
    async start() { await ensure(); },
    async queueStats() {
      if (!started) return null;
      const queues = await started.getQueues([...known]);
      return queues.map((q) => ({ queue: q.name, queued: q.readyCount, deferred: q.deferredCount, active: q.activeCount, failed: q.failedCount }));
    },
    async stop() {
      if (!starting) return;
      const boss = await starting.catch(() => null);
      starting = null;
      started = null;
      await boss?.stop({ graceful: true, timeout: JOB_DRAIN_TIMEOUT_MS });
    },
  };
}
