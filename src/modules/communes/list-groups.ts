import { asc } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { communeGroups } from './schema.js';
import { GROUP_KINDS, type TGroupList } from './communes.types.js';
import { groupForViewer, presentGroups } from './groups.js';

/** All commune groups by name (public), each with what the viewer may do with it, and the kinds a group may have. */
export async function listGroups(db: Db, actor: Actor | null): Promise<TGroupList> {
  const rows = await db.select().from(communeGroups).orderBy(asc(communeGroups.name));
  return { items: (await presentGroups(db, rows)).map((g) => groupForViewer(g, actor)), kinds: [...GROUP_KINDS] };
}
