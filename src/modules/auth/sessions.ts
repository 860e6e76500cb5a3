import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { randomToken, sha256 } from './crypto.js';
import { sessions, users } from './schema.js';
import { loadGrants } from './grants.js';

export const SESSION_COOKIE = 'asskomm_session';
const SLIDE_AFTER_MS = 5 * 60_000;

/** Opens a session: the cookie token (stored only as its hash) and the CSRF token that goes with it. */
export async function createSession(db: Db, userId: string, method: 'password' | 'oidc', ttlMs: number) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.insert(sessions).values({ id: sha256(token), userId, csrfToken, method, expiresAt: new Date(Date.now() + ttlMs) });
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, csrfToken };
}

/** The actor behind a session cookie, or null when it is unknown, expired or the user is deactivated. */
export async function loadActor(db: Db, token: string, ttlMs: number): Promise<Actor | null> {
  const id = sha256(token);
  const [row] = await db.select({ session: sessions, user: users }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
  if (!row) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > SLIDE_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + ttlMs) }).where(eq(sessions.id, id));
  }
  return {
    userId: row.user.id, email: row.user.email, displayName: row.user.displayName, locale: row.user.locale,
    grants: await loadGrants(db, row.user.id), sessionId: id, csrfToken: row.session.csrfToken,
  };
}

export const destroySession = (db: Db, sessionId: string) => db.delete(sessions).where(eq(sessions.id, sessionId));
export const destroyUserSessions = (db: Db, userId: string) => db.delete(sessions).where(eq(sessions.userId, userId));
