import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { App } from '../../server/modules.js';
import { communes, districts } from './schema.js';

/**
 * The outlines of the map, the same on every date: served by the core as content-addressed files
 * (`/api/public/static/communes.<hash>.json`, cached for a year), rebuilt only when the registry changes.
 * Answers that change per date (the stage of each commune) name the current address.
 */
export function registerPublicGeometry(app: App) {
  app.publicAnswers.document('communes', { sources: ['communes'], build: communeGeometry });
  app.publicAnswers.document('districts', { sources: ['districts'], build: districtGeometry });
}

/** Every active commune as a GeoJSON feature with its key, name and Kreis. */
async function communeGeometry(db: Db) {
  const rows = await db.select({ ags: communes.ags, name: communes.name, districtAgs: communes.districtAgs, geometry: communes.geometry })
    .from(communes).where(eq(communes.status, 'active')).orderBy(asc(communes.ags));
  return { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: { ags: r.ags, name: r.name, districtAgs: r.districtAgs } })) };
}

/** The Landkreise and kreisfreie Städte. */
async function districtGeometry(db: Db) {
  const rows = await db.select({ ags: districts.ags, name: districts.name, geometry: districts.geometry }).from(districts).orderBy(asc(districts.ags));
  return { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: { ags: r.ags, name: r.name } })) };
}
