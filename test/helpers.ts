import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extensions } from '@electric-sql/pglite';
import { loadConfig, type Config } from '../src/server/config.js';
import { createServerDatabase } from './server-database.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { buildPlatformApp as buildApp } from '../src/platform/app.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { seedDatabase } from '../src/platform/seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/modules/auth/seed-demo-users.js';
import type { App } from '../src/server/modules.js';
import type { Role } from '../src/server/auth/roles.js';

/** True when the suite runs against a real PostgreSQL server (CI's second pass). */
export const onRealPostgres = !!process.env.TEST_DATABASE_URL;

/** A fresh, migrated database: its own database on the real server, or an in-memory PGlite. */
export async function createTestDatabase(options: { pgliteExtensions?: Extensions } = {}): Promise<Database & { url?: string }> {
  if (!process.env.TEST_DATABASE_URL) {
    const database = await openDatabase({ dataDir: 'memory://', pgliteExtensions: options.pgliteExtensions });
    await database.migrate();
    return database;
  }
  const server = await createServerDatabase();
  const database = await openDatabase({ databaseUrl: server.url, poolSize: 20 });
  await database.migrate();
  return {
    ...database,
    url: server.url,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  outboxDir: string;
  /** Mails written to the development outbox, oldest first. */
  mails(): { to: string; subject: string; body: string }[];
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}, options: { pgliteExtensions?: Extensions; logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const outboxDir = mkdtempSync(join(tmpdir(), 'asskomm-outbox-'));
  const filesDir = mkdtempSync(join(tmpdir(), 'asskomm-files-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MAIL_OUTBOX_DIR: outboxDir, FILES_DIR: filesDir, PUBLIC_URL: 'http://localhost:3000', ...env });
  const database = await createTestDatabase({ pgliteExtensions: options.pgliteExtensions });
  await seedDatabase(database.db, config, () => {});
  const app = await buildApp({ config, database, mailer: createMailer(config.mail), ...(options.logStream ? { logStream: options.logStream } : { logger: false }) });
  await app.ready();
  return {
    app, database, config, outboxDir,
    mails() {
      return readdirSync(outboxDir).sort().map((f) => {
        const raw = readFileSync(join(outboxDir, f), 'utf8');
        const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1] ?? '';
        const body = decodeQuotedPrintable(raw.slice(raw.indexOf('\n\n') + 2));
        return { to: header('To'), subject: header('Subject'), body };
      });
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(outboxDir, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Quoted-printable (soft line breaks, =XX bytes) to text, the bytes read as UTF-8 as the mail declares. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}$/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) { bytes.push(parseInt(hex[0], 16)); i += 2; } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export const demoUser = (role: Role) => DEMO_USERS.find((u) => u.grants.some((g) => g.role === role))!;

export interface Session { cookie: string; csrf: string; headers: Record<string, string> }

/** Logs in through the real endpoint and returns what a browser would send with later requests. */
export async function login(app: App, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const raw = res.cookies.find((c) => c.name === 'asskomm_session')!;
  const cookie = `asskomm_session=${raw.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export const loginAs = (app: App, role: Role) => login(app, demoUser(role).email);

/** Signs in one demo user per role and returns `call(role | null, method, url, payload?)` through HTTP. */
export async function roleCaller(app: App, roles: Role[]) {
  const sessions = new Map<Role, Session>();
  for (const r of roles) sessions.set(r, await loginAs(app, r));
  return (who: Role | null, method: string, url: string, payload?: unknown) => app.inject({
    method: method as 'GET', url, headers: who ? sessions.get(who)!.headers : {}, ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** A multipart/form-data body with text fields and one file named `file`, as a browser would send it. */
export function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const b = 'XBOUNDARYX';
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([...parts, Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${b}--\r\n`)]),
  };
}
