import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { byColumn, byName, emptyPage, isAgsTerm, likeEscape, nameContains, page } from '../../server/http/paging.js';
import { communes } from '../communes/schema.js';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { analysisPolicy } from './policy.js';
import { analysisProjects } from './schema.js';
import { presentProject, viewedBy } from './projects.js';
import type { TProjectList, TProjectListQuery } from './surveys.types.js';

/** The analyses the actor may read (all for the LPR, assigned ones for an analyst, its own for a commune), sorted and paged. */
export async function listProjects(db: Db, actor: Actor | null, q: TProjectListQuery): Promise<TProjectList> {
  const scope = await analysisPolicy.filter(db, actor, 'read');
  if (scope === 'none') return emptyPage(q);
  const where = [scope, q.ags ? eq(analysisProjects.ags, q.ags) : undefined].filter((x): x is SQL => !!x);
  if (q.q) {
    where.push(isAgsTerm(q.q) ? ilike(analysisProjects.ags, `${likeEscape(q.q)}%`)
      : or(nameContains(analysisProjects.title, q.q), nameContains(analysisProjects.code, q.q), nameContains(communes.name, q.q))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const order = q.sort === 'title' ? byName(analysisProjects.title, q.dir) : q.sort === 'commune' ? byName(communes.name, q.dir) : byColumn(analysisProjects.startOn, q.dir);
  const rows = await db.select({ p: analysisProjects }).from(analysisProjects).innerJoin(communes, eq(communes.ags, analysisProjects.ags))
    .where(cond).orderBy(order, asc(analysisProjects.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(analysisProjects).innerJoin(communes, eq(communes.ags, analysisProjects.ags)).where(cond);
  const items = [];
  for (const { p: r } of rows) items.push(await viewedBy(db, actor, r, await presentProject(db, r)));
  return page(items, total?.n ?? 0, q);
}
