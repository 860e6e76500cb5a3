import * as oidc from 'openid-client';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { systemContext } from '../../server/audit/record.js';
import { oidcStates, users } from './schema.js';
import { emailIs } from './users.js';
import { createSession } from './sessions.js';
import { configurationFor, redirectUri, type OidcSettings } from './oidc-client.js';
import { recordAuthAudit } from './audit.js';

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
      await recordAuthAudit(db, { ...systemContext('oidc'), actorId: user.id }, {
        action: 'user.oidc_linked', entityType: 'user', entityId: user.id, before: { oidcSubject: null }, after: { oidcSubject: claims.sub },
      });
    }
  }
  if (!user || !user.active) throw new Problem(403, 'oidc_no_account', 'Für diese Identität gibt es kein freigeschaltetes Konto. Bitte wenden Sie sich an den Landespräventionsrat.');
  return { user, returnTo: pending.returnTo, ...(await createSession(db, user.id, 'oidc', ttlMs)) };
}
