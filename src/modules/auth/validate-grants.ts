import type { Db } from '../../server/db/client.js';
import { ROLE_SCOPE } from '../../server/auth/roles.js';
import { invalidField } from '../../server/http/problem.js';
import { findScopeOwner } from '../../server/auth/scopes.js';
import type { TGrant } from './auth.types.js';

/** Checks that every grant carries exactly the scope its role needs and that the scope exists. */
export async function validateGrants(db: Db, grants: TGrant[]): Promise<TGrant[]> {
  const out: TGrant[] = [];
  for (const [i, g] of grants.entries()) {
    const needed = ROLE_SCOPE[g.role];
    if (needed === null) { out.push({ role: g.role, scopeType: null, scopeId: null }); continue; }
    if (!g.scopeId) throw invalidField(`grants.${i}.scopeId`, `Die Rolle „${g.role}“ braucht einen Zuständigkeitsbereich (${needed}).`, `Zugriff ${i + 1}: Zuständigkeit`);
    if (g.scopeType && g.scopeType !== needed) throw invalidField(`grants.${i}.scopeType`, `Die Rolle „${g.role}“ ist auf ${needed} beschränkt.`, `Zugriff ${i + 1}: Zuständigkeit`);
    const owner = findScopeOwner(needed);
    if (owner && !(await owner.exists(db, g.scopeId))) throw invalidField(`grants.${i}.scopeId`, `„${g.scopeId}“ ist kein gültiger Zuständigkeitsbereich (${needed}).`, `Zugriff ${i + 1}: Zuständigkeit`);
    out.push({ role: g.role, scopeType: needed, scopeId: g.scopeId });
  }
  const unique = new Map(out.map((g) => [`${g.role}|${g.scopeId ?? ''}`, g]));
  return [...unique.values()];
}
