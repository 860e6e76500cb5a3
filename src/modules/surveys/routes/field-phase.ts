import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { analysisPolicy } from '../policy.js';
import * as T from '../surveys.types.js';
import { viewedBy } from '../projects.js';
import { closeFieldPhase } from '../close-field-phase.js';
import { MIX_JOB } from '../mixing.js';

/** The end of the field phase (it begins with freezing the questionnaire, see questionnaire.ts). */
export async function fieldPhaseRoutes(app: App) {
  const { db } = app.database;

  app.post('/analyses/:id/field-phase/close', {
    config: analysisPolicy.route('work'),
    schema: { tags: ['Feldphase'], summary: 'Feldphase beenden: keine Antworten mehr annehmen', params: T.ZProjectParams, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    const closed = await closeFieldPhase(db, auditContext(request), project);
    // What waits in the mixing pool joins the last batch now.
    await app.jobs.send(MIX_JOB, { projectId: project.id });
    return viewedBy(db, request.actor, project, closed);
  });
}
