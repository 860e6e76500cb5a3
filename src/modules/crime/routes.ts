import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { parseFormFields, readUpload } from '../../server/http/form-fields.js';
import { ZAgs } from '../communes/communes.types.js';
import { crimePolicy as policy } from './policy.js';
import * as T from './crime.types.js';
import { checkImportOptions, importCrimeStatistics, importerOf, MAX_PKS_BYTES } from './import-crime-statistics.js';
import { communeCrimeStatistics, crimeCatalogue, kreisOverview, listCrimeImports } from './crime-statistics.js';

export async function crimeRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Kriminalstatistik (PKS)'];

  app.post('/crime/imports', {
    config: { access: policy.importFigures },
    schema: {
      tags, consumes: ['multipart/form-data'], response: { 201: T.ZCrimeImportResult },
      summary: 'PKS-Datei einspielen (BKA-Tabelle 01 Kreise oder Gemeindetabelle der Polizeidirektion); alles oder nichts, Polizei nur für die eigene Direktion',
    },
  }, async (request, reply) => {
    const importer = importerOf(request.actor);
    const file = await readUpload(request, reply, {
      maxBytes: MAX_PKS_BYTES, tooLarge: `Die Datei darf höchstens ${MAX_PKS_BYTES / 1024 / 1024} MB groß sein.`, missing: 'Bitte wählen Sie die PKS-Datei (CSV) aus.',
      // Empty fields count as not given.
      fields: (f) => checkImportOptions(parseFormFields(T.ZCrimeImportOptions, { format: f.format || undefined, year: f.year || undefined, version: f.version || '', source: f.source || undefined })),
    });
    return reply.status(201).send(await importCrimeStatistics(db, app.files, auditContext(request), importer, { name: file.filename, data: file.data }, file.fields));
  });

  app.get('/crime/imports', {
    config: { access: policy.listImports },
    schema: { tags, summary: 'Eingespielte PKS-Dateien mit Quelle und Version (Polizei: BKA-Tabellen und die der eigenen Direktion)', response: { 200: z.object({ items: z.array(T.ZCrimeImport) }) } },
  }, async (request) => ({ items: await listCrimeImports(db, request.actor) }));

  app.get('/crime/catalogue', {
    config: { access: policy.readKreise },
    schema: { tags, summary: 'Bekannte Straftatenschlüssel und Berichtsjahre', response: { 200: T.ZCrimeCatalogue } },
  }, async () => crimeCatalogue(db));

  app.get('/crime/kreise', {
    config: { access: policy.readKreise },
    schema: { tags, summary: 'Fälle, Häufigkeitszahl und Aufklärungsquote der sächsischen Kreise und des Landes für ein Jahr und einen Schlüssel', querystring: T.ZOverviewQuery, response: { 200: T.ZKreisOverview } },
  }, async (request) => kreisOverview(db, request.query.year, request.query.key));

  app.get('/crime/communes/:ags', {
    config: { access: policy.readCommune },
    schema: { tags, summary: 'PKS einer Gemeinde: Jahre, Schlüssel, Vergleich mit Kreis und Land, Trends', params: z.object({ ags: ZAgs }), response: { 200: T.ZCommuneCrime } },
  }, async (request) => communeCrimeStatistics(db, request.actor, request.params.ags));
}
