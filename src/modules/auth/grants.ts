import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Role, ScopeType } from '../../server/auth/roles.js';
import { roleAssignments } from './schema.js';
import type { TGrant } from './auth.types.js';

type GrantRow = typeof roleAssignments.$inferSelect;
const presentGrant = (r: GrantRow): TGrant => ({ role: r.role as Role, scopeType: r.scopeType as ScopeType | null, scopeId: r.scopeId });

/** A user's roles and scopes, by role and scope id. */
export async function loadGrants(db: Db, userId: string): Promise<TGrant[]> {
  const rows = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)).orderBy(roleAssignments.role, roleAssignments.scopeId);
  return rows.map(presentGrant);
}

/** The grants of several users at once. */
export async function grantsByUser(db: Db, userIds: string[]) {
  const map = new Map<string, TGrant[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(roleAssignments).where(inArray(roleAssignments.userId, userIds));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), presentGrant(r)]);
  return map;
}

/** Replaces all of a user's grants (validated by `validateGrants`) and returns them as stored. */
export async function replaceGrants(db: Db, userId: string, grants: TGrant[]) {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (grants.length) await db.insert(roleAssignments).values(grants.map((g) => ({ userId, ...g })));
  return loadGrants(db, userId);
}
