import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../../server/auth/roles.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness } from './password-policy.js';
import { ZString, ZVersion } from '../../server/http/zod.js';

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' }));
export const ZNewPassword = z.string()
  .min(PASSWORD_MIN_LENGTH, { error: `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein.` })
  .superRefine((password, ctx) => {
    const weakness = password.length >= PASSWORD_MIN_LENGTH ? passwordWeakness(password) : null;
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });

export const ZGrant = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES).nullable().default(null),
  scopeId: ZString.trim().min(1).max(64).nullable().default(null),
});
export type TGrant = z.infer<typeof ZGrant>;

export const ZLoginBody = z.object({ email: ZEmail, password: z.string().min(1, { error: 'Bitte geben Sie Ihr Passwort ein.' }).max(200) });

export const ZSessionUser = z.object({
  id: z.uuid(), email: z.string(), displayName: z.string(), locale: z.string(), grants: z.array(ZGrant),
  /** What the user may do at the door (`policy.ability`, e.g. `surveys.analysis.read`): the web shows navigation and actions by these. */
  abilities: z.array(z.string()),
});
export const ZSessionInfo = z.object({
  authenticated: z.boolean(),
  user: ZSessionUser.nullable(),
  csrfToken: z.string().nullable(),
});

export type TSessionUser = z.infer<typeof ZSessionUser>;
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZPasswordResetRequest = z.object({ email: ZEmail });
export const ZPasswordResetConfirm = z.object({ token: z.string().min(20).max(200), password: ZNewPassword });

export const ZProviders = z.object({ password: z.literal(true), oidc: z.object({ label: z.string(), loginUrl: z.string() }).nullable() });

export const ZUser = z.object({
  id: z.uuid(), email: z.string(), displayName: z.string(), active: z.boolean(), locale: z.string(),
  hasPassword: z.boolean(), oidcLinked: z.boolean(), lastLoginAt: z.string().nullable(),
  createdAt: z.string(), version: z.number().int(), grants: z.array(ZGrant),
});
export type TUser = z.infer<typeof ZUser>;

export const ZInviteUser = z.object({
  email: ZEmail,
  displayName: ZString.trim().min(2, { error: 'Bitte geben Sie einen Namen an.' }).max(200),
  grants: z.array(ZGrant).min(1, { error: 'Bitte weisen Sie mindestens eine Rolle zu.' }),
});
export const ZUpdateUser = z.object({
  displayName: ZString.trim().min(2).max(200),
  active: z.boolean(),
  grants: z.array(ZGrant).min(1, { error: 'Bitte weisen Sie mindestens eine Rolle zu.' }),
  version: ZVersion,
});
export const ZUserList = z.object({ items: z.array(ZUser), total: z.number().int() });
export const ZUserIdParams = z.object({ id: z.uuid({ error: 'Ungültige Benutzer-ID.' }) });
