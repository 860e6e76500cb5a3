import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';

/** A text in the platform's two languages. */
export interface AuditLabel { de: string; en: string }

/** An entity type a module writes to the audit log: its label, and how to name its records (by id). */
export interface AuditEntityType {
  label: AuditLabel;
  /** The records' names (a commune's name, a user's display name, …) for the ids that still exist. */
  names?(db: Db, ids: string[]): Promise<Map<string, string>>;
}

/**
 * What a module contributes to the readable audit log (`PlatformModule.audit`): the labels of its actions
 * and its entity types with their name resolvers. `satisfies AuditVocabulary` next to a module's typed action
 * list keeps every action labelled.
 */
export interface AuditVocabulary {
  actions: Record<string, AuditLabel>;
  entities: Record<string, AuditEntityType>;
}

export interface AuditCatalog {
  /** action → module and label */
  actions: Map<string, { module: string; label: AuditLabel }>;
  entities: Map<string, AuditEntityType>;
  /** Names of accounts (the actors), from the module whose entity type is `user`. */
  actorNames(db: Db, ids: string[]): Promise<Map<string, string>>;
}

/** Merges the modules' vocabularies; two modules labelling the same action is a programming error. */
export function auditCatalog(modules: readonly { name: string; audit?: AuditVocabulary }[]): AuditCatalog {
  const actions = new Map<string, { module: string; label: AuditLabel }>();
  const entities = new Map<string, AuditEntityType>();
  for (const m of modules) {
    for (const [action, label] of Object.entries(m.audit?.actions ?? {})) {
      if (actions.has(action)) throw new Error(`Two modules label the audit action "${action}".`);
      actions.set(action, { module: m.name, label });
    }
    for (const [type, entity] of Object.entries(m.audit?.entities ?? {})) {
      const known = entities.get(type);
      // Two modules may write about the same entity type (e.g. an analysis project); the first resolver names it.
      entities.set(type, known ? { label: known.label, names: known.names ?? entity.names } : entity);
    }
  }
  const users = entities.get('user');
  return { actions, entities, actorNames: (db, ids) => users?.names?.(db, ids) ?? Promise.resolve(new Map()) };
}

/** The names of the given (entityType, entityId) pairs, resolved by each type's module in one query per type. */
export async function entityNames(db: Db, catalog: AuditCatalog, refs: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs) byType.set(r.entityType, (byType.get(r.entityType) ?? new Set()).add(r.entityId));
  const out = new Map<string, string>();
  await Promise.all([...byType].map(async ([type, ids]) => {
    const names = await catalog.entities.get(type)?.names?.(db, [...ids]);
    for (const [id, name] of names ?? []) out.set(`${type}:${id}`, name);
  }));
  return out;
}

export const isUuid = (s: string) => UUID.test(s);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name resolver reading `name` of the rows whose `id` is among the ids (ids that cannot be the column's
 * type, e.g. no uuid for a uuid column, are skipped): `names: namesFrom(users, users.id, users.displayName, 'uuid')`.
 */
export function namesFrom(table: PgTable, id: AnyColumn, name: AnyColumn | SQL, idType: 'uuid' | 'text' = 'text') {
  return async (db: Db, ids: string[]): Promise<Map<string, string>> => {
    const valid = idType === 'uuid' ? ids.filter((x) => UUID.test(x)) : ids;
    if (!valid.length) return new Map();
    const rows = await db.select({ id: sql<string>`${id}::text`, name: sql<string>`${name}` }).from(table).where(inArray(id, valid));
    return new Map(rows.map((r) => [r.id, r.name]));
  };
}
