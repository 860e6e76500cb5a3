import { and, asc, count, eq, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { byColumn, byName, emptyPage, isAgsTerm, likeEscape, nameContains, NAME_COLLATION, page } from '../../../server/http/paging.js';
import { users } from '../../auth/schema.js';
import { communes } from '../../communes/schema.js';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { consultationCommunes, consultations } from '../schema.js';
import { consultationPolicy } from '../policy.js';
import { presentConsultations } from './consultation.js';
import type { TConsultationList, TConsultationListQuery } from './consultations.types.js';

/** Consultations by commune (AGS or name), period, topic and staff member, sorted and paged, limited to what the actor may see. */
export async function listConsultations(db: Db, actor: Actor | null, q: TConsultationListQuery): Promise<TConsultationList> {
  const visible = await consultationPolicy.filter(db, actor, 'read');
  if (visible === 'none') return emptyPage(q);
  const where: SQL[] = visible ? [visible] : [];
  if (q.ags) where.push(inArray(consultations.id, db.select({ id: consultationCommunes.consultationId }).from(consultationCommunes).where(eq(consultationCommunes.ags, q.ags))));
  if (q.from) where.push(gte(consultations.heldOn, q.from));
  if (q.to) where.push(lte(consultations.heldOn, q.to));
  if (q.staffUserId) where.push(eq(consultations.staffUserId, q.staffUserId));
  if (q.topic) where.push(sql`${consultations.topics} @> ${JSON.stringify([q.topic])}::jsonb`);
  if (q.q) {
    const byCommune = isAgsTerm(q.q) ? ilike(communes.ags, `${likeEscape(q.q)}%`) : nameContains(communes.name, q.q);
    where.push(inArray(consultations.id, db.select({ id: consultationCommunes.consultationId }).from(consultationCommunes)
      .innerJoin(communes, eq(communes.ags, consultationCommunes.ags)).where(byCommune)));
  }
  const cond = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(consultations).where(cond);
  const firstCommune = sql`(select min(${communes.name} collate "${sql.raw(NAME_COLLATION)}") from ${consultationCommunes} inner join ${communes} on ${communes.ags} = ${consultationCommunes.ags} where ${consultationCommunes.consultationId} = ${consultations.id})`;
  const staffName = sql`(select ${users.displayName} from ${users} where ${users.id} = ${consultations.staffUserId})`;
  const order = q.sort === 'commune' ? [byName(firstCommune, q.dir), byColumn(consultations.heldOn, 'desc')]
    : q.sort === 'staff' ? [byName(staffName, q.dir), byColumn(consultations.heldOn, 'desc')]
    : [byColumn(consultations.heldOn, q.dir), byColumn(consultations.createdAt, q.dir)];
  const rows = await db.select().from(consultations).where(cond).orderBy(...order, asc(consultations.id)).limit(q.limit).offset(q.offset);
  const items = await Promise.all((await presentConsultations(db, rows)).map((c) => consultationPolicy.withCan(db, actor, c)));
  return page(items, total?.n ?? 0, q);
}
