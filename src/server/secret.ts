import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Config } from './config.js';
import type { Db } from './db/client.js';

/** Secrets generated once per installation when none is configured (development, tests): one row per name. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The server secret for keyed hashes: `SERVER_SECRET` (required in production, so a copy of the database
 * alone does not reveal it), otherwise generated on first use and kept in the database, so that every app
 * process on that database uses the same one (the first insert wins).
 */
export async function serverSecret(db: Db, config: Pick<Config, 'serverSecret' | 'production'>): Promise<Buffer> {
  if (config.serverSecret) return Buffer.from(config.serverSecret, 'utf8');
  if (config.production) throw new Error('SERVER_SECRET must be set in production (at least 32 characters, e.g. `openssl rand -base64 48`).');
  await db.insert(serverSecrets).values({ name: 'server', value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, 'server'));
  return Buffer.from(row!.value, 'utf8');
}

/** HMAC-SHA-256 of `value` under the server secret, separated by purpose; hex. */
export const keyedHash = (secret: Buffer, purpose: string, value: string) =>
  createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('hex');
