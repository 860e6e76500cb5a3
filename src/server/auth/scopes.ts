import type { Db } from '../db/client.js';
import { isLpr, ROLE_SCOPE, type Actor, type Role, type ScopeType } from './roles.js';

/**
 * A module that owns a kind of scope (communes: commune and police directorate; surveys: analysis; councils
 * later) says through the module contract whether an id exists and which communes a scope covers.
 */
export interface ScopeOwner {
  type: ScopeType;
  exists(db: Db, id: string): Promise<boolean>;
  /** The AGS of the communes these scope ids cover (a commune itself, a directorate's communes, an analysis' commune). */
  communes(db: Db, ids: readonly string[]): Promise<string[]>;
  /** The display name of a scope id (a commune's name), undefined when the id does not exist. */
  label?(db: Db, id: string): Promise<string | undefined>;
}

/** Which communes' records an actor reaches: all (LPR) or a set of AGS. */
export type Visibility = { all: true } | { all: false; ags: ReadonlySet<string> };

let owners = new Map<ScopeType, ScopeOwner>();

/** Called once by the app (and the CLI) with every module's scope owners. */
export function configureScopes(list: readonly ScopeOwner[]) {
  owners = new Map(list.map((o) => [o.type, o]));
}

/** The owner of a scope type, if a module has registered one (councils have none until their module exists). */
export const findScopeOwner = (type: ScopeType): ScopeOwner | undefined => owners.get(type);

/** A grant's scope by name ("14521550" → the commune's name); null without a scope, an owner or a name. */
export async function scopeName(db: Db, grant: { scopeType: ScopeType | null; scopeId: string | null }): Promise<string | null> {
  if (!grant.scopeType || !grant.scopeId) return null;
  return (await findScopeOwner(grant.scopeType)?.label?.(db, grant.scopeId)) ?? null;
}

export function scopeOwner(type: ScopeType): ScopeOwner {
  const owner = owners.get(type);
  if (!owner) throw new Error(`No module owns the scope type "${type}" (PlatformModule.scopes).`);
  return owner;
}

/** Per actor object (one per request) and role list: scope lookups run once however many checks follow. */
const memo = new WeakMap<Actor, Map<string, Promise<ReadonlySet<string>>>>();

/** The communes covered by the actor's grants of these roles (not counting LPR's statewide reach). */
export function communesOfGrants(db: Db, actor: Actor, roles: readonly Role[]): Promise<ReadonlySet<string>> {
  const key = [...roles].sort().join(',');
  let byRoles = memo.get(actor);
  if (!byRoles) { byRoles = new Map(); memo.set(actor, byRoles); }
  let found = byRoles.get(key);
  if (!found) {
    found = (async () => {
      const out = new Set<string>();
      const byType = new Map<ScopeType, string[]>();
      for (const g of actor.grants) {
        const type = ROLE_SCOPE[g.role];
        if (!roles.includes(g.role) || !type || !g.scopeId) continue;
        byType.set(type, [...(byType.get(type) ?? []), g.scopeId]);
      }
      for (const [type, ids] of byType) for (const ags of await scopeOwner(type).communes(db, ids)) out.add(ags);
      return out;
    })();
    byRoles.set(key, found);
  }
  return found;
}

/**
 * The communes an actor reaches through these roles: all for LPR (when an LPR role is among them), else the
 * union of what each grant's scope covers. The one place where "which communes" is answered.
 */
export async function visibleCommunes(db: Db, actor: Actor | null, roles: readonly Role[]): Promise<Visibility> {
  if (!actor) return { all: false, ags: new Set() };
  if (isLpr(actor) && roles.some((r) => r === 'lpr_admin' || r === 'lpr_staff') && actor.grants.some((g) => roles.includes(g.role))) return { all: true };
  return { all: false, ags: await communesOfGrants(db, actor, roles) };
}

export const canSee = (v: Visibility, ags: string) => v.all || v.ags.has(ags);
export const canSeeAny = (v: Visibility, list: readonly string[]) => v.all || list.some((a) => v.ags.has(a));
