import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DataDirLockedError } from '../server/db/lock.js';
import { createMailer } from '../server/mail/mailer.js';
import { buildApp } from '../server/app.js';
import type { App } from '../server/modules.js';
import { platformModules } from './modules.js';
import { seedDatabase } from './seed.js';

/** After a stop signal the process is gone by then, drained or not (orchestrators kill at 10 s). */
const SHUTDOWN_DEADLINE_MS = 9_000;
/**
 * A Ctrl-C in a terminal reaches every process of the foreground group, and `npm start` passes it on as well:
 * signals this soon after the first are the same request. A later one means "stop now".
 */
const SAME_SIGNAL_WINDOW_MS = 1_000;

let app: App | undefined;
let database: Database | undefined;

async function start() {
  const config = loadConfig();
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  await database.migrate();
  app = await buildApp({ config, database, mailer: createMailer(config.mail), modules: platformModules });
  await seedDatabase(database.db, config, (msg) => app!.log.info(msg));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`ASSKomm-Plattform: ${config.publicUrl} (database: ${database.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`);
}

const log = {
  info: (msg: string, extra: object = {}) => (app ? app.log.info(extra, msg) : console.error(msg)),
  error: (msg: string, extra: object = {}) => (app ? app.log.error(extra, msg) : console.error(msg, extra)),
};

let stopSignalAt: number | undefined;

/**
 * Stops accepting connections, lets running requests finish (idle keep-alive connections are closed at once)
 * and the job workers finish or hand back their jobs, closes the database (which releases the embedded data
 * directory's lock) and exits 0. Exits 1 when that takes longer than the deadline, at once on a second signal.
 */
async function shutdown(signal: NodeJS.Signals, startup: Promise<void>) {
  const now = Date.now();
  if (stopSignalAt !== undefined) {
    if (now - stopSignalAt < SAME_SIGNAL_WINDOW_MS) return;
    log.error('second stop signal: exiting without draining', { signal });
    process.exit(1);
  }
  stopSignalAt = now;
  log.info('shutting down: draining requests and jobs', { signal });
  setTimeout(() => {
    log.error(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms: exiting without draining`, { signal });
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  let exitCode = 0;
  try {
    await startup.catch(() => {}); // a signal during startup stops what has started by then
    if (app) await closeServer(app);
  } catch (e) {
    exitCode = 1;
    log.error('stopping the server failed', { err: e });
  }
  try {
    await database?.close();
  } catch (e) {
    exitCode = 1;
    log.error('closing the database failed', { err: e });
  }
  log.info('stopped', { signal, exitCode });
  process.exit(exitCode);
}

/**
 * Fastify's close stops accepting connections, answers requests that arrive on open ones with 503 and waits
 * for running requests. A keep-alive connection whose request finishes after that would stay open until its
 * idle timeout (Node closes idle connections only once, when closing starts): close those as they go idle.
 */
async function closeServer(server: App) {
  const closed = server.close();
  const reaper = setInterval(() => server.server.closeIdleConnections(), 100);
  try {
    await closed;
  } finally {
    clearInterval(reaper);
  }
}

const startup = start();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal, startup));
startup.catch((e) => {
  if (stopSignalAt !== undefined) return; // stopping anyway
  if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
