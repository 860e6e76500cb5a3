import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { roleAssignments, users } from './schema.js';
import type { TGrant, TUser } from './auth.types.js';
import { loadGrants } from './sessions.js';

type UserRow = typeof users.$inferSelect;

/** Case-insensitive e-mail match, the same expression as the unique index users_email_unique. */
export const emailIs = (email: string): SQL => sql`lower(${users.email}) = ${email.toLowerCase()}`;

export function presentUser(u: UserRow, grants: TGrant[]): TUser {
  return {
    id: u.id, email: u.email, displayName: u.displayName, active: u.active, locale: u.locale,
    hasPassword: !!u.passwordHash, oidcLinked: !!u.oidcSubject,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString(), version: u.version, grants,
  };
}

export async function grantsByUser(db: Db, userIds: string[]) {
  const map = new Map<string, TGrant[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(roleAssignments).where(inArray(roleAssignments.userId, userIds));
  for (const r of rows) {
    const list = map.get(r.userId) ?? [];
    list.push({ role: r.role as TGrant['role'], scopeType: r.scopeType as TGrant['scopeType'], scopeId: r.scopeId });
    map.set(r.userId, list);
  }
  return map;
}

export async function replaceGrants(db: Db, userId: string, grants: TGrant[]) {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (grants.length) await db.insert(roleAssignments).values(grants.map((g) => ({ userId, ...g })));
  return loadGrants(db, userId);
}
