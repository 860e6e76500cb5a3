import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
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

/** Search by name or AGS, filter by Kreis, Polizeidirektion, type and status; sorted and paginated. */
export async function listCommunes(db: Db, q: TCommuneListQuery): Promise<TCommuneList> {
  const where: SQL[] = [];
  if (q.status !== 'all') where.push(eq(communes.status, q.status));
  if (q.q) {
    const term = q.q.replace(/[%_\\]/g, (c) => `\\${c}`);
    where.push(/^\d+$/.test(q.q) ? ilike(communes.ags, `${term}%`) : or(ilike(communes.name, `%${term}%`), ilike(communes.ags, `${term}%`))!);
  }
  if (q.district) where.push(eq(communes.districtAgs, q.district));
  if (q.directorate) where.push(eq(districts.policeDirectorateId, q.directorate));
  if (q.type) where.push(eq(communes.type, q.type));
  const cond = where.length ? and(...where) : undefined;
  const dir = q.order === 'desc' ? desc : asc;
  const items = await summaryQuery(db).where(cond)
    .orderBy(dir(SORT_COLUMNS[q.sort]), asc(communes.ags)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(communes)
    .innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(cond);
  return { items, total: total?.n ?? 0 };
}
