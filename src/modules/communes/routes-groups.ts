import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { registryPolicy } from './policy.js';
import * as T from './communes.types.js';
import { listGroups } from './list-groups.js';
import { getGroup } from './get-group.js';
import { createGroup } from './create-group.js';
import { updateGroup } from './update-group.js';
import { deleteGroup } from './delete-group.js';
import { groupForViewer } from './groups.js';

const tags = ['Gemeindegruppen'];

export async function groupRoutes(app: App) {
  const { db } = app.database;

  app.get('/commune-groups', {
    config: { access: registryPolicy.door('read') },
    schema: { tags, summary: 'Gruppen von Gemeinden (z. B. Städtebünde), nach Name oder Mitgliedsgemeinde', querystring: T.ZGroupListQuery, response: { 200: T.ZGroupList } },
  }, async (request) => listGroups(db, request.actor, request.query));

  app.get('/commune-groups/:id', {
    config: { access: registryPolicy.door('read') },
    schema: { tags, summary: 'Eine Gruppe', params: T.ZGroupIdParams, response: { 200: T.ZGroup } },
  }, async (request) => getGroup(db, request.actor, request.params.id));

  app.post('/commune-groups', {
    config: { access: registryPolicy.door('manageGroups') },
    schema: { tags, summary: 'Gruppe anlegen', body: T.ZGroupInput, response: { 201: T.ZGroup } },
  }, async (request, reply) => reply.status(201).send(groupForViewer(await createGroup(db, auditContext(request), request.body), request.actor)));

  app.put('/commune-groups/:id', {
    config: { access: registryPolicy.door('manageGroups') },
    schema: { tags, summary: 'Gruppe ändern (mit Versionsprüfung)', params: T.ZGroupIdParams, body: T.ZGroupUpdate, response: { 200: T.ZGroup } },
  }, async (request) => groupForViewer(await updateGroup(db, auditContext(request), request.params.id, request.body), request.actor));

  app.delete('/commune-groups/:id', {
    config: { access: registryPolicy.door('manageGroups') },
    schema: { tags, summary: 'Gruppe löschen (mit Versionsprüfung)', params: T.ZGroupIdParams, querystring: T.ZGroupDeleteQuery,
      response: { 204: z.null().describe('Gelöscht') } },
  }, async (request, reply) => {
    await deleteGroup(db, auditContext(request), request.params.id, request.query.version);
    return reply.status(204).send(null);
  });
}
