import type { App } from '../../server/modules.js';
import { registryPolicy } from './policy.js';
import * as T from './communes.types.js';
import { listCommunes } from './list-communes.js';
import { getCommune } from './get-commune.js';
import { listDistricts } from './list-districts.js';
import { listDirectorates } from './list-directorates.js';
import { groupRoutes } from './routes-groups.js';
import { ageStructureRoutes } from './routes-age-structure.js';
import { registryImportRoutes } from './routes-registry-imports.js';
import { registerPublicGeometry } from './public-geometry.js';

const tags = ['Gemeindeverzeichnis'];

/** The public registry: communes, Kreise and police directorates; then groups, age structures and registry updates. */
export async function communesRoutes(app: App) {
  const { db } = app.database;
  registerPublicGeometry(app);

  app.get('/communes', {
    config: { access: registryPolicy.door('read') },
    schema: { tags, summary: 'Gemeinden suchen, filtern, sortieren', querystring: T.ZCommuneListQuery, response: { 200: T.ZCommuneList } },
  }, async (request) => listCommunes(db, request.query));

  app.get('/communes/:ags', {
    config: { access: registryPolicy.door('read') },
    schema: { tags, summary: 'Eine Gemeinde mit Kennzahlen, Kreis, Polizeidirektion, Verband, Gruppen und Umriss', params: T.ZAgsParams, response: { 200: T.ZCommuneDetail } },
  }, async (request) => getCommune(db, request.params.ags));

  app.get('/districts', {
    config: { access: registryPolicy.door('read') },
    schema: { tags, summary: 'Landkreise und kreisfreie Städte', response: { 200: T.ZDistrictList } },
  }, async () => ({ items: await listDistricts(db) }));

  app.get('/police-directorates', {
    config: { access: registryPolicy.door('read') },
    schema: { tags, summary: 'Polizeidirektionen und ihre Kreise', response: { 200: T.ZDirectorateList } },
  }, async () => ({ items: await listDirectorates(db) }));

  await groupRoutes(app);
  await ageStructureRoutes(app);
  await registryImportRoutes(app);
}
