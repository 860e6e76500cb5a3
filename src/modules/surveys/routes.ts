import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { ZAgs } from '../communes/communes.types.js';
import { analysisPolicy, surveysPolicy as policy } from './policy.js';
import * as T from './surveys.types.js';
import { listProjects, presentProject, projectFor } from './projects.js';
import { createAnalysisProject } from './create-analysis-project.js';
import { completeProject, setPhaseStatus, setTaskDone } from './update-project-plan.js';
import { updateDistricts } from './update-districts.js';
import { createItem, itemVersions, listItems, reviseItem, setItemActive } from './item-bank.js';
import { currentQuestionnaire, presentQuestionnaire } from './questionnaires.js';
import { startFieldPhase, updateQuestionnaire } from './edit-questionnaire.js';
import { drawProjectSample, getSample, MAX_REGISTER_BYTES } from './draw-sample.js';
import { acceptCrestType, deletePersonalData, getLetter, MAX_CREST_BYTES, produceLetters, updateLetter, uploadCrest } from './letters.js';
import { sendDownload, fileSlug } from '../../server/http/download.js';
import { parseFormFields, readUpload } from '../../server/http/form-fields.js';
import { ZVersion } from '../../server/http/zod.js';
import { enterPaperSheet, paperEntryStatus } from './paper-entry.js';
import { fieldMonitoring } from './monitoring.js';
import { exportResponses } from './export-responses.js';
import { closeFieldPhase } from './edit-questionnaire.js';
import { updateMixThreshold } from './update-mix-threshold.js';
import { MIX_JOB, nudgeMix } from './mixing.js';

