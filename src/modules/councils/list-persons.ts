import { and, asc, count, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { nameContains, page, type PageQuery } from '../../server/http/paging.js';
import { councilPersons } from './schema.js';
import type { CouncilRow } from './policy.js';
import { presentPersons } from './present-people.js';

/** The council's persons with their memberships, filtered by name or organisation, by family name. */
export async function listPersons(db: Db, council: CouncilRow, query: PageQuery & { q?: string }) {
  const where = and(eq(councilPersons.councilId, council.id), isNull(councilPersons.deletedAt),
    query.q ? or(nameContains(councilPersons.familyName, query.q), nameContains(councilPersons.givenName, query.q), nameContains(councilPersons.organisation, query.q)) : undefined) as SQL;
  const [rows, [total]] = await Promise.all([
    db.select().from(councilPersons).where(where).orderBy(asc(councilPersons.familyName), asc(councilPersons.givenName), asc(councilPersons.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(councilPersons).where(where),
  ]);
  return page(await presentPersons(db, rows), total?.n ?? 0, query);
}
