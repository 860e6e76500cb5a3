import type { App } from '../../server/modules.js';
import { evaluationPolicy as policy } from './policy.js';
import * as T from './evaluation.types.js';
import { loadAnalysisInputs } from './analysis-inputs.js';
import { computeFindings } from './findings.js';

export async function findingsRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Auswertung und Bericht'];

  app.get('/analyses/:id/findings', {
    config: policy.route('read'),
    schema: { tags, summary: 'Ergebnisse: gewichtete Anteile mit Konfidenzintervallen, Angsträume, PKS-Vergleich, Wellenvergleich (Veröffentlichungsregeln angewandt)', params: T.ZProjectParams, response: { 200: T.ZFindings } },
  }, async (request) => computeFindings(db, await loadAnalysisInputs(db, policy.of(request)), { actor: request.actor }));
}
