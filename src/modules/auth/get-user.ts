import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { TUser, TUserRecord } from './auth.types.js';
import { accountPolicy } from './policy.js';

/** The account as `actor` sees it, with what they may do with it. */
export async function userForViewer(db: Db, actor: Actor | null, user: TUserRecord): Promise<TUser> {
  return { ...user, can: { manage: await accountPolicy.allows(db, actor, 'manage', user) } };
}
