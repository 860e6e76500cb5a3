import * as oidc from 'openid-client';
import type { Config } from '../../server/config.js';

export type OidcSettings = NonNullable<Config['oidc']>;

let discovered: { key: string; config: Promise<oidc.Configuration> } | undefined;

/** The provider's configuration, discovered once per issuer and client (again after a failed discovery). */
export function configurationFor(s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  if (discovered?.key !== key) {
    const config = oidc.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined,
      s.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    config.catch(() => { discovered = undefined; });
    discovered = { key, config };
  }
  return discovered.config;
}

/** Where the provider sends the browser back to. */
export const redirectUri = (publicUrl: string) => `${publicUrl}/api/auth/oidc/callback`;
