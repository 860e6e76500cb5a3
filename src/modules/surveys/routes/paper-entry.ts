import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { analysisPolicy } from '../policy.js';
import * as T from '../surveys.types.js';
import { enterPaperSheet } from '../enter-paper-sheet.js';
import { paperEntryStatus } from '../paper-entry-status.js';
import { nudgeMix } from '../mixing.js';

/** Returned paper questionnaires, keyed once or twice. */
export async function paperEntryRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Feldphase'];

  app.get('/analyses/:id/paper-entries', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Papiererfassung: offene Doppelerfassungen und Abweichungen', params: T.ZProjectParams, response: { 200: T.ZPaperStatus } },
  }, async (request) => paperEntryStatus(db, analysisPolicy.of(request)));

  app.post('/analyses/:id/paper-entries', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Papierfragebogen erfassen (optional doppelt mit Abgleich)', params: T.ZProjectParams, body: T.ZPaperEntry, response: { 200: T.ZPaperResult, 201: T.ZPaperResult } },
  }, async (request, reply) => {
    const project = analysisPolicy.of(request);
    const result = await enterPaperSheet(db, auditContext(request), project, request.body);
    if (result.status === 'stored') nudgeMix(app.jobs, project.id, app.config.surveyMixIntervalSeconds, (msg, extra) => request.log.warn(extra ?? {}, msg));
    return reply.status(result.status === 'stored' ? 201 : 200).send(result);
  });
}
