import { eq, inArray } from 'drizzle-orm';
import type { ScopeOwner } from '../../server/auth/scopes.js';
import { communes, districts, policeDirectorates } from './schema.js';

/** A commune grant covers that commune. */
export const communeScope: ScopeOwner = {
  type: 'commune',
  exists: async (db, id) => (await db.select({ a: communes.ags }).from(communes).where(eq(communes.ags, id))).length > 0,
  communes: async (_db, ids) => [...ids],
  label: async (db, id) => (await db.select({ name: communes.name }).from(communes).where(eq(communes.ags, id)))[0]?.name,
};

/** A police directorate covers the communes of the Kreise it is responsible for (SächsPolOrgVO § 1). */
export const policeDirectorateScope: ScopeOwner = {
  type: 'police_directorate',
  exists: async (db, id) => (await db.select({ a: policeDirectorates.id }).from(policeDirectorates).where(eq(policeDirectorates.id, id))).length > 0,
  communes: async (db, ids) => ids.length
    ? (await db.select({ ags: communes.ags }).from(communes).innerJoin(districts, eq(districts.ags, communes.districtAgs))
      .where(inArray(districts.policeDirectorateId, [...ids]))).map((r) => r.ags)
    : [],
  label: async (db, id) => (await db.select({ name: policeDirectorates.name }).from(policeDirectorates).where(eq(policeDirectorates.id, id)))[0]?.name,
};
