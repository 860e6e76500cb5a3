import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { ZVersionParam } from '../../server/http/zod.js';
import { evaluationPolicy as policy } from './policy.js';
import * as T from './evaluation.types.js';
import { listRecommendations } from './list-recommendations.js';
import { createRecommendation } from './create-recommendation.js';
import { updateRecommendation } from './update-recommendation.js';
import { manageRecommendation } from './manage-recommendation.js';
import { deleteRecommendation } from './delete-recommendation.js';

export async function recommendationRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Auswertung und Bericht'];

  app.get('/analyses/:id/recommendations', {
    config: policy.route('read'),
    schema: { tags, summary: 'Handlungsempfehlungen (mit dem, was der Leser damit tun darf)', params: T.ZProjectParams, response: { 200: T.ZRecommendationList } },
  }, async (request) => {
    const project = policy.of(request);
    const can = await policy.can(db, request.actor, project);
    return { items: await listRecommendations(db, project.id), can: { update: can.work, manage: can.manage } };
  });

  app.post('/analyses/:id/recommendations', {
    config: policy.route('work'),
    schema: { tags, summary: 'Handlungsempfehlung schreiben (mit Handlungsfeld und Bezug zu Ergebnissen)', params: T.ZProjectParams, body: T.ZRecommendationContent, response: { 201: T.ZRecommendation } },
  }, async (request, reply) => reply.status(201).send(await createRecommendation(db, auditContext(request), policy.of(request), request.body)));

  app.put('/analyses/:id/recommendations/:recommendationId', {
    config: policy.route('work'),
    schema: { tags, summary: 'Handlungsempfehlung überarbeiten (Versionsprüfung)', params: T.ZRecommendationParams, body: T.ZRecommendationUpdate, response: { 200: T.ZRecommendation } },
  }, async (request) => updateRecommendation(db, auditContext(request), policy.of(request), request.params.recommendationId, request.body));

  app.put('/analyses/:id/recommendations/:recommendationId/state', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Priorität und Stand setzen (offen → priorisiert → in Umsetzung → umgesetzt / verworfen)', params: T.ZRecommendationParams, body: T.ZRecommendationManage, response: { 200: T.ZRecommendation } },
  }, async (request) => manageRecommendation(db, auditContext(request), policy.of(request), request.params.recommendationId, request.body));

  app.delete('/analyses/:id/recommendations/:recommendationId', {
    config: policy.route('work'),
    schema: { tags, summary: 'Offene Handlungsempfehlung löschen', params: T.ZRecommendationParams, querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteRecommendation(db, auditContext(request), policy.of(request), request.params.recommendationId, request.query.version);
    return reply.status(204).send(null);
  });
}
