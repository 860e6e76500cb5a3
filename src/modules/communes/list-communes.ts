import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { byColumn, byName, isAgsTerm, likeEscape, nameContains, nameStartsWith, page } from '../../server/http/paging.js';
import type { Db } from '../../server/db/client.js';
import { associations, communes, districts, policeDirectorates } from './schema.js';
import type { TCommuneList, TCommuneListQuery } from './communes.types.js';

const summaryColumns = {
  ags: communes.ags, name: communes.name, type: communes.type, status: communes.status,
  districtAgs: communes.districtAgs, districtName: districts.name,
  policeDirectorateId: districts.policeDirectorateId, policeDirectorateName: policeDirectorates.name,
  associationArs: communes.associationArs, associationName: associations.name, associationType: associations.type,
  population: communes.population, areaKm2: communes.areaKm2,
};

export function summaryQuery(db: Db) {
  return db.select(summaryColumns).from(communes)
    .innerJoin(districts, eq(districts.ags, communes.districtAgs))
    .innerJoin(policeDirectorates, eq(policeDirectorates.id, districts.policeDirectorateId))
    .leftJoin(associations, eq(associations.ars, communes.associationArs));
}

const SORT_COLUMNS = { name: communes.name, ags: communes.ags, population: communes.population, area: communes.areaKm2, district: districts.name };
const NAME_SORTS = new Set(['name', 'district']);

/**
 * Search by name (umlaut-insensitive; names and their words starting with the term first, „Zsch“ → Zschopau) or
 * AGS prefix, filter by Kreis, Polizeidirektion, type and status; sorted (names in German order) and paged.
 */
export async function listCommunes(db: Db, q: TCommuneListQuery): Promise<TCommuneList> {
  const where: SQL[] = [];
  const order: SQL[] = [];
  if (q.status !== 'all') where.push(eq(communes.status, q.status));
  if (q.q) {
    if (isAgsTerm(q.q)) where.push(ilike(communes.ags, `${likeEscape(q.q)}%`));
    else {
      where.push(nameContains(communes.name, q.q));
      order.push(sql`case when ${nameStartsWith(communes.name, q.q)} then 0 else 1 end`);
    }
  }
  if (q.district) where.push(eq(communes.districtAgs, q.district));
  if (q.directorate) where.push(eq(districts.policeDirectorateId, q.directorate));
  if (q.type) where.push(eq(communes.type, q.type));
  const cond = where.length ? and(...where) : undefined;
  const column = SORT_COLUMNS[q.sort];
  order.push(NAME_SORTS.has(q.sort) ? byName(column, q.dir) : byColumn(column, q.dir));
  const items = await summaryQuery(db).where(cond).orderBy(...order, asc(communes.ags)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(communes)
    .innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(cond);
  return page(items, total?.n ?? 0, q);
}
