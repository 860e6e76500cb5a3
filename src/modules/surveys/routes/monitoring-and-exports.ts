import type { App } from '../../../server/modules.js';
import { sendDownload } from '../../../server/http/download.js';
import { analysisPolicy } from '../policy.js';
import * as T from '../surveys.types.js';
import { fieldMonitoring } from '../monitoring.js';
import { exportResponses } from '../export-responses.js';

/** The return rate during the field phase, and the answers as files for the analysis. */
export async function monitoringAndExportRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Feldphase'];

  app.get('/analyses/:id/monitoring', {
    config: analysisPolicy.route('read'),
    schema: { tags, summary: 'Rücklauf je Tag und Schicht, Rücklaufquote', params: T.ZProjectParams, response: { 200: T.ZMonitoring } },
  }, async (request) => fieldMonitoring(db, analysisPolicy.of(request)));

  app.get('/analyses/:id/export', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Antworten als CSV oder XLSX, Codebuch, SPSS-Syntax (nur Analyse und LPR)', params: T.ZProjectParams, querystring: T.ZExportQuery, response: { 200: T.ZExportFile } },
  }, async (request, reply) => {
    const file = await exportResponses(db, analysisPolicy.of(request), request.query.format);
    return sendDownload(reply, file.name, file.type, file.data);
  });
}
