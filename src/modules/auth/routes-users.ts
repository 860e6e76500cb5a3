import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { accountPolicy } from './policy.js';
import * as T from './auth.types.js';
import { listUsers } from './list-users.js';
import { userForViewer } from './get-user.js';
import { inviteUser } from './invite-user.js';
import { updateUser } from './update-user.js';
import { resendInvitation } from './resend-invitation.js';

const tags = ['Benutzerverwaltung'];

export async function userRoutes(app: App) {
  const { db } = app.database;
  const { publicUrl } = app.config;

  app.get('/admin/users', {
    config: { access: accountPolicy.door('manage') },
    schema: { tags, summary: 'Benutzerkonten auflisten, mit den vergebbaren Rollen', querystring: T.ZUserListQuery, response: { 200: T.ZUserList } },
  }, async (request) => listUsers(db, request.actor, request.query));

  app.post('/admin/users', {
    config: { access: accountPolicy.door('manage') },
    schema: { tags, summary: 'Person einladen (Konto mit Rollen anlegen, Einladungs-E-Mail senden)', body: T.ZInviteUser, response: { 201: T.ZUser } },
  }, async (request, reply) => {
    const user = await inviteUser(db, app.mailer, auditContext(request), { ...request.body, publicUrl });
    return reply.status(201).send(await userForViewer(db, request.actor, user));
  });

  app.get('/admin/users/:id', {
    config: accountPolicy.route('manage'),
    schema: { tags, summary: 'Benutzerkonto lesen', params: T.ZUserIdParams, response: { 200: T.ZUser } },
  }, async (request) => userForViewer(db, request.actor, accountPolicy.of(request)));

  app.put('/admin/users/:id', {
    config: accountPolicy.route('manage'),
    schema: { tags, summary: 'Name, Status, Rollen und Zuständigkeiten ändern', params: T.ZUserIdParams, body: T.ZUpdateUser, response: { 200: T.ZUser } },
  }, async (request) => userForViewer(db, request.actor, await updateUser(db, auditContext(request), accountPolicy.of(request).id, request.body)));

  app.post('/admin/users/:id/invitation', {
    config: accountPolicy.route('manage'),
    schema: { tags, summary: 'Einladung erneut senden', params: T.ZUserIdParams, response: { 202: T.ZMessage } },
  }, async (request, reply) => {
    await resendInvitation(db, app.mailer, auditContext(request), accountPolicy.of(request), publicUrl);
    return reply.status(202).send({ message: 'Die Einladung wurde erneut gesendet.' });
  });
}
