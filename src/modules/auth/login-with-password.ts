import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { verifyAgainstDummy, verifyPassword } from './crypto.js';
import { users } from './schema.js';
import { emailIs } from './users.js';
import { createSession } from './sessions.js';
import { accountLockedUntil, clearAccountFailures, expireFailures, formatLockEnd, recordFailure, slowDownAddress, throttleKeys } from './throttle.js';

const invalidCredentials = () => new Problem(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');

export interface LoginInput {
  email: string; password: string; clientAddress: string; ttlMs: number;
  /** The server secret (keyed hashes of the throttling counters). */
  secret: Buffer;
  /** Delay unit for addresses with many failures (see THROTTLE in throttle.ts). */
  slowdownMs: number;
}

/**
 * Verifies e-mail and password and opens a session. Throttled (see throttle.ts): an account with too many
 * recent failures is refused with 429 until a stated time; a client address with many failures is only slowed
 * down, so a correct password from the same address still gets in.
 */
export async function loginWithPassword(db: Db, input: LoginInput) {
  const now = new Date();
  await expireFailures(db, now);
  const keys = throttleKeys(input.secret, input.email, input.clientAddress);
  const lockedUntil = await accountLockedUntil(db, keys, now);
  if (lockedUntil) {
    throw new Problem(429, 'too_many_attempts',
      `Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto. Die Anmeldung ist bis ${formatLockEnd(lockedUntil, now)} gesperrt. ` +
      'Über „Passwort vergessen?“ können Sie ein neues Passwort setzen; damit ist die Sperre sofort aufgehoben.',
      { retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)), lockedUntil: lockedUntil.toISOString() });
  }
  await slowDownAddress(db, keys, input.slowdownMs, now);
  const [user] = await db.select().from(users).where(emailIs(input.email));
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !ok || !user.active) {
    await recordFailure(db, keys);
    throw invalidCredentials();
  }
  await clearAccountFailures(db, input.secret, input.email);
  return { user, ...(await createSession(db, user.id, 'password', input.ttlMs)) };
}
