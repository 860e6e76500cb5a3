import { z } from 'zod';
import { ZListQuery, ZPage } from '../../server/http/paging.js';
import { ROLES, SCOPE_TYPES } from '../../server/auth/roles.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness } from './password-policy.js';
import { labelled, ZString, ZVersion } from '../../server/http/zod.js';

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' }));
export const ZNewPassword = z.string()
  .min(PASSWORD_MIN_LENGTH, { error: `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein.` })
  .superRefine((password, ctx) => {
    const weakness = password.length >= PASSWORD_MIN_LENGTH ? passwordWeakness(password) : null;
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });

export const ZGrant = z.object({
  role: labelled(z.enum(ROLES), 'Rolle'),
  scopeType: labelled(z.enum(SCOPE_TYPES).nullable().default(null), 'Zuständigkeit'),
  scopeId: labelled(ZString.trim().min(1).max(64).nullable().default(null), 'Zuständigkeit'),
});
/** The grants of a form, each item named „Zugriff 1“, „Zugriff 2“ … in problems. */
const ZGrants = labelled(z.array(labelled(ZGrant, 'Zugriff')), 'Rollen');
export type TGrant = z.infer<typeof ZGrant>;

/** A role as the role picker offers it, with the kind of scope it needs (null: statewide or the user's own records). */
export const ZRoleOption = z.object({ role: z.enum(ROLES), scopeType: z.enum(SCOPE_TYPES).nullable() });
export type TRoleOption = z.infer<typeof ZRoleOption>;

const ZEmailField = labelled(ZEmail, 'E-Mail-Adresse');
export const ZLoginBody = z.object({ email: ZEmailField, password: labelled(z.string().min(1, { error: 'Bitte geben Sie Ihr Passwort ein.' }).max(200), 'Passwort') });

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

export const ZPasswordResetRequest = z.object({ email: ZEmailField });
export const ZPasswordResetConfirm = z.object({ token: z.string().min(20).max(200), password: labelled(ZNewPassword, 'Neues Passwort') });
/** A confirmation to show as it is (German). */
export const ZMessage = z.object({ message: z.string() });
export type TMessage = z.infer<typeof ZMessage>;

export const ZProviders = z.object({
  password: z.literal(true), oidc: z.object({ label: z.string(), loginUrl: z.string() }).nullable(),
  /** The e-mail address of the platform administration (ADMIN_CONTACT_EMAIL), for people who need a role; null when not configured. */
  adminContact: z.string().nullable(),
});
export type TProviders = z.infer<typeof ZProviders>;
export const ZOidcLoginQuery = z.object({ returnTo: ZString.max(500).optional() });

/** An account as stored and audited. */
export const ZUserRecord = z.object({
  id: z.uuid(), email: z.string(), displayName: z.string(), active: z.boolean(), locale: z.string(),
  hasPassword: z.boolean(), oidcLinked: z.boolean(), lastLoginAt: z.string().nullable(),
  createdAt: z.string(), version: z.number().int(), grants: z.array(ZGrant),
});
export type TUserRecord = z.infer<typeof ZUserRecord>;
/** An account as the administration sees it, with what the viewer may do with it. */
export const ZUser = ZUserRecord.extend({ can: z.object({ manage: z.boolean() }) });
export type TUser = z.infer<typeof ZUser>;

export const ZInviteUser = z.object({
  email: ZEmailField,
  displayName: labelled(ZString.trim().min(2, { error: 'Bitte geben Sie einen Namen an.' }).max(200), 'Name'),
  grants: ZGrants.min(1, { error: 'Bitte weisen Sie mindestens eine Rolle zu.' }),
});
export const ZUpdateUser = z.object({
  displayName: labelled(ZString.trim().min(2).max(200), 'Name'),
  active: z.boolean(),
  grants: ZGrants.min(1, { error: 'Bitte weisen Sie mindestens eine Rolle zu.' }),
  version: ZVersion,
});
export type TInviteUser = z.infer<typeof ZInviteUser>;
export type TUpdateUser = z.infer<typeof ZUpdateUser>;
export const USER_SORTS = ['name', 'email', 'lastLogin'] as const;
/** `q` (or the older `search`): part of the name or e-mail address. */
export const ZUserListQuery = ZListQuery(USER_SORTS, { sort: 'name', limit: 100 }, { search: ZString.max(200).optional() });
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
/** A page of accounts, and the roles the administration may assign (for the role picker). */
export const ZUserList = ZPage(ZUser).extend({
  roles: z.array(ZRoleOption),
  /** The names of the scopes the listed grants name ("14521550" → "Schwarzenberg/Erzgeb., Stadt"), by scope id. */
  scopeNames: z.record(z.string(), z.string()),
});
export type TUserList = z.infer<typeof ZUserList>;
export const ZUserIdParams = z.object({ id: z.uuid({ error: 'Ungültige Benutzer-ID.' }) });
