import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { consultationCommunes, consultations } from './schema.js';
import { presentConsultations } from './consultations.js';
import { visibleCommunes } from './visibility.js';

export interface ConsultationQuery { ags?: string; from?: string; to?: string; topic?: string; staffUserId?: string; limit: number; offset: number }

/** Consultations by commune, period, topic and staff member, newest first, limited to what the actor may see. */
export async function listConsultations(db: Db, actor: Actor | null, q: ConsultationQuery) {
  const where: SQL[] = [];
  const visible = await visibleCommunes(db, actor);
  const communeFilter = (agsList: string[]) => inArray(consultations.id, db.select({ id: consultationCommunes.consultationId }).from(consultationCommunes).where(inArray(consultationCommunes.ags, agsList)));
  if (!visible.all) {
    if (!visible.ags.size) return { items: [], total: 0 };
    where.push(communeFilter([...visible.ags]));
  }
  if (q.ags) where.push(communeFilter([q.ags]));
  if (q.from) where.push(gte(consultations.heldOn, q.from));
  if (q.to) where.push(lte(consultations.heldOn, q.to));
  if (q.staffUserId) where.push(eq(consultations.staffUserId, q.staffUserId));
  if (q.topic) where.push(sql`${consultations.topics} @> ${JSON.stringify([q.topic])}::jsonb`);
  const cond = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(consultations).where(cond);
  const rows = await db.select().from(consultations).where(cond).orderBy(desc(consultations.heldOn), desc(consultations.createdAt)).limit(q.limit).offset(q.offset);
  return { items: await presentConsultations(db, rows), total: total?.n ?? 0 };
}

/** Was the commune advised on or before `day`? The funding module's precondition check. */
export async function hasConsultationBy(db: Db, ags: string, day: string): Promise<boolean> {
  const [row] = await db.select({ id: consultations.id }).from(consultations)
    .innerJoin(consultationCommunes, eq(consultationCommunes.consultationId, consultations.id))
    .where(and(eq(consultationCommunes.ags, ags), lte(consultations.heldOn, day))).limit(1);
  return !!row;
}
