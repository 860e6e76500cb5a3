import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { fileSlug, sendDownload } from '../../server/http/download.js';
import { evaluationPolicy as policy } from './policy.js';
import * as T from './evaluation.types.js';
import { buildReport } from './build-report.js';
import { listReports } from './list-reports.js';
import { requestReport } from './request-report.js';
import { frozenReport, readReportFile } from './read-report-file.js';

export async function reportRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Auswertung und Bericht'];

  app.get('/analyses/:id/report', {
    config: policy.route('read'),
    schema: { tags, summary: 'Der Bericht als Webseite (Abschnitte, Tabellen, Diagramme als SVG); einer abgeschlossenen Analyse unverändert in der zuletzt gespeicherten Fassung', params: T.ZProjectParams, response: { 200: T.ZReportView } },
  }, async (request) => {
    const project = policy.of(request);
    const frozen = project.status === 'completed' ? await frozenReport(db, app.files, project, request.actor) : null;
    return frozen ?? { ...(await buildReport(db, project, { actor: request.actor })).model, frozen: null };
  });

  app.get('/analyses/:id/reports', {
    config: policy.route('read'),
    schema: { tags, summary: 'Fassungen des Berichts (PDF und DOCX) mit Nummer und Status', params: T.ZProjectParams, response: { 200: T.ZReportList } },
  }, async (request) => {
    const project = policy.of(request);
    const can = await policy.can(db, request.actor, project);
    return { items: await listReports(db, project.id), can: { generate: can.work } };
  });

  app.post('/analyses/:id/reports', {
    config: policy.route('work'),
    schema: { tags, summary: 'Neue Fassung des Berichts erzeugen (Hintergrundauftrag; Status über GET …/reports); frühere Fassungen bleiben unverändert', params: T.ZProjectParams, response: { 202: T.ZReportStatus } },
  }, async (request, reply) => reply.status(202).send(await requestReport(db, app.jobs, auditContext(request), policy.of(request))));

  app.get('/analyses/:id/reports/:reportId/:format', {
    config: policy.route('read'),
    schema: { tags, summary: 'Bericht herunterladen (pdf oder docx; ohne Wellenvergleich, wenn der Leser die andere Welle nicht einsehen darf)', params: T.ZReportParams, response: { 200: T.ZReportFile } },
  }, async (request, reply) => {
    const project = policy.of(request);
    const { data, requestedAt, number } = await readReportFile(db, app.files, project, request.actor, request.params.reportId, request.params.format);
    return sendDownload(reply, `sicherheitsanalyse-${fileSlug(project.code)}-fassung-${number}-${requestedAt.toISOString().slice(0, 10)}.${request.params.format}`, request.params.format, data);
  });
}
