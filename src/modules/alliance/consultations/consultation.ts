import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { notFound } from '../../../server/http/problem.js';
import { users } from '../../auth/schema.js';
import { communes } from '../../communes/schema.js';
import { consultationCommunes, consultations, consultationTasks } from '../schema.js';
import { fieldLabels, labelTopics } from '../lookups.js';
import type { TConsultationRecord } from './consultations.types.js';

type Row = typeof consultations.$inferSelect;

/** Consultations with their communes, staff member, topics and tasks, in the order given. */
export async function presentConsultations(db: Db, rows: Row[]): Promise<TConsultationRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const links = await db.select({ id: consultationCommunes.consultationId, ags: communes.ags, name: communes.name }).from(consultationCommunes)
    .innerJoin(communes, eq(communes.ags, consultationCommunes.ags)).where(inArray(consultationCommunes.consultationId, ids)).orderBy(asc(communes.name));
  const tasks = await db.select().from(consultationTasks).where(inArray(consultationTasks.consultationId, ids)).orderBy(asc(consultationTasks.dueOn));
  const staff = new Map((await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, [...new Set(rows.map((r) => r.staffUserId))]))).map((u) => [u.id, u.n]));
  const labels = await fieldLabels(db);
  return rows.map((r) => ({
    id: r.id, heldOn: r.heldOn, format: r.format,
    staff: { id: r.staffUserId, name: staff.get(r.staffUserId) ?? '' },
    communes: links.filter((l) => l.id === r.id).map(({ ags, name }) => ({ ags, name })),
    topics: labelTopics(labels, r.topics),
    notes: r.notes,
    tasks: tasks.filter((t) => t.consultationId === r.id),
    version: r.version,
  }));
}

/** One consultation, or undefined (the policy's subject loader). */
export async function loadConsultation(db: Db, id: string): Promise<TConsultationRecord | undefined> {
  const [row] = await db.select().from(consultations).where(eq(consultations.id, id));
  return row ? (await presentConsultations(db, [row]))[0] : undefined;
}

/** One consultation inside a write; 404 when it is gone. */
export async function getConsultation(db: Db, id: string): Promise<TConsultationRecord> {
  const c = await loadConsultation(db, id);
  if (!c) throw notFound('Diese Beratung gibt es nicht.');
  return c;
}
