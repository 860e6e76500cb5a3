import * as oidc from 'openid-client';
import { lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { oidcStates } from './schema.js';
import { configurationFor, redirectUri, type OidcSettings } from './oidc-client.js';

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
