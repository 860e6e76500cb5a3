import { and, eq, gt, count } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { verifyAgainstDummy, verifyPassword } from './crypto.js';
import { loginFailures, users } from './schema.js';
import { emailIs } from './users.js';
import { createSession } from './sessions.js';

export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 };

const invalidCredentials = () => new Problem(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');

async function failuresSince(db: Db, key: string, since: Date) {
  const [row] = await db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

/**
 * Verifies e-mail and password and opens a session. After too many failures for an account or a client
 * address within the window, further attempts are refused with 429 (stored in the database, so all app
 * processes share the count).
 */
export async function loginWithPassword(db: Db, input: { email: string; password: string; clientAddress: string; ttlMs: number }) {
  const since = new Date(Date.now() - THROTTLE.windowMs);
  const accountKey = `account:${input.email.toLowerCase()}`;
  const addressKey = `address:${input.clientAddress}`;
  if (await failuresSince(db, accountKey, since) >= THROTTLE.perAccount || await failuresSince(db, addressKey, since) >= THROTTLE.perAddress) {
    throw new Problem(429, 'too_many_attempts', 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten oder setzen Sie Ihr Passwort zurück.',
      { retryAfterSeconds: THROTTLE.windowMs / 1000 });
  }
  const [user] = await db.select().from(users).where(emailIs(input.email));
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !ok || !user.active) {
    await db.insert(loginFailures).values([{ key: accountKey }, { key: addressKey }]);
    throw invalidCredentials();
  }
  await db.delete(loginFailures).where(eq(loginFailures.key, accountKey));
  return { user, ...(await createSession(db, user.id, 'password', input.ttlMs)) };
}
