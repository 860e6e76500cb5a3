import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { analysisPolicy } from '../policy.js';
import * as T from '../surveys.types.js';
import { currentQuestionnaire, presentQuestionnaire } from '../questionnaires.js';
import { updateQuestionnaire } from '../edit-questionnaire.js';
import { startFieldPhase } from '../start-field-phase.js';
import { paperQuestionnairePdf } from '../paper-questionnaire.js';
import { fileSlug, sendDownload } from '../../../server/http/download.js';

/** The questionnaire of an analysis: composed as a draft, frozen when the field phase begins. */
export async function questionnaireRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Fragebogen'];

  app.get('/analyses/:id/questionnaire', {
    config: analysisPolicy.route('read'),
    schema: { tags, summary: 'Aktueller Fragebogen mit SurveyJS-Vorschau', params: T.ZProjectParams, response: { 200: T.ZQuestionnaire } },
  }, async (request) => presentQuestionnaire(db, await currentQuestionnaire(db, analysisPolicy.of(request).id)));

  app.put('/analyses/:id/questionnaire', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Fragebogenentwurf zusammenstellen (Items, eigene Fragen, Seiten, Reihenfolge)', params: T.ZProjectParams, body: T.ZQuestionnaireUpdate, response: { 200: T.ZQuestionnaire } },
  }, async (request) => updateQuestionnaire(db, auditContext(request), analysisPolicy.of(request), request.body));

  app.get('/analyses/:id/questionnaire.pdf', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Papierfragebogen (PDF) aus dem festgeschriebenen Fragebogen, mit den Kürzeln der Papiererfassung', params: T.ZProjectParams, querystring: T.ZPaperQuestionnaireQuery, response: { 200: T.ZPaperQuestionnairePdf } },
  }, async (request, reply) => {
    const project = analysisPolicy.of(request);
    const pdf = await paperQuestionnairePdf(db, app.files, project, request.query.lang, `${app.config.publicUrl}/befragung`);
    return sendDownload(reply, `${request.query.lang === 'en' ? 'Questionnaire' : 'Fragebogen'}-${fileSlug(project.code)}.pdf`, 'pdf', pdf);
  });

  app.post('/analyses/:id/field-phase', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Feldphase beginnen: der Fragebogen wird festgeschrieben', params: T.ZProjectParams, body: T.ZFieldPhaseStart, response: { 200: T.ZQuestionnaire } },
  }, async (request) => startFieldPhase(db, auditContext(request), analysisPolicy.of(request), request.body));
}
