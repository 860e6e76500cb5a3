import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { allianceAdminPolicy } from '../policy.js';
import * as T from './admin.types.js';
import { createFieldOfAction } from './create-field-of-action.js';
import { updateFieldOfAction } from './update-field-of-action.js';
import { getAgreementTemplate } from './get-agreement-template.js';
import { updateAgreementTemplate } from './update-agreement-template.js';
import { listLprStaff } from './list-staff.js';

/** The alliance's settings: Handlungsfelder, the agreement template, the LPR staff list. */
export async function adminRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Stammdaten der Allianz'];

  app.post('/fields-of-action', {
    config: { access: allianceAdminPolicy.door('manage') },
    schema: { tags, summary: 'Handlungsfeld anlegen', body: T.ZFieldOfActionCreate, response: { 201: T.ZFieldOfAction } },
  }, async (request, reply) => reply.status(201).send(await createFieldOfAction(db, auditContext(request), request.body)));

  app.put('/fields-of-action/:id', {
    config: allianceAdminPolicy.route('manage'),
    schema: { tags, summary: 'Handlungsfeld ändern oder stilllegen', params: T.ZFieldOfActionParams, body: T.ZFieldOfActionUpdate, response: { 200: T.ZFieldOfAction } },
  }, async (request) => updateFieldOfAction(db, auditContext(request), allianceAdminPolicy.of(request).id, request.body));

  app.get('/agreement-template', {
    config: { access: allianceAdminPolicy.door('manage') },
    schema: { tags, summary: 'Mustervorlage der Vereinbarungen', response: { 200: T.ZTemplate } },
  }, async () => getAgreementTemplate(db));

  app.put('/agreement-template', {
    config: { access: allianceAdminPolicy.door('manage') },
    schema: { tags, summary: 'Mustervorlage ändern (gilt für neue Entwürfe)', body: T.ZTemplateUpdate, response: { 200: T.ZTemplate } },
  }, async (request) => updateAgreementTemplate(db, auditContext(request), request.body));

  app.get('/alliance/staff', {
    config: { access: allianceAdminPolicy.door('manage') },
    schema: { tags: ['Beratungen'], summary: 'Mitarbeitende des LPR (Auswahl „beraten durch“)', response: { 200: T.ZPersonList } },
  }, async () => ({ items: await listLprStaff(db) }));
}
