import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { fileSlug, sendDownload } from '../../server/http/download.js';
import { ZVersionParam } from '../../server/http/zod.js';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { analysisPolicy } from '../surveys/policy.js';
import { evaluationPolicy as policy } from './policy.js';
import * as T from './evaluation.types.js';

// The surveys module no longer exports projectFor (its routes are subject routes); until this module's routes are too.
const projectFor = (db: Db, actor: Actor | null, id: string, mode: 'read' | 'work') => analysisPolicy.load(db, actor, mode, id);
import { getWeighting, runWeighting } from './run-weighting.js';
import { loadAnalysisInputs } from './analysis-inputs.js';
import { computeFindings } from './findings.js';
import { createRecommendation, deleteRecommendation, listRecommendations, manageRecommendation, updateRecommendation } from './recommendations.js';
import { buildReport, listReports, readReportFile, requestReport } from './reports.js';

export async function evaluationRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Auswertung und Bericht'];

  app.get('/analyses/:id/weighting', {
    config: { access: policy.door('read') },
    schema: { tags, summary: 'Gewichtung: gewähltes Design und Verfahren, letzter Lauf mit Randverteilungen, Konvergenz und Gewichtsspanne', params: T.ZProjectParams, response: { 200: T.ZWeighting } },
  }, async (request) => getWeighting(db, await projectFor(db, request.actor, request.params.id, 'read')));

  app.put('/analyses/:id/weighting', {
    config: { access: policy.door('work') },
    schema: { tags, summary: 'Gewichtung wählen und berechnen (Raking, Nachschichtung oder keine; Kappung; Veröffentlichungsregeln)', params: T.ZProjectParams, body: T.ZWeightingSettingsInput, response: { 200: T.ZWeighting } },
  }, async (request) => runWeighting(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body));

  app.get('/analyses/:id/findings', {
    config: { access: policy.door('read') },
    schema: { tags, summary: 'Ergebnisse: gewichtete Anteile mit Konfidenzintervallen, Angsträume, PKS-Vergleich, Wellenvergleich (Veröffentlichungsregeln angewandt)', params: T.ZProjectParams, response: { 200: T.ZFindings } },
  }, async (request) => computeFindings(db, await loadAnalysisInputs(db, await projectFor(db, request.actor, request.params.id, 'read')), { actor: request.actor }));

  app.get('/analyses/:id/recommendations', {
    config: { access: policy.door('read') },
    schema: { tags, summary: 'Handlungsempfehlungen', params: T.ZProjectParams, response: { 200: z.object({ items: z.array(T.ZRecommendation) }) } },
  }, async (request) => ({ items: await listRecommendations(db, (await projectFor(db, request.actor, request.params.id, 'read')).id) }));

  app.post('/analyses/:id/recommendations', {
    config: { access: policy.door('work') },
    schema: { tags, summary: 'Handlungsempfehlung schreiben (mit Handlungsfeld und Bezug zu Ergebnissen)', params: T.ZProjectParams, body: T.ZRecommendationContent, response: { 201: T.ZRecommendation } },
  }, async (request, reply) => reply.status(201).send(await createRecommendation(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.body)));

  app.put('/analyses/:id/recommendations/:recommendationId', {
    config: { access: policy.door('work') },
    schema: { tags, summary: 'Handlungsempfehlung überarbeiten (Versionsprüfung)', params: T.ZRecommendationParams, body: T.ZRecommendationUpdate, response: { 200: T.ZRecommendation } },
  }, async (request) => updateRecommendation(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.params.recommendationId, request.body));

  app.put('/analyses/:id/recommendations/:recommendationId/state', {
    config: { access: policy.door('manage') },
    schema: { tags, summary: 'Priorität und Stand setzen (offen → priorisiert → in Umsetzung → umgesetzt / verworfen)', params: T.ZRecommendationParams, body: T.ZRecommendationManage, response: { 200: T.ZRecommendation } },
  }, async (request) => manageRecommendation(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'read'), request.params.recommendationId, request.body));

  app.delete('/analyses/:id/recommendations/:recommendationId', {
    config: { access: policy.door('work') },
    schema: { tags, summary: 'Offene Handlungsempfehlung löschen', params: T.ZRecommendationParams, querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteRecommendation(db, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'), request.params.recommendationId, request.query.version);
    return reply.status(204).send(null);
  });

  app.get('/analyses/:id/report', {
    config: { access: policy.door('read') },
    schema: { tags, summary: 'Der Bericht als Webseite (Abschnitte, Tabellen, Diagramme als SVG)', params: T.ZProjectParams, response: { 200: T.ZReportModel } },
  }, async (request) => (await buildReport(db, await projectFor(db, request.actor, request.params.id, 'read'), { actor: request.actor })).model);

  app.get('/analyses/:id/reports', {
    config: { access: policy.door('read') },
    schema: { tags, summary: 'Erzeugte Berichte (PDF und DOCX) mit Status', params: T.ZProjectParams, response: { 200: z.object({ items: z.array(T.ZReportStatus) }) } },
  }, async (request) => ({ items: await listReports(db, (await projectFor(db, request.actor, request.params.id, 'read')).id) }));

  app.post('/analyses/:id/reports', {
    config: { access: policy.door('work') },
    schema: { tags, summary: 'Bericht erzeugen (Hintergrundauftrag; Status über GET …/reports)', params: T.ZProjectParams, response: { 202: T.ZReportStatus } },
  }, async (request, reply) => reply.status(202).send(await requestReport(db, app.jobs, auditContext(request), await projectFor(db, request.actor, request.params.id, 'work'))));

  app.get('/analyses/:id/reports/:reportId/:format', {
    config: { access: policy.door('read') },
    schema: { tags, summary: 'Bericht herunterladen (pdf oder docx)', params: T.ZReportParams },
  }, async (request, reply) => {
    const project = await projectFor(db, request.actor, request.params.id, 'read');
    const { data, requestedAt } = await readReportFile(db, app.files, project, request.actor, request.params.reportId, request.params.format);
    return sendDownload(reply, `sicherheitsanalyse-${fileSlug(project.code)}-${requestedAt.toISOString().slice(0, 10)}.${request.params.format}`, request.params.format, data);
  });
}
