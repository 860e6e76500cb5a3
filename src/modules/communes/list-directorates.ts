import { asc } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { districts, policeDirectorates } from './schema.js';
import type { TDirectorate } from './communes.types.js';

/** The directorates and the Kreise each covers (data, not code: it changes by ordinance). */
export async function listDirectorates(db: Db): Promise<TDirectorate[]> {
  const pds = await db.select().from(policeDirectorates).orderBy(asc(policeDirectorates.name));
  const ds = await db.select({ ags: districts.ags, name: districts.name, pd: districts.policeDirectorateId }).from(districts).orderBy(asc(districts.name));
  return pds.map((p) => ({ id: p.id, name: p.name, districts: ds.filter((d) => d.pd === p.id).map(({ ags, name }) => ({ ags, name })) }));
}
