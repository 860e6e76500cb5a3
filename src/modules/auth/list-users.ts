import { asc, count, ilike, or } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { users } from './schema.js';
import { grantsByUser, presentUser } from './users.js';

export async function listUsers(db: Db, q: { search?: string; limit: number; offset: number }) {
  const where = q.search ? or(ilike(users.email, `%${q.search}%`), ilike(users.displayName, `%${q.search}%`)) : undefined;
  const rows = await db.select().from(users).where(where).orderBy(asc(users.displayName)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const grants = await grantsByUser(db, rows.map((r) => r.id));
  return { items: rows.map((u) => presentUser(u, grants.get(u.id) ?? [])), total: total?.n ?? 0 };
}
