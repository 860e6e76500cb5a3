import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { sendDownload, fileSlug } from '../../../server/http/download.js';
import { parseFormFields, readUpload } from '../../../server/http/form-fields.js';
import { analysisPolicy } from '../policy.js';
import * as T from '../surveys.types.js';
import { getSample } from '../sample.js';
import { drawProjectSample, MAX_REGISTER_BYTES } from '../draw-sample.js';
import { getLetter } from '../letter.js';
import { updateLetter } from '../update-letter.js';
import { acceptCrestType, MAX_CREST_BYTES, uploadCrest } from '../upload-crest.js';
import { produceLetters } from '../produce-letters.js';
import { deletePersonalData } from '../delete-personal-data.js';

/** The register sample, the cover letter with the commune's crest, the serial letters, and deleting the names. */
export async function sampleAndLetterRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Stichprobe und Anschreiben'];

  app.get('/analyses/:id/sample', {
    config: analysisPolicy.route('read'),
    schema: { tags, summary: 'Stichprobe: Schichten mit Grundgesamtheit und Umfang, Seed, Stand der Personendaten', params: T.ZProjectParams, response: { 200: T.ZSampleOrNone } },
  }, async (request) => getSample(db, analysisPolicy.of(request).id));

  app.post('/analyses/:id/sample', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Melderegister-Auszug (CSV) hochladen und geschichtete Zufallsstichprobe ziehen', params: T.ZProjectParams, consumes: ['multipart/form-data'], response: { 201: T.ZSample } },
  }, async (request, reply) => {
    const file = await readUpload(request, reply, {
      maxBytes: MAX_REGISTER_BYTES, tooLarge: `Der Melderegister-Auszug darf höchstens ${MAX_REGISTER_BYTES / 1024 / 1024} MB groß sein.`,
      missing: 'Bitte wählen Sie den Melderegister-Auszug (CSV) aus.',
      fields: (f) => parseFormFields(T.ZSampleOptions, { strataBy: f.strataBy, allocation: f.allocation, size: f.size, seed: f.seed || undefined }),
    });
    return reply.status(201).send(await drawProjectSample(db, auditContext(request), analysisPolicy.of(request), { name: file.filename, data: file.data }, file.fields));
  });

  app.get('/analyses/:id/letter', {
    config: analysisPolicy.route('read'),
    schema: { tags, summary: 'Text des Anschreibens', params: T.ZProjectParams, response: { 200: T.ZLetter } },
  }, async (request) => getLetter(db, analysisPolicy.of(request)));

  app.put('/analyses/:id/letter', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Anschreiben bearbeiten', params: T.ZProjectParams, body: T.ZLetterUpdate, response: { 200: T.ZLetter } },
  }, async (request) => updateLetter(db, auditContext(request), analysisPolicy.of(request), request.body));

  app.post('/analyses/:id/letter/crest', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Wappen oder Logo der Kommune hochladen (PNG/JPEG, bis 2 MB und 4000 × 4000 Pixel)', params: T.ZProjectParams, consumes: ['multipart/form-data'], response: { 200: T.ZLetter } },
  }, async (request, reply) => {
    const file = await readUpload(request, reply, {
      maxBytes: MAX_CREST_BYTES, tooLarge: 'Das Wappen darf höchstens 2 MB groß sein.', missing: 'Bitte wählen Sie ein Bild aus.', accept: (f) => acceptCrestType(f.mimetype),
    });
    return uploadCrest(db, app.files, auditContext(request), analysisPolicy.of(request), { mimetype: file.mimetype, data: file.data });
  });

  app.post('/analyses/:id/letters', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Serienbrief als PDF: Einladungen an alle oder Erinnerungen an noch nicht genutzte Codes', params: T.ZProjectParams, body: T.ZLettersRequest, response: { 200: T.ZLettersPdf } },
  }, async (request, reply) => {
    const project = analysisPolicy.of(request);
    const pdf = await produceLetters(db, app.files, auditContext(request), project, request.body.kind, `${app.config.publicUrl}/befragung`);
    return sendDownload(reply, `${request.body.kind === 'reminder' ? 'Erinnerungen' : 'Anschreiben'}-${fileSlug(project.code)}.pdf`, 'pdf', pdf);
  });

  app.delete('/analyses/:id/personal-data', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Namen und Adressen der Stichprobe löschen (Datensparsamkeit)', params: T.ZProjectParams, response: { 200: T.ZPersonalDataDeleted } },
  }, async (request) => deletePersonalData(db, auditContext(request), analysisPolicy.of(request)));
}
