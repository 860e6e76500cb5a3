import type { App } from '../../server/modules.js';
import { ZAgsParams } from '../communes/communes.types.js';
import { crimeFiguresPolicy as policy } from './policy.js';
import * as T from './crime.types.js';
import { crimeCatalogue } from './crime-catalogue.js';
import { kreisOverview } from './kreis-overview.js';
import { communeCrimeStatistics } from './commune-crime-statistics.js';

/** PKS figures: offence keys and years, the Kreise and Land, and one commune next to its Kreis and Land. */
export async function crimeFigureRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Kriminalstatistik (PKS)'];

  app.get('/crime/catalogue', {
    config: { access: policy.door('readKreise') },
    schema: { tags, summary: 'Bekannte Straftatenschlüssel und Berichtsjahre', response: { 200: T.ZCrimeCatalogue } },
  }, async () => crimeCatalogue(db));

  app.get('/crime/kreise', {
    config: { access: policy.door('readKreise') },
    schema: { tags, summary: 'Fälle, Häufigkeitszahl und Aufklärungsquote der sächsischen Kreise und des Landes für ein Jahr und einen Schlüssel', querystring: T.ZOverviewQuery, response: { 200: T.ZKreisOverview } },
  }, async (request) => kreisOverview(db, request.query.year, request.query.key));

  app.get('/crime/communes/:ags', {
    config: policy.route('readCommune', 'ags'),
    schema: { tags, summary: 'PKS einer Gemeinde: Jahre, Schlüssel, Vergleich mit Kreis und Land, Trends', params: ZAgsParams, response: { 200: T.ZCommuneCrime } },
  }, async (request) => communeCrimeStatistics(db, policy.of(request).ags));
}
