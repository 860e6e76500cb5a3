import { asc, count, ilike, or } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { ROLES, ROLE_SCOPE, type Actor } from '../../server/auth/roles.js';
import { users } from './schema.js';
import type { TUserList, TUserListQuery } from './auth.types.js';
import { grantsByUser } from './grants.js';
import { presentUser } from './users.js';
import { userForViewer } from './get-user.js';

/** Accounts by name (search in name and e-mail), with the roles the administration may assign. */
export async function listUsers(db: Db, actor: Actor | null, q: TUserListQuery): Promise<TUserList> {
  const where = q.search ? or(ilike(users.email, `%${q.search}%`), ilike(users.displayName, `%${q.search}%`)) : undefined;
  const rows = await db.select().from(users).where(where).orderBy(asc(users.displayName)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const grants = await grantsByUser(db, rows.map((r) => r.id));
  return {
    items: await Promise.all(rows.map((u) => userForViewer(db, actor, presentUser(u, grants.get(u.id) ?? [])))),
    total: total?.n ?? 0,
    roles: ROLES.map((role) => ({ role, scopeType: ROLE_SCOPE[role] })),
  };
}
