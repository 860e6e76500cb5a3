import { definePolicy } from '../../server/auth/policy.js';
import { userSubject } from './subject.js';

/** Accounts: sign-in is open, the session is everyone's own, accounts and roles are the LPR administration's. */
export const accountPolicy = definePolicy('auth.users', {
  login: 'public',
  session: 'public',
  logout: 'authenticated',
  passwordReset: 'public',
  manage: { lpr_admin: 'any' },
}, userSubject);

export const authPolicies = [accountPolicy] as const;
