import { asc, count, ilike, or, sql } from 'drizzle-orm';
import { byColumn, byName, likeEscape, nameContains, page } from '../../server/http/paging.js';
import type { Db } from '../../server/db/client.js';
import { ROLES, ROLE_SCOPE, type Actor } from '../../server/auth/roles.js';
import { scopeName } from '../../server/auth/scopes.js';
import { users } from './schema.js';
import type { TUserList, TUserListQuery } from './auth.types.js';
import { grantsByUser } from './grants.js';
import { presentUser } from './users.js';
import { userForViewer } from './get-user.js';

/** Accounts (search in name and e-mail), sorted and paged, with the roles the administration may assign. */
export async function listUsers(db: Db, actor: Actor | null, q: TUserListQuery): Promise<TUserList> {
  const term = q.q ?? q.search;
  const where = term ? or(ilike(users.email, `%${likeEscape(term)}%`), nameContains(users.displayName, term)) : undefined;
  const order = q.sort === 'email' ? byColumn(users.email, q.dir) : q.sort === 'lastLogin' ? sql`${users.lastLoginAt} ${sql.raw(q.dir)} nulls last` : byName(users.displayName, q.dir);
  const rows = await db.select().from(users).where(where).orderBy(order, asc(users.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const grants = await grantsByUser(db, rows.map((r) => r.id));
  const items = await Promise.all(rows.map((u) => userForViewer(db, actor, presentUser(u, grants.get(u.id) ?? []))));
  const scopes = new Map(items.flatMap((u) => u.grants).filter((g) => g.scopeType && g.scopeId).map((g) => [`${g.scopeType}|${g.scopeId}`, g]));
  const scopeNames: Record<string, string> = {};
  for (const g of scopes.values()) {
    const name = await scopeName(db, g);
    if (name) scopeNames[g.scopeId!] = name;
  }
  return { ...page(items, total?.n ?? 0, q), roles: ROLES.map((role) => ({ role, scopeType: ROLE_SCOPE[role] })), scopeNames };
}
