import * as oidc from 'openid-client';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Config } from '../../server/config.js';
import { Problem } from '../../server/http/problem.js';
import { recordAudit, systemContext } from '../../server/audit/record.js';
import { oidcStates, users } from './schema.js';
import { emailIs } from './users.js';
import { createSession } from './sessions.js';

type OidcSettings = NonNullable<Config['oidc']>;

let discovered: { key: string; config: Promise<oidc.Configuration> } | undefined;
function configurationFor(s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  if (discovered?.key !== key) {
    const config = oidc.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined,
      s.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    config.catch(() => { discovered = undefined; });
    discovered = { key, config };
  }
  return discovered.config;
}

const redirectUri = (publicUrl: string) => `${publicUrl}/api/auth/oidc/callback`;
/**
 * Where to go after the login: only a path on this site. Refused (→ "/"): absolute and scheme-relative URLs
 * ("//x", "/\x", "\x": browsers read a backslash as a slash), control characters, and anything that does not
 * resolve to the platform's own origin.
 */
export function safeReturnTo(returnTo: string | undefined, publicUrl: string): string {
  if (!returnTo || !returnTo.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(returnTo) || returnTo.startsWith('//')) return '/';
  try {
    const base = new URL(publicUrl);
    const target = new URL(returnTo, base);
    // "/..//x" resolves to the path "//x", which a browser would again read as another host.
    if (target.origin !== base.origin || target.pathname.startsWith('//')) return '/';
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return '/';
  }
}

/** Starts the authorization code flow with PKCE; state and nonce are kept in the database (any app process can finish it). */
export async function startOidcLogin(db: Db, s: OidcSettings, publicUrl: string, returnTo?: string) {
  const config = await configurationFor(s);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await db.delete(oidcStates).where(lt(oidcStates.expiresAt, new Date()));
  await db.insert(oidcStates).values({ state, codeVerifier, nonce, returnTo: safeReturnTo(returnTo, publicUrl), expiresAt: new Date(Date.now() + 10 * 60_000) });
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(publicUrl), scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256', state, nonce,
  }).href;
}

/**
 * Finishes the flow. Accounts are not created here: the identity must belong to a user the LPR invited
 * (matched by subject, or on first use by verified e-mail, which then links the subject).
 */
export async function finishOidcLogin(db: Db, s: OidcSettings, publicUrl: string, callbackUrl: URL, ttlMs: number) {
  const config = await configurationFor(s);
  const state = callbackUrl.searchParams.get('state') ?? '';
  const [pending] = await db.delete(oidcStates).where(and(eq(oidcStates.state, state), gt(oidcStates.expiresAt, new Date()))).returning();
  if (!pending) throw new Problem(400, 'oidc_state_invalid', 'Die Anmeldung ist abgelaufen oder ungültig. Bitte starten Sie sie erneut.');
  const current = new URL(redirectUri(publicUrl));
  current.search = callbackUrl.search;
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce });
    claims = tokens.claims();
  } catch {
    throw new Problem(401, 'oidc_failed', 'Die Anmeldung beim Identitätsanbieter ist fehlgeschlagen.');
  }
  if (!claims) throw new Problem(401, 'oidc_failed', 'Der Identitätsanbieter hat keine Identität bestätigt.');
  const email = typeof claims.email === 'string' && claims.email_verified !== false ? claims.email.toLowerCase() : null;
  let [user] = await db.select().from(users).where(eq(users.oidcSubject, claims.sub));
  if (!user && email) {
    [user] = await db.update(users).set({ oidcSubject: claims.sub, updatedAt: new Date() })
      .where(and(emailIs(email), isNull(users.oidcSubject))).returning();
    if (user) {
      await recordAudit(db, { ...systemContext('oidc'), actorId: user.id }, {
        action: 'user.oidc_linked', entityType: 'user', entityId: user.id, before: { oidcSubject: null }, after: { oidcSubject: claims.sub },
      });
    }
  }
  if (!user || !user.active) throw new Problem(403, 'oidc_no_account', 'Für diese Identität gibt es kein freigeschaltetes Konto. Bitte wenden Sie sich an den Landespräventionsrat.');
  return { user, returnTo: pending.returnTo, ...(await createSession(db, user.id, 'oidc', ttlMs)) };
}
