export const ROLES = ['lpr_admin', 'lpr_staff', 'commune', 'police', 'coach', 'council_member', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['commune', 'police_directorate', 'council', 'analysis'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Which scope a role needs; unscoped roles act statewide (LPR) or on their own records (coach). */
export const ROLE_SCOPE: Record<Role, ScopeType | null> = {
  lpr_admin: null,
  lpr_staff: null,
  commune: 'commune',
  police: 'police_directorate',
  coach: null,
  council_member: 'council',
  analyst: 'analysis',
};

export interface RoleGrant { role: Role; scopeType: ScopeType | null; scopeId: string | null }

export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  grants: RoleGrant[];
  sessionId: string;
  csrfToken: string;
}

export const hasRole = (actor: Actor | null, ...roles: Role[]) => !!actor && actor.grants.some((g) => roles.includes(g.role));
export const isLpr = (actor: Actor | null) => hasRole(actor, 'lpr_admin', 'lpr_staff');
/** The scope ids (AGS, directorate id, …) for which the actor holds `role`. */
export const scopesOf = (actor: Actor | null, role: Role) =>
  actor ? actor.grants.filter((g) => g.role === role && g.scopeId).map((g) => g.scopeId!) : [];
