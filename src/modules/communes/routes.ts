import { z } from 'zod';
import { asc, desc } from 'drizzle-orm';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { ZVersionParam } from '../../server/http/zod.js';
import { readUpload } from '../../server/http/form-fields.js';
import { communesPolicy as policy } from './policy.js';
import * as T from './communes.types.js';
import { listCommunes } from './list-communes.js';
import { getCommune } from './get-commune.js';
import { listDirectorates, listDistricts } from './list-districts.js';
import { communeGroups, registryImports } from './schema.js';
import { getGroup, presentGroups } from './groups.js';
import { createGroup } from './create-group.js';
import { updateGroup } from './update-group.js';
import { deleteGroup } from './delete-group.js';
import { getRegistryImport, MAX_REGISTRY_FILE_BYTES, presentImport, previewRegistryImport } from './preview-registry-import.js';
import { applyRegistryImport } from './apply-registry-import.js';
import { assertMayAccessAgeStructure, assertMayEditAgeStructure, getAgeStructure, saveAgeStructure } from './age-structure.js';

const tags = ['Gemeindeverzeichnis'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function communesRoutes(app: App) {
  const { db } = app.database;

  app.get('/communes', {
    config: { access: policy.read },
    schema: { tags, summary: 'Gemeinden suchen, filtern, sortieren', querystring: T.ZCommuneListQuery, response: { 200: T.ZCommuneList } },
  }, async (request) => listCommunes(db, request.query));

  app.get('/communes/:ags', {
    config: { access: policy.read },
    schema: { tags, summary: 'Eine Gemeinde mit Kennzahlen, Kreis, Polizeidirektion, Verband, Gruppen und Umriss', params: T.ZAgsParams, response: { 200: T.ZCommuneDetail } },
  }, async (request) => getCommune(db, request.params.ags));

  app.get('/districts', {
    config: { access: policy.read },
    schema: { tags, summary: 'Landkreise und kreisfreie Städte', response: { 200: z.object({ items: z.array(T.ZDistrict) }) } },
  }, async () => ({ items: await listDistricts(db) }));

  app.get('/police-directorates', {
    config: { access: policy.read },
    schema: { tags, summary: 'Polizeidirektionen und ihre Kreise', response: { 200: z.object({ items: z.array(T.ZDirectorate) }) } },
  }, async () => ({ items: await listDirectorates(db) }));

  const groupTags = ['Gemeindegruppen'];
  app.get('/commune-groups', {
    config: { access: policy.read },
    schema: { tags: groupTags, summary: 'Gruppen von Gemeinden (z. B. Städtebünde)', response: { 200: z.object({ items: z.array(T.ZGroup) }) } },
  }, async () => ({ items: await presentGroups(db, await db.select().from(communeGroups).orderBy(asc(communeGroups.name))) }));

  app.get('/commune-groups/:id', {
    config: { access: policy.read },
    schema: { tags: groupTags, summary: 'Eine Gruppe', params: T.ZGroupIdParams, response: { 200: T.ZGroup } },
  }, async (request) => getGroup(db, request.params.id));

  app.post('/commune-groups', {
    config: { access: policy.manageGroups },
    schema: { tags: groupTags, summary: 'Gruppe anlegen', body: T.ZGroupInput, response: { 201: T.ZGroup } },
  }, async (request, reply) => reply.status(201).send(await createGroup(db, auditContext(request), request.body)));

  app.put('/commune-groups/:id', {
    config: { access: policy.manageGroups },
    schema: { tags: groupTags, summary: 'Gruppe ändern (mit Versionsprüfung)', params: T.ZGroupIdParams, body: T.ZGroupUpdate, response: { 200: T.ZGroup } },
  }, async (request) => updateGroup(db, auditContext(request), request.params.id, request.body));

  app.delete('/commune-groups/:id', {
    config: { access: policy.manageGroups },
    schema: { tags: groupTags, summary: 'Gruppe löschen (mit Versionsprüfung)', params: T.ZGroupIdParams,
      querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteGroup(db, auditContext(request), request.params.id, request.query.version);
    return reply.status(204).send(null);
  });

  app.get('/communes/:ags/age-structure', {
    config: { access: policy.readAgeStructure },
    schema: { tags, summary: 'Einwohner ab 16 nach Altersgruppe und Geschlecht (Randverteilungen für die Gewichtung), mit Quelle', params: T.ZAgsParams, response: { 200: T.ZAgeStructure.nullable() } },
  }, async (request) => {
    await assertMayAccessAgeStructure(db, request.actor, request.params.ags, 'read');
    return getAgeStructure(db, request.params.ags);
  });

  app.put('/communes/:ags/age-structure', {
    config: { access: policy.editAgeStructure },
    schema: { tags, summary: 'Altersstruktur erfassen oder korrigieren (Quelle Pflicht, Versionsprüfung)', params: T.ZAgsParams, body: T.ZAgeStructureInput, response: { 200: T.ZAgeStructure } },
  }, async (request) => {
    await assertMayEditAgeStructure(db, request.actor, request.params.ags);
    return saveAgeStructure(db, auditContext(request), request.params.ags, request.body);
  });

  const importTags = ['Verzeichnis-Aktualisierung'];
  app.get('/registry-imports', {
    config: { access: policy.updateRegistry },
    schema: { tags: importTags, summary: 'Bisherige Aktualisierungen des Gemeindeverzeichnisses', response: { 200: z.object({ items: z.array(T.ZRegistryPreview) }) } },
  }, async () => ({ items: (await db.select().from(registryImports).orderBy(desc(registryImports.createdAt)).limit(50)).map(presentImport) }));

  app.post('/registry-imports', {
    config: { access: policy.updateRegistry },
    schema: { tags: importTags, summary: 'Destatis-GV-ISys-Datei (.xlsx) hochladen und Vorschau der Änderungen erzeugen', consumes: ['multipart/form-data'], response: { 201: T.ZRegistryPreview } },
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
    config: { access: policy.updateRegistry },
    schema: { tags: importTags, summary: 'Vorschau eines Imports', params: T.ZGroupIdParams, response: { 200: T.ZRegistryPreview } },
  }, async (request) => getRegistryImport(db, request.params.id));

  app.post('/registry-imports/:id/apply', {
    config: { access: policy.updateRegistry },
    schema: { tags: importTags, summary: 'Vorschau in einer Transaktion übernehmen', params: T.ZGroupIdParams, body: T.ZApplyImport, response: { 200: T.ZRegistryPreview } },
  }, async (request) => applyRegistryImport(db, auditContext(request), request.params.id, request.body));
}
