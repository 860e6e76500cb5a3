import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { fileSlug, sendDownload } from '../../server/http/download.js';
import { evaluationPolicy as policy } from './policy.js';
import * as T from './evaluation.types.js';
import { buildReport } from './build-report.js';
import { listReports } from './list-reports.js';
import { requestReport } from './request-report.js';
import { readReportFile } from './read-report-file.js';

export async function reportRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Auswertung und Bericht'];

  app.get('/analyses/:id/report', {
    config: policy.route('read'),
    schema: { tags, summary: 'Der Bericht als Webseite (Abschnitte, Tabellen, Diagramme als SVG)', params: T.ZProjectParams, response: { 200: T.ZReportModel } },
  }, async (request) => (await buildReport(db, policy.of(request), { actor: request.actor })).model);

  app.get('/analyses/:id/reports', {
    config: policy.route('read'),
    schema: { tags, summary: 'Erzeugte Berichte (PDF und DOCX) mit Status', params: T.ZProjectParams, response: { 200: T.ZReportList } },
  }, async (request) => {
    const project = policy.of(request);
    const can = await policy.can(db, request.actor, project);
    return { items: await listReports(db, project.id), can: { generate: can.work } };
  });

  app.post('/analyses/:id/reports', {
    config: policy.route('work'),
    schema: { tags, summary: 'Bericht erzeugen (Hintergrundauftrag; Status über GET …/reports)', params: T.ZProjectParams, response: { 202: T.ZReportStatus } },
  }, async (request, reply) => reply.status(202).send(await requestReport(db, app.jobs, auditContext(request), policy.of(request))));

  app.get('/analyses/:id/reports/:reportId/:format', {
    config: policy.route('read'),
    schema: { tags, summary: 'Bericht herunterladen (pdf oder docx; ohne Wellenvergleich, wenn der Leser die andere Welle nicht einsehen darf)', params: T.ZReportParams, response: { 200: T.ZReportFile } },
  }, async (request, reply) => {
    const project = policy.of(request);
    const { data, requestedAt } = await readReportFile(db, app.files, project, request.actor, request.params.reportId, request.params.format);
    return sendDownload(reply, `sicherheitsanalyse-${fileSlug(project.code)}-${requestedAt.toISOString().slice(0, 10)}.${request.params.format}`, request.params.format, data);
  });
}
