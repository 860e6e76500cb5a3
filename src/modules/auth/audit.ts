import { auditRecorder } from '../../server/audit/record.js';
import { namesFrom, type AuditLabel, type AuditVocabulary } from '../../server/audit/vocabulary.js';
import { users } from './schema.js';

/** What the auth module writes to the audit log. */
export const AUTH_AUDIT_ACTIONS = [
  'user.created', 'user.invited', 'user.invitation_sent', 'user.invitation_accepted', 'user.password_reset', 'user.updated', 'user.oidc_linked',
] as const;
export type AuthAuditAction = (typeof AUTH_AUDIT_ACTIONS)[number];

export const recordAuthAudit = auditRecorder<AuthAuditAction, 'user'>();

/** Readable labels of the accounts' audit actions; users are named by their display name. */
export const authAudit = {
  actions: {
    'user.created': { de: 'Konto angelegt', en: 'Account created' },
    'user.invited': { de: 'Person eingeladen', en: 'Person invited' },
    'user.invitation_sent': { de: 'Einladung versandt', en: 'Invitation sent' },
    'user.invitation_accepted': { de: 'Einladung angenommen', en: 'Invitation accepted' },
    'user.password_reset': { de: 'Passwort zurückgesetzt', en: 'Password reset' },
    'user.updated': { de: 'Konto geändert', en: 'Account changed' },
    'user.oidc_linked': { de: 'Anmeldung über den Landesdienst verknüpft', en: 'Single sign-on linked' },
  } satisfies Record<AuthAuditAction, AuditLabel>,
  entities: {
    user: { label: { de: 'Konto', en: 'Account' }, names: namesFrom(users, users.id, users.displayName, 'uuid') },
  },
} satisfies AuditVocabulary;
