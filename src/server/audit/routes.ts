import { z } from 'zod';
import { and, count, desc, eq, gte, lte, ilike, type SQL } from 'drizzle-orm';
import type { App, PlatformModule } from '../modules.js';
import { definePolicy } from '../auth/policy.js';
import { auditLog } from './schema.js';
import { ZDate, ZString } from '../http/zod.js';

/** The audit log is read by the LPR administration only. */
export const auditPolicy = definePolicy('audit.log', { read: { lpr_admin: 'any' } });

const ZAuditQuery = z.object({
  entityType: ZString.max(100).optional(),
  entityId: ZString.max(200).optional(),
  action: ZString.max(100).optional(),
  actor: ZString.max(200).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const ZAuditEntry = z.object({
  id: z.number(), at: z.string(), actorId: z.string().nullable(), actorLabel: z.string(), action: z.string(),
  entityType: z.string(), entityId: z.string(), before: z.unknown(), after: z.unknown(), changes: z.unknown(), requestId: z.string().nullable(),
});

async function auditRoutes(app: App) {
  const { db } = app.database;
  app.get('/admin/audit', {
    config: { access: auditPolicy.door('read') },
    schema: { tags: ['Protokoll'], summary: 'Änderungsprotokoll durchsuchen', querystring: ZAuditQuery,
      response: { 200: z.object({ items: z.array(ZAuditEntry), total: z.number() }) } },
  }, async (request) => {
    const q = request.query;
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
    return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: total?.n ?? 0 };
  });
}

export const auditModule: PlatformModule = { name: 'audit', routes: auditRoutes, policies: [auditPolicy] };
