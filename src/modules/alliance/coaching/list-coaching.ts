import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { coachingProcesses } from '../schema.js';
import { coachingPolicy } from '../policy.js';
import { presentProcesses } from './coaching.js';
import type { TCoachingList, TCoachingListQuery } from './coaching.types.js';

/** The processes the actor may see (LPR all, a commune its own, a coach theirs), newest request first. */
export async function listCoaching(db: Db, actor: Actor | null, q: TCoachingListQuery): Promise<TCoachingList> {
  const visible = await coachingPolicy.filter(db, actor, 'read');
  if (visible === 'none') return { items: [] };
  const where: SQL[] = visible ? [visible] : [];
  if (q.ags) where.push(eq(coachingProcesses.ags, q.ags));
  if (q.status) where.push(eq(coachingProcesses.status, q.status));
  const rows = await db.select().from(coachingProcesses).where(where.length ? and(...where) : undefined).orderBy(desc(coachingProcesses.requestedOn), desc(coachingProcesses.createdAt));
  return { items: await Promise.all((await presentProcesses(db, rows)).map((p) => coachingPolicy.withCan(db, actor, p))) };
}
