import { z } from 'zod';
import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { ZVersionParam } from '../../../server/http/zod.js';
import { consultationPolicy, consultationTaskPolicy } from '../policy.js';
import { ZIdParams } from '../alliance.types.js';
import * as T from './consultations.types.js';
import { listConsultations } from './list-consultations.js';
import { logConsultation } from './log-consultation.js';
import { updateConsultation } from './update-consultation.js';
import { deleteConsultation } from './delete-consultation.js';
import { listOpenTasks } from './list-open-tasks.js';
import { ZPage } from '../../../server/http/paging.js';
import { setTaskDone } from './update-task.js';

/** Consultations (Beratungen) and their follow-up tasks. */
export async function consultationRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Beratungen'];

  app.get('/consultations', {
    config: { access: consultationPolicy.door('read') },
    schema: { tags, summary: 'Beratungen je Kommune und Zeitraum (Fördervoraussetzung)', querystring: T.ZConsultationListQuery, response: { 200: T.ZConsultationList } },
  }, async (request) => listConsultations(db, request.actor, request.query));

  app.post('/consultations', {
    config: { access: consultationPolicy.door('manage') },
    schema: { tags, summary: 'Beratung erfassen', body: T.ZConsultationInput, response: { 201: T.ZConsultation } },
  }, async (request, reply) => reply.status(201).send(await consultationPolicy.withCan(db, request.actor, await logConsultation(db, auditContext(request), request.body))));

  app.get('/consultations/:id', {
    config: consultationPolicy.route('read'),
    schema: { tags, summary: 'Eine Beratung', params: ZIdParams, response: { 200: T.ZConsultation } },
  }, async (request) => consultationPolicy.withCan(db, request.actor, consultationPolicy.of(request)));

  app.put('/consultations/:id', {
    config: consultationPolicy.route('manage'),
    schema: { tags, summary: 'Beratung ändern (mit Versionsprüfung)', params: ZIdParams, body: T.ZConsultationUpdate, response: { 200: T.ZConsultation } },
  }, async (request) => consultationPolicy.withCan(db, request.actor, await updateConsultation(db, auditContext(request), consultationPolicy.of(request).id, request.body)));

  app.delete('/consultations/:id', {
    config: consultationPolicy.route('manage'),
    schema: { tags, summary: 'Irrtümlich erfasste Beratung löschen', params: ZIdParams, querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteConsultation(db, auditContext(request), consultationPolicy.of(request).id, request.query.version);
    return reply.status(204).send(null);
  });

  app.get('/consultation-tasks', {
    config: { access: consultationPolicy.door('manage') },
    schema: { tags, summary: 'Offene Folgeaufgaben, früheste Fälligkeit zuerst', querystring: T.ZOpenTasksQuery, response: { 200: ZPage(T.ZOpenTask) } },
  }, async (request) => listOpenTasks(db, request.query));

  app.put('/consultation-tasks/:id', {
    config: consultationTaskPolicy.route('update'),
    schema: { tags, summary: 'Folgeaufgabe erledigen oder wieder öffnen', params: ZIdParams, body: T.ZTaskUpdate, response: { 200: T.ZTask } },
  }, async (request) => setTaskDone(db, auditContext(request), consultationTaskPolicy.of(request).id, request.body));
}
