import { asc, count, eq, sum } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { communes, districts, policeDirectorates } from './schema.js';
import type { TDistrict } from './communes.types.js';

/** Landkreise and kreisfreie Städte with their directorate, number of active communes and population. */
export async function listDistricts(db: Db): Promise<TDistrict[]> {
  const rows = await db.select({
    ags: districts.ags, name: districts.name, type: districts.type,
    policeDirectorateId: districts.policeDirectorateId, policeDirectorateName: policeDirectorates.name,
    communeCount: count(communes.ags), population: sum(communes.population).mapWith(Number),
  }).from(districts)
    .innerJoin(policeDirectorates, eq(policeDirectorates.id, districts.policeDirectorateId))
    .leftJoin(communes, eq(communes.districtAgs, districts.ags))
    .where(eq(communes.status, 'active'))
    .groupBy(districts.ags, policeDirectorates.name).orderBy(asc(districts.name));
  return rows.map((r) => ({ ...r, population: r.population ?? 0 }));
}
