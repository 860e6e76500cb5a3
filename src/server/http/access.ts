import type { Actor, Role } from '../auth/roles.js';
import { hasRole } from '../auth/roles.js';

/**
 * Who may call a route, declared on every route as `config: { access }`. Routes without a declaration
 * are refused at start-up (deny by default). Scope checks (own commune, own directorate) follow in the
 * use case, which receives the actor.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] };

export const access = {
  public: { kind: 'public' } as Access,
  authenticated: { kind: 'authenticated' } as Access,
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
};

export function isAllowed(rule: Access, actor: Actor | null): boolean {
  switch (rule.kind) {
    case 'public': return true;
    case 'authenticated': return actor !== null;
    case 'roles': return hasRole(actor, ...rule.roles);
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
