import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { analysisPolicy } from './policy.js';
import { analysisProjects } from './schema.js';
import { presentProject, viewedBy } from './projects.js';
import type { TProjectList } from './surveys.types.js';

/** The analyses the actor may read (all for the LPR, assigned ones for an analyst, its own for a commune), newest first. */
export async function listProjects(db: Db, actor: Actor | null, q: { ags?: string }): Promise<TProjectList> {
  const scope = await analysisPolicy.filter(db, actor, 'read');
  if (scope === 'none') return { items: [] };
  const where = [scope, q.ags ? eq(analysisProjects.ags, q.ags) : undefined].filter((x): x is SQL => !!x);
  const rows = await db.select().from(analysisProjects).where(where.length ? and(...where) : undefined).orderBy(desc(analysisProjects.startOn));
  const items = [];
  for (const r of rows) items.push(await viewedBy(db, actor, r, await presentProject(db, r)));
  return { items };
}
