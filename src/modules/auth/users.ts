import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { users } from './schema.js';
import type { TGrant, TUserRecord } from './auth.types.js';
import { loadGrants } from './grants.js';

type UserRow = typeof users.$inferSelect;

/** Case-insensitive e-mail match, the same expression as the unique index users_email_unique. */
export const emailIs = (email: string): SQL => sql`lower(${users.email}) = ${email.toLowerCase()}`;

export function presentUser(u: UserRow, grants: TGrant[]): TUserRecord {
  return {
    id: u.id, email: u.email, displayName: u.displayName, active: u.active, locale: u.locale,
    hasPassword: !!u.passwordHash, oidcLinked: !!u.oidcSubject,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString(), version: u.version, grants,
  };
}

/** The account with its grants, or undefined when there is none. */
export async function userRecord(db: Db, id: string): Promise<TUserRecord | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u && presentUser(u, await loadGrants(db, u.id));
}
