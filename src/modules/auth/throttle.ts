import { setTimeout as sleep } from 'node:timers/promises';
import { and, count, desc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { keyedHash } from '../../server/secret.js';
import { loginFailures } from './schema.js';

/**
 * Login throttling, shared by all app processes through the database. Failures count for the account (its
 * e-mail address) and for the client address, both stored only as keyed hashes (HMAC with the server secret),
 * and rows older than the window are deleted.
 * - Account: after `perAccount` failures within `windowMs` every login to it is refused (also with the right
 *   password) until the oldest of those failures leaves the window; a password reset ends it at once.
 * - Address: never refused (many people share one address behind a town hall's NAT), only slowed down:
 *   from `addressFree` failures on, each attempt waits one delay unit (LOGIN_SLOWDOWN_MS, 1 s), doubled for every
 *   `addressStep` further failures, at most `addressMaxUnits` units.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, addressFree: 10, addressStep: 10, addressMaxUnits: 8 };

export interface ThrottleKeys { account: string; address: string }

export const throttleKeys = (secret: Buffer, email: string, clientAddress: string): ThrottleKeys => ({
  account: accountKey(secret, email),
  address: `address:${keyedHash(secret, 'login-address', clientAddress)}`,
});
const accountKey = (secret: Buffer, email: string) => `account:${keyedHash(secret, 'login-account', email.trim().toLowerCase())}`;

const windowStart = (now: Date) => new Date(now.getTime() - THROTTLE.windowMs);

export async function expireFailures(db: Db, now = new Date()) {
  await db.delete(loginFailures).where(lt(loginFailures.at, windowStart(now)));
}

/** When the account's lock ends, or null when it is not locked. */
export async function accountLockedUntil(db: Db, keys: ThrottleKeys, now = new Date()): Promise<Date | null> {
  const [row] = await db.select({ at: loginFailures.at }).from(loginFailures)
    .where(and(eq(loginFailures.key, keys.account), gt(loginFailures.at, windowStart(now))))
    .orderBy(desc(loginFailures.at)).limit(1).offset(THROTTLE.perAccount - 1);
  return row ? new Date(row.at.getTime() + THROTTLE.windowMs) : null;
}

/** The delay for `failures` recent failures from one address, in units. */
export const addressDelayUnits = (failures: number) =>
  failures < THROTTLE.addressFree ? 0 : Math.min(THROTTLE.addressMaxUnits, 2 ** Math.floor((failures - THROTTLE.addressFree) / THROTTLE.addressStep));

/** Waits as long as the client address's recent failures ask for; returns the delay in milliseconds. */
export async function slowDownAddress(db: Db, keys: ThrottleKeys, unitMs: number, now = new Date()) {
  const [row] = await db.select({ n: count() }).from(loginFailures)
    .where(and(eq(loginFailures.key, keys.address), gt(loginFailures.at, windowStart(now))));
  const ms = addressDelayUnits(row?.n ?? 0) * unitMs;
  if (ms > 0) await sleep(ms);
  return ms;
}

export async function recordFailure(db: Db, keys: ThrottleKeys) {
  await db.insert(loginFailures).values([{ key: keys.account }, { key: keys.address }]);
}

/** Forgets the account's failures (after a successful login or a password reset). */
export async function clearAccountFailures(db: Db, secret: Buffer, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, accountKey(secret, email)));
}

/** "14:35 Uhr", or "02.01.2026, 00:05 Uhr" on another day, in Saxony's time zone; rounded up to the minute. */
export function formatLockEnd(until: Date, now = new Date()) {
  const up = new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
  const tz = { timeZone: 'Europe/Berlin' } as const;
  const day = (d: Date) => d.toLocaleDateString('de-DE', { ...tz, day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = up.toLocaleTimeString('de-DE', { ...tz, hour: '2-digit', minute: '2-digit' });
  return day(up) === day(now) ? `${time} Uhr` : `${day(up)}, ${time} Uhr`;
}
