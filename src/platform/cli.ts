import { parseArgs } from 'node:util';
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

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  user:create --email <e-mail> --role <role> [--scope <id>] [--name <name>] [--password <pw>]
      Creates an account (e.g. the first lpr_admin). Without --password (or ASSKOMM_PASSWORD)
      a strong password is generated and printed once.
      Roles: ${ROLES.join(', ')}
  db:migrate     Applies pending migrations.
  db:seed        Loads reference data (and demo data into an empty database outside production).
`;

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
  else if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
