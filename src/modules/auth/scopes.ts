import type { Db } from '../../server/db/client.js';
import type { ScopeType } from '../../server/auth/roles.js';
import { ROLE_SCOPE } from '../../server/auth/roles.js';
import { invalidField } from '../../server/http/problem.js';
import type { TGrant } from './auth.types.js';

/** Modules that own a kind of scope (communes, councils, analyses) register how to check that an id exists. */
export type ScopeResolver = (db: Db, id: string) => Promise<boolean>;
const resolvers = new Map<ScopeType, ScopeResolver>();
export const registerScopeResolver = (type: ScopeType, resolver: ScopeResolver) => resolvers.set(type, resolver);

/** Checks that every grant carries exactly the scope its role needs and that the scope exists. */
export async function validateGrants(db: Db, grants: TGrant[]): Promise<TGrant[]> {
  const out: TGrant[] = [];
  for (const [i, g] of grants.entries()) {
    const needed = ROLE_SCOPE[g.role];
    if (needed === null) { out.push({ role: g.role, scopeType: null, scopeId: null }); continue; }
    if (!g.scopeId) throw invalidField(`grants.${i}.scopeId`, `Die Rolle „${g.role}“ braucht einen Zuständigkeitsbereich (${needed}).`);
    if (g.scopeType && g.scopeType !== needed) throw invalidField(`grants.${i}.scopeType`, `Die Rolle „${g.role}“ ist auf ${needed} beschränkt.`);
    const resolver = resolvers.get(needed);
    if (resolver && !(await resolver(db, g.scopeId))) throw invalidField(`grants.${i}.scopeId`, `„${g.scopeId}“ ist kein gültiger Zuständigkeitsbereich (${needed}).`);
    out.push({ role: g.role, scopeType: needed, scopeId: g.scopeId });
  }
  const unique = new Map(out.map((g) => [`${g.role}|${g.scopeId ?? ''}`, g]));
  return [...unique.values()];
}
