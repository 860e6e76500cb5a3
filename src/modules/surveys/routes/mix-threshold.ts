import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { analysisPolicy } from '../policy.js';
import * as T from '../surveys.types.js';
import { viewedBy } from '../projects.js';
import { updateMixThreshold } from '../update-mix-threshold.js';

/** k of the mixing pool (docs/anonymity.md). */
export async function mixThresholdRoutes(app: App) {
  const { db } = app.database;

  app.put('/analyses/:id/mix-threshold', {
    config: analysisPolicy.route('work'),
    schema: { tags: ['Feldphase'], summary: 'Mindestzahl der Antworten je Mischung (k) festlegen', params: T.ZProjectParams, body: T.ZMixThresholdUpdate, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    return viewedBy(db, request.actor, project, await updateMixThreshold(db, auditContext(request), project, request.body));
  });
}
