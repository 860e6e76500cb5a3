import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { DataDirLockedError } from '../server/db/lock.js';
import { createMailer } from '../server/mail/mailer.js';
import { buildApp } from '../server/app.js';
import { platformModules } from './modules.js';
import { seedDatabase } from './seed.js';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  await database.migrate();
  const app = await buildApp({ config, database, mailer: createMailer(config.mail), modules: platformModules });
  await seedDatabase(database.db, config, (msg) => app.log.info(msg));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`ASSKomm-Plattform: ${config.publicUrl} (database: ${database.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`);
}

main().catch((e) => {
  if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
