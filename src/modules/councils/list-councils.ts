import { and, asc, count, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { emptyPage, nameContains, page, type PageQuery } from '../../server/http/paging.js';
import { or } from 'drizzle-orm';
import { councils } from './schema.js';
import { councilPolicy } from './policy.js';
import { presentCouncilSummaries } from './present-council.js';
import type { TCouncilSummary } from './councils.views.js';

/** The councils the viewer reaches (LPR all, others theirs), filtered by name or code, ordered by name. */
export async function listCouncils(db: Db, actor: Actor | null, query: PageQuery & { q?: string }) {
  const filter = await councilPolicy.filter(db, actor, 'read');
  if (filter === 'none') return emptyPage(query) as ReturnType<typeof page<TCouncilSummary>>;
  const where = and(isNull(councils.deletedAt), filter, query.q ? or(nameContains(councils.name, query.q), nameContains(councils.code, query.q)) : undefined) as SQL;
  const [rows, [total]] = await Promise.all([
    db.select().from(councils).where(where).orderBy(asc(councils.name), asc(councils.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(councils).where(where),
  ]);
  return page(await presentCouncilSummaries(db, rows), total?.n ?? 0, query);
}
