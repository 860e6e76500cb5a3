import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { DataDirLockedError } from '../server/db/lock.js';
import { seedDatabase } from './seed.js';
import { systemContext } from '../server/audit/record.js';
import { ROLES, ROLE_SCOPE, type Role } from '../server/auth/roles.js';
import { createUser } from '../modules/auth/create-user.js';
import { randomToken } from '../modules/auth/crypto.js';
import { passwordWeakness } from '../modules/auth/password-policy.js';
import { Problem } from '../server/http/problem.js';
import { platformModules } from './modules.js';
import { configureScopes } from '../server/auth/scopes.js';
import { fileStorageFor } from '../server/files/storage.js';
import { exportDatabase, importDatabase } from '../server/db/transfer.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  user:create --email <e-mail> --role <role> [--scope <id>] [--name <name>] [--password <pw>]
      Creates an account (e.g. the first lpr_admin). Without --password (or ASSKOMM_PASSWORD)
      a strong password is generated and printed once.
      Roles: ${ROLES.join(', ')}
  db:migrate     Applies pending migrations.
  db:seed        Loads reference data (and demo data into an empty database outside production).
  db:export <file>
      Writes every table, the audit log and every stored file into one file (gzip'd NDJSON), from
      the configured database (DATA_DIR, or DATABASE_URL) and file store (FILES_DIR, or S3_*).
      The embedded database must not be in use: stop the platform first.
  db:import <file>
      Loads such a file into the configured database and file store, all or nothing. The database
      must be new (only migrated, never started or seeded) and run the same platform version.
`;

const TRANSFER_COMMANDS = new Set(['db:export', 'db:import']);

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') { console.log(USAGE); return; }
  configureScopes(platformModules.flatMap((m) => m.scopes ?? []));
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await database.migrate();
    if (command === 'db:migrate') { console.log('Migrations applied.'); return; }
    if (command === 'db:seed') { await seedDatabase(database.db, config, console.log); return; }
    if (TRANSFER_COMMANDS.has(command)) {
      const [file, ...extra] = rest;
      if (!file || extra.length) throw new Error(`${command} takes one argument, the file.\n\n${USAGE}`);
      const files = fileStorageFor(config);
      const where = `${database.kind === 'pglite' ? `embedded database ${resolve(config.dataDir)}` : 'PostgreSQL (DATABASE_URL)'}, files ${files.kind === 's3' ? 'S3' : resolve(config.filesDir)}`;
      if (command === 'db:export') {
        const appVersion = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
        console.log(`Exporting ${where} …`);
        await exportDatabase(database.db, files, resolve(file), { appVersion, log: console.log });
      } else {
        console.log(`Importing into ${where} …`);
        await importDatabase(database.db, files, resolve(file), { log: console.log });
      }
      return;
    }
    if (command === 'user:create') {
      const { values } = parseArgs({ args: rest, options: {
        email: { type: 'string' }, role: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' },
      } });
      if (!values.email || !values.role) throw new Error(`--email and --role are required.\n\n${USAGE}`);
      if (!ROLES.includes(values.role as Role)) throw new Error(`Unknown role "${values.role}". Roles: ${ROLES.join(', ')}`);
      const role = values.role as Role;
      const generated = !values.password && !process.env.ASSKOMM_PASSWORD;
      const password = values.password ?? process.env.ASSKOMM_PASSWORD ?? randomToken(18);
      const weakness = passwordWeakness(password);
      if (weakness) throw new Error(weakness);
      await seedDatabase(database.db, { ...config, demoData: false }, () => {});
      const user = await createUser(database.db, systemContext('cli'), {
        email: values.email, displayName: values.name ?? values.email, password,
        grants: [{ role, scopeType: ROLE_SCOPE[role], scopeId: values.scope ?? null }],
      });
      console.log(`Created ${user.email} (${role}${values.scope ? ` ${values.scope}` : ''}).`);
      if (generated) console.log(`Password (shown once): ${password}`);
      return;
    }
    throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  if (e instanceof Problem) console.error(e.detail);
  else if (e instanceof DataDirLockedError && TRANSFER_COMMANDS.has(process.argv[2] ?? '')) {
    console.error(`${e.message}\n${process.argv[2]} needs the embedded database to itself: stop the platform (npm start) first, then run it again.`);
  } else if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
