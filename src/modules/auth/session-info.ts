import type { Policy } from '../../server/auth/policy.js';
import { abilitiesOf } from '../../server/auth/policy.js';
import type { TGrant, TSessionInfo } from './auth.types.js';

export const NO_SESSION: TSessionInfo = { authenticated: false, user: null, csrfToken: null };

/** The signed-in user as the web app sees them: their grants and every ability they pass at the door. */
export function sessionInfo(
  policies: readonly Policy<string, any, string>[],
  user: { id: string; email: string; displayName: string; locale: string; grants: TGrant[] },
  csrfToken: string,
): TSessionInfo {
  const { id, email, displayName, locale, grants } = user;
  return { authenticated: true, csrfToken, user: { id, email, displayName, locale, grants, abilities: abilitiesOf(policies, { grants }) } };
}
