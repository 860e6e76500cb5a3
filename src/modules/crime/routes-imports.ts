import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { parseFormFields, readUpload } from '../../server/http/form-fields.js';
import { crimeFiguresPolicy as policy, importableAreas } from './policy.js';
import * as T from './crime.types.js';
import { checkImportOptions, importCrimeStatistics, MAX_PKS_BYTES } from './import-crime-statistics.js';
import { listCrimeImports } from './list-crime-imports.js';

/** PKS files: the import (all or nothing) and the list of imported files. */
export async function crimeImportRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Kriminalstatistik (PKS)'];

  app.post('/crime/imports', {
    config: { access: policy.door('import') },
    schema: {
      tags, consumes: ['multipart/form-data'], response: { 201: T.ZCrimeImportResult },
      summary: 'PKS-Datei einspielen (BKA-Tabelle 01 Kreise oder Gemeindetabelle der Polizeidirektion); alles oder nichts, Polizei nur für die eigene Direktion',
    },
  }, async (request, reply) => {
    const importer = await importableAreas(db, request.actor);
    const file = await readUpload(request, reply, {
      maxBytes: MAX_PKS_BYTES, tooLarge: `Die Datei darf höchstens ${MAX_PKS_BYTES / 1024 / 1024} MB groß sein.`, missing: 'Bitte wählen Sie die PKS-Datei (CSV) aus.',
      // Empty fields count as not given.
      fields: (f) => checkImportOptions(parseFormFields(T.ZCrimeImportOptions, { format: f.format || undefined, year: f.year || undefined, version: f.version || '', source: f.source || undefined })),
    });
    return reply.status(201).send(await importCrimeStatistics(db, app.files, auditContext(request), importer, { name: file.filename, data: file.data }, file.fields));
  });

  app.get('/crime/imports', {
    config: { access: policy.door('listImports') },
    schema: { tags, summary: 'Eingespielte PKS-Dateien mit Quelle und Version (Polizei: BKA-Tabellen und die der eigenen Direktion)', querystring: T.ZCrimeImportListQuery, response: { 200: T.ZCrimeImportList } },
  }, async (request) => listCrimeImports(db, request.actor, request.query));
}
