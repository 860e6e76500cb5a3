import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { readUpload } from '../../server/http/form-fields.js';
import { registryPolicy } from './policy.js';
import * as T from './communes.types.js';
import { MAX_REGISTRY_FILE_BYTES, XLSX_MIME } from './gv-isys-file.js';
import { listRegistryImports } from './list-registry-imports.js';
import { getRegistryImport } from './get-registry-import.js';
import { previewRegistryImport } from './preview-registry-import.js';
import { applyRegistryImport } from './apply-registry-import.js';

const tags = ['Verzeichnis-Aktualisierung'];

export async function registryImportRoutes(app: App) {
  const { db } = app.database;

  app.get('/registry-imports', {
    config: { access: registryPolicy.door('update') },
    schema: { tags, summary: 'Bisherige Aktualisierungen des Gemeindeverzeichnisses (seitenweise)', querystring: T.ZRegistryImportListQuery, response: { 200: T.ZRegistryImportList } },
  }, async (request) => listRegistryImports(db, request.query));

  app.post('/registry-imports', {
    config: { access: registryPolicy.door('update') },
    schema: { tags, summary: 'Destatis-GV-ISys-Datei (.xlsx) hochladen und Vorschau der Änderungen erzeugen', consumes: ['multipart/form-data'], response: { 201: T.ZRegistryPreview } },
  }, async (request, reply) => {
    const file = await readUpload(request, reply, {
      maxBytes: MAX_REGISTRY_FILE_BYTES, missing: 'Bitte wählen Sie eine Datei aus.', tooLarge: `Die Datei darf höchstens ${MAX_REGISTRY_FILE_BYTES / 1024 / 1024} MB groß sein.`,
      accept: (f) => {
        if (!f.filename.toLowerCase().endsWith('.xlsx') && f.mimetype !== XLSX_MIME) {
          throw new Problem(415, 'unsupported_file_type', 'Bitte laden Sie eine Excel-Datei (.xlsx) im Format des Destatis-Gemeindeverzeichnisses hoch.', { field: 'file' });
        }
      },
    });
    return reply.status(201).send(await previewRegistryImport(db, auditContext(request), { fileName: file.filename, data: file.data }));
  });

  app.get('/registry-imports/:id', {
    config: { access: registryPolicy.door('update') },
    schema: { tags, summary: 'Vorschau eines Imports', params: T.ZRegistryImportIdParams, response: { 200: T.ZRegistryPreview } },
  }, async (request) => getRegistryImport(db, request.params.id));

  app.post('/registry-imports/:id/apply', {
    config: { access: registryPolicy.door('update') },
    schema: { tags, summary: 'Vorschau in einer Transaktion übernehmen', params: T.ZRegistryImportIdParams, body: T.ZApplyImport, response: { 200: T.ZRegistryPreview } },
  }, async (request) => applyRegistryImport(db, auditContext(request), request.params.id, request.body));
}
