import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { notFound } from '../../server/http/problem.js';
import { ZString } from '../../server/http/zod.js';
import { authPolicy } from './policy.js';
import * as T from './auth.types.js';
import { loginWithPassword } from './login-with-password.js';
import { destroySession, loadGrants, SESSION_COOKIE } from './sessions.js';
import { requestPasswordReset } from './request-password-reset.js';
import { setPasswordWithToken } from './set-password-with-token.js';
import { listUsers } from './list-users.js';
import { inviteUser, sendInvitation } from './invite-user.js';
import { updateUser } from './update-user.js';
import { finishOidcLogin, startOidcLogin } from './oidc.js';
import { eq } from 'drizzle-orm';
import { users } from './schema.js';
import { presentUser } from './users.js';
import { recordAudit } from '../../server/audit/record.js';
import { serverSecret } from '../../server/secret.js';
import { abilitiesOf } from '../../server/auth/policy.js';

const tags = ['Anmeldung'];

export async function authRoutes(app: App) {
  const { db } = app.database;
  const cfg = app.config;
  const secret = await serverSecret(db, cfg);
  const policies = () => app.platformModules.flatMap((m) => m.policies ?? []);
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cfg.cookieSecure, maxAge: Math.floor(cfg.sessionTtlMs / 1000) });

  app.post('/auth/login', {
    config: { access: authPolicy.login },
    schema: { tags, summary: 'Mit E-Mail und Passwort anmelden', body: T.ZLoginBody, response: { 200: T.ZSessionInfo } },
  }, async (request, reply) => {
    const { user, token, csrfToken } = await loginWithPassword(db, { ...request.body, clientAddress: request.ip, ttlMs: cfg.sessionTtlMs, secret, slowdownMs: cfg.loginSlowdownMs });
    setSessionCookie(reply, token);
    const grants = await loadGrants(db, user.id);
    return { authenticated: true, csrfToken, user: { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, grants, abilities: abilitiesOf(policies(), { grants }) } };
  });

  app.get('/auth/session', {
    config: { access: authPolicy.session },
    schema: { tags, summary: 'Aktuelle Sitzung und CSRF-Token', response: { 200: T.ZSessionInfo } },
  }, async (request) => {
    const a = request.actor;
    if (!a) return { authenticated: false, user: null, csrfToken: null };
    return { authenticated: true, csrfToken: a.csrfToken, user: { id: a.userId, email: a.email, displayName: a.displayName, locale: a.locale, grants: a.grants, abilities: abilitiesOf(policies(), a) } };
  });

  app.post('/auth/logout', {
    config: { access: authPolicy.logout },
    schema: { tags, summary: 'Abmelden', response: { 204: z.null() } },
  }, async (request, reply) => {
    await destroySession(db, request.actor!.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/providers', {
    config: { access: authPolicy.session },
    schema: { tags, summary: 'Verfügbare Anmeldeverfahren', response: { 200: T.ZProviders } },
  }, async () => ({ password: true as const, oidc: cfg.oidc ? { label: cfg.oidc.label, loginUrl: '/api/auth/oidc/login' } : null }));

  app.post('/auth/password-reset', {
    config: { access: authPolicy.passwordReset },
    schema: { tags, summary: 'Link zum Zurücksetzen des Passworts anfordern', body: T.ZPasswordResetRequest, response: { 202: z.object({ message: z.string() }) } },
  }, async (request, reply) => {
    await requestPasswordReset(db, app.mailer, { email: request.body.email, publicUrl: cfg.publicUrl });
    return reply.status(202).send({ message: 'Falls ein Konto mit dieser Adresse existiert, haben wir einen Link zum Zurücksetzen gesendet.' });
  });

  app.post('/auth/password-reset/confirm', {
    config: { access: authPolicy.passwordReset },
    schema: { tags, summary: 'Neues Passwort mit dem E-Mail-Link setzen (auch Einladungen)', body: T.ZPasswordResetConfirm, response: { 204: z.null() } },
  }, async (request, reply) => {
    await setPasswordWithToken(db, auditContext(request), { ...request.body, secret });
    return reply.status(204).send(null);
  });

  app.get('/auth/oidc/login', {
    config: { access: authPolicy.login },
    schema: { tags, summary: 'Anmeldung über OpenID Connect beginnen', querystring: z.object({ returnTo: ZString.max(500).optional() }) },
  }, async (request, reply) => {
    if (!cfg.oidc) throw notFound('Die Anmeldung über OpenID Connect ist nicht eingerichtet.');
    return reply.redirect(await startOidcLogin(db, cfg.oidc, cfg.publicUrl, request.query.returnTo));
  });

  app.get('/auth/oidc/callback', {
    config: { access: authPolicy.login },
    schema: { tags, summary: 'Rückkehr vom Identitätsanbieter' },
  }, async (request, reply) => {
    if (!cfg.oidc) throw notFound('Die Anmeldung über OpenID Connect ist nicht eingerichtet.');
    try {
      const result = await finishOidcLogin(db, cfg.oidc, cfg.publicUrl, new URL(request.url, cfg.publicUrl), cfg.sessionTtlMs);
      setSessionCookie(reply, result.token);
      return reply.redirect(result.returnTo);
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'oidc_failed';
      return reply.redirect(`/anmelden?fehler=${encodeURIComponent(code)}`);
    }
  });

  const admin = ['Benutzerverwaltung'];
  app.get('/admin/users', {
    config: { access: authPolicy.manageUsers },
    schema: { tags: admin, summary: 'Benutzerkonten auflisten', querystring: z.object({
      search: ZString.max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0),
    }), response: { 200: T.ZUserList } },
  }, async (request) => listUsers(db, request.query));

  app.post('/admin/users', {
    config: { access: authPolicy.manageUsers },
    schema: { tags: admin, summary: 'Person einladen (Konto mit Rollen anlegen, Einladungs-E-Mail senden)', body: T.ZInviteUser, response: { 201: T.ZUser } },
  }, async (request, reply) => reply.status(201).send(await inviteUser(db, app.mailer, auditContext(request), { ...request.body, publicUrl: cfg.publicUrl })));

  app.get('/admin/users/:id', {
    config: { access: authPolicy.manageUsers },
    schema: { tags: admin, summary: 'Benutzerkonto lesen', params: T.ZUserIdParams, response: { 200: T.ZUser } },
  }, async (request) => {
    const [u] = await db.select().from(users).where(eq(users.id, request.params.id));
    if (!u) throw notFound('Dieses Benutzerkonto existiert nicht.');
    return presentUser(u, await loadGrants(db, u.id));
  });

  app.put('/admin/users/:id', {
    config: { access: authPolicy.manageUsers },
    schema: { tags: admin, summary: 'Name, Status, Rollen und Zuständigkeiten ändern', params: T.ZUserIdParams, body: T.ZUpdateUser, response: { 200: T.ZUser } },
  }, async (request) => updateUser(db, auditContext(request), request.params.id, request.body));

  app.post('/admin/users/:id/invitation', {
    config: { access: authPolicy.manageUsers },
    schema: { tags: admin, summary: 'Einladung erneut senden', params: T.ZUserIdParams, response: { 202: z.object({ message: z.string() }) } },
  }, async (request, reply) => {
    const [u] = await db.select().from(users).where(eq(users.id, request.params.id));
    if (!u) throw notFound('Dieses Benutzerkonto existiert nicht.');
    await db.transaction(async (tx) => {
      await sendInvitation(tx, app.mailer, u, cfg.publicUrl);
      await recordAudit(tx, auditContext(request), { action: 'user.invitation_sent', entityType: 'user', entityId: u.id, after: { email: u.email } });
    });
    return reply.status(202).send({ message: 'Die Einladung wurde erneut gesendet.' });
  });
}
