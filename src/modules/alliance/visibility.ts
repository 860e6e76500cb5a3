import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { isLpr, scopesOf, type Actor } from '../../server/auth/roles.js';
import { forbidden } from '../../server/http/problem.js';
import { communes, districts } from '../communes/schema.js';

/** Which communes' internal alliance records an actor may read: all (LPR) or a set of AGS. */
export type Visibility = { all: true } | { all: false; ags: ReadonlySet<string> };

export async function visibleCommunes(db: Db, actor: Actor | null): Promise<Visibility> {
  if (isLpr(actor)) return { all: true };
  const ags = new Set(scopesOf(actor, 'commune'));
  const directorates = scopesOf(actor, 'police');
  if (directorates.length) {
    const rows = await db.select({ ags: communes.ags }).from(communes)
      .innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(inArray(districts.policeDirectorateId, directorates));
    for (const r of rows) ags.add(r.ags);
  }
  return { all: false, ags };
}

export const canSee = (v: Visibility, ags: string) => v.all || v.ags.has(ags);

export async function assertCommuneVisible(db: Db, actor: Actor | null, ags: string) {
  if (!canSee(await visibleCommunes(db, actor), ags)) throw forbidden('Sie haben keinen Zugriff auf die internen Daten dieser Kommune.');
}
