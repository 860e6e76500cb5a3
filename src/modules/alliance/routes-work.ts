import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { alliancePolicy as policy } from './policy.js';
import * as T from './alliance.types.js';
import { listConsultations } from './list-consultations.js';
import { getConsultation, mayOpenConsultation } from './consultations.js';
import { logConsultation } from './log-consultation.js';
import { updateConsultation } from './update-consultation.js';
import { deleteConsultation } from './delete-consultation.js';
import { listOpenTasks, setTaskDone } from './update-task.js';
import { usersWithRole } from './lookups.js';
import { createFieldOfAction, updateFieldOfAction } from './manage-fields-of-action.js';
import { getAgreementTemplate, updateAgreementTemplate } from './update-agreement-template.js';
import { visibleCommunes } from './visibility.js';
import { notFound } from '../../server/http/problem.js';
import { ZString, ZVersionParam } from '../../server/http/zod.js';

const ZPerson = z.object({ id: z.string(), displayName: z.string(), email: z.string() });

export async function workRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Beratungen'];

  app.get('/consultations', {
    config: { access: policy.readInternal },
    schema: { tags, summary: 'Beratungen je Kommune und Zeitraum (Fördervoraussetzung)', querystring: T.ZConsultationListQuery, response: { 200: z.object({ items: z.array(T.ZConsultation), total: z.number().int() }) } },
  }, async (request) => listConsultations(db, request.actor, request.query));

  app.post('/consultations', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Beratung erfassen', body: T.ZConsultationInput, response: { 201: T.ZConsultation } },
  }, async (request, reply) => reply.status(201).send(await logConsultation(db, auditContext(request), request.body)));

  app.get('/consultations/:id', {
    config: { access: policy.readInternal },
    schema: { tags, summary: 'Eine Beratung', params: T.ZIdParams, response: { 200: T.ZConsultation } },
  }, async (request) => {
    const c = await getConsultation(db, request.params.id);
    if (!mayOpenConsultation(request.actor, await visibleCommunes(db, request.actor), c)) throw notFound('Diese Beratung gibt es nicht.');
    return c;
  });

  app.put('/consultations/:id', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Beratung ändern (mit Versionsprüfung)', params: T.ZIdParams, body: T.ZConsultationUpdate, response: { 200: T.ZConsultation } },
  }, async (request) => updateConsultation(db, auditContext(request), request.params.id, request.body));

  app.delete('/consultations/:id', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Irrtümlich erfasste Beratung löschen', params: T.ZIdParams, querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteConsultation(db, auditContext(request), request.params.id, request.query.version);
    return reply.status(204).send(null);
  });

  app.get('/consultation-tasks', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Offene Folgeaufgaben, früheste Fälligkeit zuerst', querystring: T.ZOpenTasksQuery, response: { 200: z.object({ items: z.array(T.ZTask) }) } },
  }, async (request) => ({ items: await listOpenTasks(db, request.query.dueBy) }));

  app.put('/consultation-tasks/:id', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Folgeaufgabe erledigen oder wieder öffnen', params: T.ZIdParams, body: T.ZTaskUpdate, response: { 200: T.ZTask } },
  }, async (request) => setTaskDone(db, auditContext(request), request.params.id, request.body));

  app.get('/alliance/staff', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Mitarbeitende des LPR (Auswahl „beraten durch“)', response: { 200: z.object({ items: z.array(ZPerson) }) } },
  }, async () => ({ items: await usersWithRole(db, ['lpr_admin', 'lpr_staff']) }));

  const adminTags = ['Stammdaten der Allianz'];
  app.post('/fields-of-action', {
    config: { access: policy.manage },
    schema: { tags: adminTags, summary: 'Handlungsfeld anlegen', body: T.ZFieldOfActionCreate, response: { 201: T.ZFieldOfAction } },
  }, async (request, reply) => reply.status(201).send(await createFieldOfAction(db, auditContext(request), request.body)));

  app.put('/fields-of-action/:id', {
    config: { access: policy.manage },
    schema: { tags: adminTags, summary: 'Handlungsfeld ändern oder stilllegen', params: z.object({ id: ZString.max(40) }), body: T.ZFieldOfActionUpdate, response: { 200: T.ZFieldOfAction } },
  }, async (request) => updateFieldOfAction(db, auditContext(request), request.params.id, request.body));

  app.get('/agreement-template', {
    config: { access: policy.manage },
    schema: { tags: adminTags, summary: 'Mustervorlage der Vereinbarungen', response: { 200: T.ZTemplate } },
  }, async () => getAgreementTemplate(db));

  app.put('/agreement-template', {
    config: { access: policy.manage },
    schema: { tags: adminTags, summary: 'Mustervorlage ändern (gilt für neue Entwürfe)', body: T.ZTemplateUpdate, response: { 200: T.ZTemplate } },
  }, async (request) => updateAgreementTemplate(db, auditContext(request), request.body));
}
