import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { byColumn, byName, emptyPage, isAgsTerm, likeEscape, nameContains, page } from '../../../server/http/paging.js';
import { communes } from '../../communes/schema.js';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { coaches, coachingProcesses } from '../schema.js';
import { coachingPolicy } from '../policy.js';
import { presentProcesses } from './coaching.js';
import type { TCoachingList, TCoachingListQuery } from './coaching.types.js';

/** The processes the actor may see (LPR all, a commune its own, a coach theirs), filtered, sorted and paged. */
export async function listCoaching(db: Db, actor: Actor | null, q: TCoachingListQuery): Promise<TCoachingList> {
  const visible = await coachingPolicy.filter(db, actor, 'read');
  if (visible === 'none') return emptyPage(q);
  const where: SQL[] = visible ? [visible] : [];
  if (q.ags) where.push(eq(coachingProcesses.ags, q.ags));
  if (q.status) where.push(eq(coachingProcesses.status, q.status));
  if (q.q) {
    where.push(isAgsTerm(q.q) ? ilike(coachingProcesses.ags, `${likeEscape(q.q)}%`)
      : or(nameContains(communes.name, q.q), inArray(coachingProcesses.coachId, db.select({ id: coaches.id }).from(coaches).where(nameContains(coaches.name, q.q))))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const order = q.sort === 'commune' ? [byName(communes.name, q.dir)] : q.sort === 'status' ? [byColumn(coachingProcesses.status, q.dir)]
    : [byColumn(coachingProcesses.requestedOn, q.dir), byColumn(coachingProcesses.createdAt, q.dir)];
  const [total] = await db.select({ n: count() }).from(coachingProcesses).innerJoin(communes, eq(communes.ags, coachingProcesses.ags)).where(cond);
  const rows = (await db.select({ p: coachingProcesses }).from(coachingProcesses).innerJoin(communes, eq(communes.ags, coachingProcesses.ags))
    .where(cond).orderBy(...order, asc(coachingProcesses.id)).limit(q.limit).offset(q.offset)).map((r) => r.p);
  return page(await Promise.all((await presentProcesses(db, rows)).map((p) => coachingPolicy.withCan(db, actor, p))), total?.n ?? 0, q);
}
