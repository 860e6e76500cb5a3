import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { consultationCommunes, consultations } from '../schema.js';
import { consultationPolicy } from '../policy.js';
import { presentConsultations } from './consultation.js';
import type { TConsultationList, TConsultationListQuery } from './consultations.types.js';

/** Consultations by commune, period, topic and staff member, newest first, limited to what the actor may see. */
export async function listConsultations(db: Db, actor: Actor | null, q: TConsultationListQuery): Promise<TConsultationList> {
  const visible = await consultationPolicy.filter(db, actor, 'read');
  if (visible === 'none') return { items: [], total: 0 };
  const where: SQL[] = visible ? [visible] : [];
  if (q.ags) where.push(inArray(consultations.id, db.select({ id: consultationCommunes.consultationId }).from(consultationCommunes).where(eq(consultationCommunes.ags, q.ags))));
  if (q.from) where.push(gte(consultations.heldOn, q.from));
  if (q.to) where.push(lte(consultations.heldOn, q.to));
  if (q.staffUserId) where.push(eq(consultations.staffUserId, q.staffUserId));
  if (q.topic) where.push(sql`${consultations.topics} @> ${JSON.stringify([q.topic])}::jsonb`);
  const cond = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(consultations).where(cond);
  const rows = await db.select().from(consultations).where(cond).orderBy(desc(consultations.heldOn), desc(consultations.createdAt)).limit(q.limit).offset(q.offset);
  const items = await Promise.all((await presentConsultations(db, rows)).map((c) => consultationPolicy.withCan(db, actor, c)));
  return { items, total: total?.n ?? 0 };
}
