import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { notFound } from '../../server/http/problem.js';
import { accountPolicy } from './policy.js';
import * as T from './auth.types.js';
import { loginWithPassword } from './login-with-password.js';
import { destroySession, SESSION_COOKIE } from './sessions.js';
import { loadGrants } from './grants.js';
import { NO_SESSION, sessionInfo } from './session-info.js';
import { requestPasswordReset } from './request-password-reset.js';
import { setPasswordWithToken } from './set-password-with-token.js';
import { startOidcLogin } from './start-oidc-login.js';
import { finishOidcLogin } from './finish-oidc-login.js';

const tags = ['Anmeldung'];

export async function sessionRoutes(app: App, secret: Buffer) {
  const { db } = app.database;
  const cfg = app.config;
  const policies = () => app.platformModules.flatMap((m) => m.policies ?? []);
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cfg.cookieSecure, maxAge: Math.floor(cfg.sessionTtlMs / 1000) });
  const oidcMissing = () => notFound('Die Anmeldung über OpenID Connect ist nicht eingerichtet.');

  app.post('/auth/login', {
    config: { access: accountPolicy.door('login') },
    schema: { tags, summary: 'Mit E-Mail und Passwort anmelden', body: T.ZLoginBody, response: { 200: T.ZSessionInfo } },
  }, async (request, reply) => {
    const { user, token, csrfToken } = await loginWithPassword(db, { ...request.body, clientAddress: request.ip, ttlMs: cfg.sessionTtlMs, secret, slowdownMs: cfg.loginSlowdownMs });
    setSessionCookie(reply, token);
    return sessionInfo(policies(), { ...user, grants: await loadGrants(db, user.id) }, csrfToken);
  });

  app.get('/auth/session', {
    config: { access: accountPolicy.door('session') },
    schema: { tags, summary: 'Aktuelle Sitzung und CSRF-Token', response: { 200: T.ZSessionInfo } },
  }, async (request) => {
    const a = request.actor;
    return a ? sessionInfo(policies(), { ...a, id: a.userId }, a.csrfToken) : NO_SESSION;
  });

  app.post('/auth/logout', {
    config: { access: accountPolicy.door('logout') },
    schema: { tags, summary: 'Abmelden', response: { 204: z.null().describe('Abgemeldet') } },
  }, async (request, reply) => {
    await destroySession(db, request.actor!.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/providers', {
    config: { access: accountPolicy.door('session') },
    schema: { tags, summary: 'Verfügbare Anmeldeverfahren', response: { 200: T.ZProviders } },
  }, async () => ({ password: true as const, oidc: cfg.oidc ? { label: cfg.oidc.label, loginUrl: '/api/auth/oidc/login' } : null, adminContact: cfg.adminContactEmail }));

  app.post('/auth/password-reset', {
    config: { access: accountPolicy.door('passwordReset') },
    schema: { tags, summary: 'Link zum Zurücksetzen des Passworts anfordern', body: T.ZPasswordResetRequest, response: { 202: T.ZMessage } },
  }, async (request, reply) => {
    await requestPasswordReset(db, app.mailer, { email: request.body.email, publicUrl: cfg.publicUrl });
    return reply.status(202).send({ message: 'Falls ein Konto mit dieser Adresse existiert, haben wir einen Link zum Zurücksetzen gesendet.' });
  });

  app.post('/auth/password-reset/confirm', {
    config: { access: accountPolicy.door('passwordReset') },
    schema: { tags, summary: 'Neues Passwort mit dem E-Mail-Link setzen (auch Einladungen)', body: T.ZPasswordResetConfirm, response: { 204: z.null().describe('Passwort gesetzt') } },
  }, async (request, reply) => {
    await setPasswordWithToken(db, auditContext(request), { ...request.body, secret });
    return reply.status(204).send(null);
  });

  app.get('/auth/oidc/login', {
    config: { access: accountPolicy.door('login') },
    schema: { tags, summary: 'Anmeldung über OpenID Connect beginnen', querystring: T.ZOidcLoginQuery,
      response: { 302: z.null().describe('Weiterleitung zum Identitätsanbieter (Location)') } },
  }, async (request, reply) => {
    if (!cfg.oidc) throw oidcMissing();
    return reply.redirect(await startOidcLogin(db, cfg.oidc, cfg.publicUrl, request.query.returnTo));
  });

  app.get('/auth/oidc/callback', {
    config: { access: accountPolicy.door('login') },
    schema: { tags, summary: 'Rückkehr vom Identitätsanbieter',
      response: { 302: z.null().describe('Weiterleitung zur gewünschten Seite, bei einem Fehler zu /anmelden?fehler=… (Location)') } },
  }, async (request, reply) => {
    if (!cfg.oidc) throw oidcMissing();
    try {
      const result = await finishOidcLogin(db, cfg.oidc, cfg.publicUrl, new URL(request.url, cfg.publicUrl), cfg.sessionTtlMs);
      setSessionCookie(reply, result.token);
      return reply.redirect(result.returnTo);
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'oidc_failed';
      return reply.redirect(`/anmelden?fehler=${encodeURIComponent(code)}`);
    }
  });
}
