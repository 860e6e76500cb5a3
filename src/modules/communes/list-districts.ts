import { asc, count, eq, sum } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { communes, districts, policeDirectorates } from './schema.js';

export async function listDistricts(db: Db) {
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

/** The directorates and the Kreise each covers (data, not code: it changes by ordinance). */
export async function listDirectorates(db: Db) {
  const pds = await db.select().from(policeDirectorates).orderBy(asc(policeDirectorates.name));
  const ds = await db.select({ ags: districts.ags, name: districts.name, pd: districts.policeDirectorateId }).from(districts).orderBy(asc(districts.name));
  return pds.map((p) => ({ id: p.id, name: p.name, districts: ds.filter((d) => d.pd === p.id).map(({ ags, name }) => ({ ags, name })) }));
}
