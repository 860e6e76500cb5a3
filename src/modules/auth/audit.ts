import { auditRecorder } from '../../server/audit/record.js';

/** What the auth module writes to the audit log. */
export const AUTH_AUDIT_ACTIONS = [
  'user.created', 'user.invited', 'user.invitation_sent', 'user.invitation_accepted', 'user.password_reset', 'user.updated', 'user.oidc_linked',
] as const;
export type AuthAuditAction = (typeof AUTH_AUDIT_ACTIONS)[number];

export const recordAuthAudit = auditRecorder<AuthAuditAction, 'user'>();
