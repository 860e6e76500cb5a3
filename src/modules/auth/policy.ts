import { definePolicy } from '../../server/auth/policy.js';

/** Accounts: sign-in is open, the session is everyone's own, accounts and roles are the LPR administration's. */
export const accountPolicy = definePolicy('auth.users', {
  login: 'public',
  session: 'public',
  logout: 'authenticated',
  passwordReset: 'public',
  manage: { lpr_admin: 'any' },
});

export const authPolicies = [accountPolicy] as const;

/** @deprecated door rules of routes not yet converted. */
export const authPolicy = {
  login: accountPolicy.door('login'),
  session: accountPolicy.door('session'),
  logout: accountPolicy.door('logout'),
  passwordReset: accountPolicy.door('passwordReset'),
  manageUsers: accountPolicy.door('manage'),
};
