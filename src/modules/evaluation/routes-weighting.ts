import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { evaluationPolicy as policy } from './policy.js';
import * as T from './evaluation.types.js';
import { getWeighting } from './get-weighting.js';
import { runWeighting } from './run-weighting.js';

export async function weightingRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Auswertung und Bericht'];

  app.get('/analyses/:id/weighting', {
    config: policy.route('read'),
    schema: { tags, summary: 'Gewichtung: gewähltes Design und Verfahren, letzter Lauf mit Randverteilungen, Konvergenz und Gewichtsspanne', params: T.ZProjectParams, response: { 200: T.ZWeighting } },
  }, async (request) => {
    const project = policy.of(request);
    const can = await policy.can(db, request.actor, project);
    return { ...await getWeighting(db, project), can: { run: can.work } };
  });

  app.put('/analyses/:id/weighting', {
    config: policy.route('work'),
    schema: { tags, summary: 'Gewichtung wählen und berechnen (Raking, Nachschichtung oder keine; Kappung; Veröffentlichungsregeln)', params: T.ZProjectParams, body: T.ZWeightingSettingsInput, response: { 200: T.ZWeighting } },
  }, async (request) => ({ ...await runWeighting(db, auditContext(request), policy.of(request), request.body), can: { run: true } }));
}
