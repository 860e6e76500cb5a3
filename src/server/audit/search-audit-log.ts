import { and, count, desc, eq, gte, ilike, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from './schema.js';
import { likeEscape } from '../http/paging.js';
import { entityNames, type AuditCatalog } from './vocabulary.js';
import type { TAuditCsvQuery, TAuditEntry, TAuditList, TAuditQuery, TAuditVocabulary } from './audit.types.js';

type Filters = Omit<TAuditCsvQuery, 'lang'>;

function conditions(catalog: AuditCatalog, q: Filters): SQL | undefined {
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.module) {
    const actions = [...catalog.actions].filter(([, a]) => a.module === q.module).map(([action]) => action);
    where.push(actions.length ? inArray(auditLog.action, actions) : eq(auditLog.id, -1));
  }
  if (q.action) where.push(ilike(auditLog.action, `${likeEscape(q.action)}%`));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.actor) where.push(ilike(auditLog.actorLabel, `%${likeEscape(q.actor)}%`));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00`)));
  if (q.to) where.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999`)));
  return where.length ? and(...where) : undefined;
}

/** Rows with the actor's and the entity's names and the action's label. */
async function present(db: Db, catalog: AuditCatalog, rows: (typeof auditLog.$inferSelect)[]): Promise<TAuditEntry[]> {
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const [actors, names] = await Promise.all([catalog.actorNames(db, actorIds), entityNames(db, catalog, rows)]);
  return rows.map((r) => {
    const action = catalog.actions.get(r.action);
    return {
      ...r, at: r.at.toISOString(),
      actorName: (r.actorId && actors.get(r.actorId)) || null,
      module: action?.module ?? null, actionLabel: action?.label ?? null,
      entityTypeLabel: catalog.entities.get(r.entityType)?.label ?? null,
      entityName: names.get(`${r.entityType}:${r.entityId}`) ?? null,
    } as TAuditEntry;
  });
}

/** Audit entries by entity, module, action prefix, actor and day range, newest first, paged. */
export async function searchAuditLog(db: Db, catalog: AuditCatalog, q: TAuditQuery): Promise<TAuditList> {
  const cond = conditions(catalog, q);
  const rows = await db.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(cond);
  return { items: await present(db, catalog, rows), total: total?.n ?? 0, limit: q.limit, offset: q.offset };
}

/** Every matching entry (newest first) for the CSV export, at most `max`. */
export async function allAuditEntries(db: Db, catalog: AuditCatalog, q: Filters, max: number): Promise<TAuditEntry[]> {
  const rows = await db.select().from(auditLog).where(conditions(catalog, q)).orderBy(desc(auditLog.id)).limit(max);
  return present(db, catalog, rows);
}

/** The filter choices: modules and their actions, entity types, and the accounts that appear in the log. */
export async function auditVocabulary(db: Db, catalog: AuditCatalog): Promise<TAuditVocabulary> {
  const actorRows = await db.selectDistinct({ id: auditLog.actorId, label: auditLog.actorLabel }).from(auditLog).where(isNotNull(auditLog.actorId));
  const byId = new Map<string, string>();
  for (const r of actorRows) if (r.id && !byId.has(r.id)) byId.set(r.id, r.label);
  const names = await catalog.actorNames(db, [...byId.keys()]);
  const actors = [...byId].map(([id, label]) => ({ id, label, name: names.get(id) ?? null }))
    .sort((a, b) => (a.name ?? a.label).localeCompare(b.name ?? b.label, 'de'));
  const actions = [...catalog.actions].map(([action, a]) => ({ action, module: a.module, label: a.label }));
  return {
    modules: [...new Set(actions.map((a) => a.module))],
    actions,
    entityTypes: [...catalog.entities].map(([type, e]) => ({ type, label: e.label })).sort((a, b) => a.label.de.localeCompare(b.label.de, 'de')),
    actors,
  };
}
