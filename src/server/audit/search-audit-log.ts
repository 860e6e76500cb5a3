import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from './schema.js';
import type { TAuditEntry, TAuditList, TAuditQuery } from './audit.types.js';

/** Audit entries by entity, action prefix, actor and day range, newest first. */
export async function searchAuditLog(db: Db, q: TAuditQuery): Promise<TAuditList> {
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.action) where.push(ilike(auditLog.action, `${q.action}%`));
  if (q.actor) where.push(ilike(auditLog.actorLabel, `%${q.actor}%`));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00`)));
  if (q.to) where.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999`)));
  const cond = where.length ? and(...where) : undefined;
  const rows = await db.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(cond);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() }) as TAuditEntry), total: total?.n ?? 0 };
}
