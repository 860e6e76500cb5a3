import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { byColumn, byName, emptyPage, isAgsTerm, likeEscape, nameContains, NAME_COLLATION, page } from '../../../server/http/paging.js';
import { communes } from '../../communes/schema.js';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { agreementCommunes, agreements } from '../schema.js';
import { agreementPolicy } from '../policy.js';
import { presentAgreements } from './agreement.js';
import type { TAgreementList, TAgreementListQuery } from './agreements.types.js';

/** Agreements and drafts the actor may see (LPR all, a commune its own, police their directorate's), filtered, sorted and paged. */
export async function listAgreements(db: Db, actor: Actor | null, q: TAgreementListQuery): Promise<TAgreementList> {
  const visible = await agreementPolicy.filter(db, actor, 'read');
  if (visible === 'none') return emptyPage(q);
  const where: SQL[] = visible ? [visible] : [];
  if (q.ags) where.push(inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(eq(agreementCommunes.ags, q.ags))));
  if (q.state) where.push(eq(agreements.state, q.state));
  if (q.kind) where.push(eq(agreements.kind, q.kind));
  if (q.q) {
    const byCommune = isAgsTerm(q.q) ? ilike(communes.ags, `${likeEscape(q.q)}%`) : nameContains(communes.name, q.q);
    const communeMatch = inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes)
      .innerJoin(communes, eq(communes.ags, agreementCommunes.ags)).where(byCommune));
    where.push(isAgsTerm(q.q) ? communeMatch : or(communeMatch, nameContains(agreements.title, q.q))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const firstCommune = sql`(select min(${communes.name} collate "${sql.raw(NAME_COLLATION)}") from ${agreementCommunes} inner join ${communes} on ${communes.ags} = ${agreementCommunes.ags} where ${agreementCommunes.agreementId} = ${agreements.id})`;
  const order = q.sort === 'title' ? byName(agreements.title, q.dir) : q.sort === 'commune' ? byName(firstCommune, q.dir) : byColumn(agreements.updatedAt, q.dir);
  const [total] = await db.select({ n: count() }).from(agreements).where(cond);
  const rows = await db.select().from(agreements).where(cond).orderBy(order, asc(agreements.id)).limit(q.limit).offset(q.offset);
  return page(await Promise.all((await presentAgreements(db, rows)).map((a) => agreementPolicy.withCan(db, actor, a))), total?.n ?? 0, q);
}
