import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { byColumn, byName, isAgsTerm, likeEscape, nameContains, page } from '../../server/http/paging.js';
import { communeGroupMembers, communeGroups, communes } from './schema.js';
import { GROUP_KINDS, type TGroupList, type TGroupListQuery } from './communes.types.js';
import { groupForViewer, presentGroups } from './groups.js';

/** Commune groups (public) by name or member commune, sorted and paged, each with what the viewer may do with it, and the kinds a group may have. */
export async function listGroups(db: Db, actor: Actor | null, q: TGroupListQuery): Promise<TGroupList> {
  const where: SQL[] = [];
  if (q.q) {
    const byMember = isAgsTerm(q.q) ? ilike(communeGroupMembers.ags, `${likeEscape(q.q)}%`) : nameContains(communes.name, q.q);
    const memberMatch = inArray(communeGroups.id, db.select({ id: communeGroupMembers.groupId }).from(communeGroupMembers)
      .innerJoin(communes, eq(communes.ags, communeGroupMembers.ags)).where(byMember));
    where.push(isAgsTerm(q.q) ? memberMatch : or(memberMatch, nameContains(communeGroups.name, q.q))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const order = q.sort === 'kind' ? [byColumn(communeGroups.kind, q.dir), byName(communeGroups.name)] : [byName(communeGroups.name, q.dir)];
  const rows = await db.select().from(communeGroups).where(cond).orderBy(...order, asc(communeGroups.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(communeGroups).where(cond);
  return { ...page((await presentGroups(db, rows)).map((g) => groupForViewer(g, actor)), total?.n ?? 0, q), kinds: [...GROUP_KINDS] };
}
