import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { itemBankPolicy } from '../policy.js';
import * as T from '../surveys.types.js';
import { itemVersions, pageItems } from '../item-bank.js';
import { createItem } from '../create-item.js';
import { reviseItem } from '../revise-item.js';
import { setItemActive } from '../set-item-active.js';

/** The item bank: every version of every item stays, so frozen questionnaires keep their wording. */
export async function itemBankRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Fragenkatalog'];

  app.get('/survey-items', {
    config: { access: itemBankPolicy.door('read') },
    schema: { tags, summary: 'Fragenkatalog: neueste Version jedes Items (seitenweise, Suche nach Kürzel oder Wortlaut)', querystring: T.ZItemListQuery, response: { 200: T.ZItemPage } },
  }, async (request) => pageItems(db, request.query));

  app.get('/survey-items/:code', {
    config: { access: itemBankPolicy.door('read') },
    schema: { tags, summary: 'Alle Versionen eines Items', params: T.ZCodeParams, response: { 200: T.ZItemList } },
  }, async (request) => ({ items: await itemVersions(db, request.params.code) }));

  app.post('/survey-items', {
    config: { access: itemBankPolicy.door('maintain') },
    schema: { tags, summary: 'Item anlegen', body: T.ZItemCreate, response: { 201: T.ZItem } },
  }, async (request, reply) => reply.status(201).send(await createItem(db, auditContext(request), request.body)));

  app.post('/survey-items/:code/versions', {
    config: { access: itemBankPolicy.door('maintain') },
    schema: { tags, summary: 'Item ändern: legt eine neue Version an', params: T.ZCodeParams, body: T.ZItemRevise, response: { 201: T.ZItem } },
  }, async (request, reply) => reply.status(201).send(await reviseItem(db, auditContext(request), request.params.code, request.body)));

  app.put('/survey-items/:code/active', {
    config: { access: itemBankPolicy.door('maintain') },
    schema: { tags, summary: 'Item stilllegen oder wieder anbieten', params: T.ZCodeParams, body: T.ZItemActive, response: { 200: T.ZItemActiveResult } },
  }, async (request) => setItemActive(db, auditContext(request), request.params.code, request.body.active));
}