export async function surveysRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Sicherheitsanalysen'];

  app.get('/analyses', {
    config: { access: policy.readProject },
    schema: { tags, summary: 'Sicherheitsanalysen (Analyst: zugewiesene, Kommune: eigene)', querystring: z.object({ ags: ZAgs.optional() }), response: { 200: z.object({ items: z.array(T.ZProject) }) } },
  }, async (request) => listProjects(db, request.actor, request.query));

  app.post('/analyses', {
    config: { access: policy.commission },
    schema: { tags, summary: 'Sicherheitsanalyse beauftragen (20-Wochen-Plan, Aufgaben der Kommune, Fragebogenentwurf)', body: T.ZProjectCreate, response: { 201: T.ZProject } },
  }, async (request, reply) => reply.status(201).send(await createAnalysisProject(db, auditContext(request), request.body)));

  app.get('/analyses/:id', {
    config: analysisPolicy.route('read'),
    schema: { tags, summary: 'Eine Sicherheitsanalyse mit Phasen und Aufgaben', params: T.ZProjectParams, response: { 200: T.ZProject } },
  }, async (request) => presentProject(db, analysisPolicy.of(request)));

  app.put('/analyses/:id/phases/:key', {
    config: { access: policy.work },
    schema: { tags, summary: 'Stand einer Phase setzen', params: T.ZKeyParams, body: T.ZPhaseUpdate, response: { 200: T.ZProject } },
  }, async (request) => setPhaseStatus(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.params.key, request.body));

  app.put('/analyses/:id/tasks/:key', {
    config: { access: policy.communeTasks },
    schema: { tags, summary: 'Aufgabe der Kommune abhaken', params: T.ZKeyParams, body: T.ZTaskUpdate, response: { 200: T.ZProject } },
  }, async (request) => setTaskDone(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'read'), request.params.key, request.body));

  app.put('/analyses/:id/districts', {
    config: { access: policy.work },
    schema: { tags, summary: 'Ortsteile für die Frage nach dem Wohnort', params: T.ZProjectParams, body: T.ZDistrictsUpdate, response: { 200: T.ZProject } },
  }, async (request) => updateDistricts(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body));

  app.post('/analyses/:id/complete', {
    config: { access: policy.work },
    schema: { tags, summary: 'Analyse abschließen (zählt in der landesweiten Kennzahl)', params: T.ZProjectParams, body: T.ZComplete, response: { 200: T.ZProject } },
  }, async (request) => completeProject(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body));

  const qTags = ['Fragebogen'];
  app.get('/analyses/:id/questionnaire', {
    config: { access: policy.readProject },
    schema: { tags: qTags, summary: 'Aktueller Fragebogen mit SurveyJS-Vorschau', params: T.ZProjectParams, response: { 200: T.ZQuestionnaire } },
  }, async (request) => {
    const project = await projectFor(db, request.actor, request.params.id, 'read');
    return presentQuestionnaire(db, await currentQuestionnaire(db, project.id));
  });

  app.put('/analyses/:id/questionnaire', {
    config: { access: policy.work },
    schema: { tags: qTags, summary: 'Fragebogenentwurf zusammenstellen (Items, eigene Fragen, Seiten, Reihenfolge)', params: T.ZProjectParams, body: T.ZQuestionnaireUpdate, response: { 200: T.ZQuestionnaire } },
  }, async (request) => updateQuestionnaire(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body));

  app.post('/analyses/:id/field-phase', {
    config: { access: policy.work },
    schema: { tags: qTags, summary: 'Feldphase beginnen: der Fragebogen wird festgeschrieben', params: T.ZProjectParams, body: z.object({ version: ZVersion }), response: { 200: T.ZQuestionnaire } },
  }, async (request) => startFieldPhase(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body));

  const itemTags = ['Fragenkatalog'];
  app.get('/survey-items', {
    config: { access: policy.readItems },
    schema: { tags: itemTags, summary: 'Fragenkatalog: neueste Version jedes Items', response: { 200: z.object({ items: z.array(T.ZItem) }) } },
  }, async () => ({ items: await listItems(db) }));

  app.get('/survey-items/:code', {
    config: { access: policy.readItems },
    schema: { tags: itemTags, summary: 'Alle Versionen eines Items', params: T.ZCodeParams, response: { 200: z.object({ items: z.array(T.ZItem) }) } },
  }, async (request) => ({ items: await itemVersions(db, request.params.code) }));

  app.post('/survey-items', {
    config: { access: policy.maintainItems },
    schema: { tags: itemTags, summary: 'Item anlegen', body: T.ZItemCreate, response: { 201: T.ZItem } },
  }, async (request, reply) => reply.status(201).send(await createItem(db, auditContext(request), request.body)));

  app.post('/survey-items/:code/versions', {
    config: { access: policy.maintainItems },
    schema: { tags: itemTags, summary: 'Item ändern: legt eine neue Version an', params: T.ZCodeParams, body: T.ZItemRevise, response: { 201: T.ZItem } },
  }, async (request, reply) => reply.status(201).send(await reviseItem(db, auditContext(request), request.params.code, request.body)));

  app.put('/survey-items/:code/active', {
    config: { access: policy.maintainItems },
    schema: { tags: itemTags, summary: 'Item stilllegen oder wieder anbieten', params: T.ZCodeParams, body: T.ZItemActive, response: { 200: z.object({ code: z.string(), active: z.boolean() }) } },
  }, async (request) => setItemActive(db, auditContext(request), request.params.code, request.body.active));

  const sampleTags = ['Stichprobe und Anschreiben'];
  const ZSample = T.ZSample.nullable();
  app.get('/analyses/:id/sample', {
    config: { access: policy.readProject },
    schema: { tags: sampleTags, summary: 'Stichprobe: Schichten mit Grundgesamtheit und Umfang, Seed, Stand der Personendaten', params: T.ZProjectParams, response: { 200: ZSample } },
  }, async (request) => getSample(db, (await projectFor(db, request.actor, request.params.id, 'read')).id));

  app.post('/analyses/:id/sample', {
    config: { access: policy.work },
    schema: { tags: sampleTags, summary: 'Melderegister-Auszug (CSV) hochladen und geschichtete Zufallsstichprobe ziehen', params: T.ZProjectParams, consumes: ['multipart/form-data'], response: { 201: T.ZSample } },
  }, async (request, reply) => {
    const project = await projectFor(db, request.actor, request.params.id, 'work');
    const file = await readUpload(request, reply, {
      maxBytes: MAX_REGISTER_BYTES, tooLarge: `Der Melderegister-Auszug darf höchstens ${MAX_REGISTER_BYTES / 1024 / 1024} MB groß sein.`,
      missing: 'Bitte wählen Sie den Melderegister-Auszug (CSV) aus.',
      fields: (f) => parseFormFields(T.ZSampleOptions, { strataBy: f.strataBy, allocation: f.allocation, size: f.size, seed: f.seed || undefined }),
    });
    return reply.status(201).send(await drawProjectSample(db, auditContext(request), project, { name: file.filename, data: file.data }, file.fields));
  });

  app.get('/analyses/:id/letter', {
    config: { access: policy.readProject },
    schema: { tags: sampleTags, summary: 'Text des Anschreibens', params: T.ZProjectParams, response: { 200: T.ZLetter } },
  }, async (request) => getLetter(db, await projectFor(db, request.actor, request.params.id, 'read')));

  app.put('/analyses/:id/letter', {
    config: { access: policy.work },
    schema: { tags: sampleTags, summary: 'Anschreiben bearbeiten', params: T.ZProjectParams, body: T.ZLetterUpdate, response: { 200: T.ZLetter } },
  }, async (request) => updateLetter(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body));

  app.post('/analyses/:id/letter/crest', {
    config: { access: policy.work },
    schema: { tags: sampleTags, summary: 'Wappen oder Logo der Kommune hochladen (PNG/JPEG, bis 2 MB und 4000 × 4000 Pixel)', params: T.ZProjectParams, consumes: ['multipart/form-data'], response: { 200: T.ZLetter } },
  }, async (request, reply) => {
    const project = await projectFor(db, request.actor, request.params.id, 'work');
    const file = await readUpload(request, reply, {
      maxBytes: MAX_CREST_BYTES, tooLarge: 'Das Wappen darf höchstens 2 MB groß sein.', missing: 'Bitte wählen Sie ein Bild aus.', accept: (f) => acceptCrestType(f.mimetype),
    });
    return uploadCrest(db, app.files, auditContext(request), project, { mimetype: file.mimetype, data: file.data });
  });

  app.post('/analyses/:id/letters', {
    config: { access: policy.work },
    schema: { tags: sampleTags, summary: 'Serienbrief als PDF: Einladungen an alle oder Erinnerungen an noch nicht genutzte Codes', params: T.ZProjectParams, body: z.object({ kind: z.enum(['invitation', 'reminder']) }) },
  }, async (request, reply) => {
    const project = await projectFor(db, request.actor, request.params.id, 'work');
    const pdf = await produceLetters(db, app.files, auditContext(request), project, request.body.kind, `${app.config.publicUrl}/befragung`);
    return sendDownload(reply, `${request.body.kind === 'reminder' ? 'Erinnerungen' : 'Anschreiben'}-${fileSlug(project.code)}.pdf`, 'pdf', pdf);
  });

  app.delete('/analyses/:id/personal-data', {
    config: { access: policy.work },
    schema: { tags: sampleTags, summary: 'Namen und Adressen der Stichprobe löschen (Datensparsamkeit)', params: T.ZProjectParams, response: { 200: z.object({ personsDeleted: z.number().int() }) } },
  }, async (request) => deletePersonalData(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work')));

  const fieldTags = ['Feldphase'];
  app.post('/analyses/:id/field-phase/close', {
    config: { access: policy.work },
    schema: { tags: fieldTags, summary: 'Feldphase beenden: keine Antworten mehr annehmen', params: T.ZProjectParams, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = await closeFieldPhase(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'));
    // What waits in the mixing pool joins the last batch now.
    await app.jobs.send(MIX_JOB, { projectId: project.id });
    return project;
  });

  app.put('/analyses/:id/mix-threshold', {
    config: { access: policy.work },
    schema: { tags: fieldTags, summary: 'Mindestzahl der Antworten je Mischung (k) festlegen', params: T.ZProjectParams, body: T.ZMixThresholdUpdate, response: { 200: T.ZProject } },
  }, async (request) => updateMixThreshold(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body));

  app.get('/analyses/:id/monitoring', {
    config: { access: policy.readProject },
    schema: { tags: fieldTags, summary: 'Rücklauf je Tag und Schicht, Rücklaufquote', params: T.ZProjectParams, response: { 200: T.ZMonitoring } },
  }, async (request) => fieldMonitoring(db, await projectFor(db, request.actor, request.params.id, 'read')));

  app.get('/analyses/:id/paper-entries', {
    config: { access: policy.work },
    schema: { tags: fieldTags, summary: 'Papiererfassung: offene Doppelerfassungen und Abweichungen', params: T.ZProjectParams, response: { 200: T.ZPaperStatus } },
  }, async (request) => paperEntryStatus(db, await projectFor(db, request.actor, request.params.id, 'work')));

  app.post('/analyses/:id/paper-entries', {
    config: { access: policy.work },
    schema: { tags: fieldTags, summary: 'Papierfragebogen erfassen (optional doppelt mit Abgleich)', params: T.ZProjectParams, body: T.ZPaperEntry, response: { 200: T.ZPaperResult, 201: T.ZPaperResult } },
  }, async (request, reply) => {
    const project = await projectFor(db, request.actor, request.params.id, 'work');
    const result = await enterPaperSheet(db, auditContext(request), project, request.body);
    if (result.status === 'stored') nudgeMix(app.jobs, project.id, app.config.surveyMixIntervalSeconds, (msg, extra) => request.log.warn(extra ?? {}, msg));
    return reply.status(result.status === 'stored' ? 201 : 200).send(result);
  });

  app.get('/analyses/:id/export', {
    config: { access: policy.work },
    schema: { tags: fieldTags, summary: 'Antworten als CSV oder XLSX, Codebuch, SPSS-Syntax (nur Analyse und LPR)', params: T.ZProjectParams, querystring: z.object({ format: z.enum(['csv', 'xlsx', 'codebook', 'sps']) }) },
  }, async (request, reply) => {
    const file = await exportResponses(db, await projectFor(db, request.actor, request.params.id, 'work'), request.query.format);
    return sendDownload(reply, file.name, file.type, file.data);
  });
}
