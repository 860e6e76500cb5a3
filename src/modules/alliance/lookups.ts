import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem, unprocessable } from '../../server/http/problem.js';
import { communes } from '../communes/schema.js';
import { roleAssignments, users } from '../auth/schema.js';
import { fieldsOfAction } from './schema.js';

/** id → label of the Handlungsfelder, for presenting topic lists. */
export async function fieldLabels(db: Db): Promise<Map<string, string>> {
  return new Map((await db.select({ id: fieldsOfAction.id, label: fieldsOfAction.label }).from(fieldsOfAction)).map((f) => [f.id, f.label]));
}
export const labelTopics = (labels: Map<string, string>, ids: readonly string[]) => ids.map((id) => ({ id, label: labels.get(id) ?? id }));

/** Rejects unknown or retired Handlungsfelder (retired ones stay valid on records that have them). */
export async function checkTopics(db: Db, ids: readonly string[], field = 'topics', keep: readonly string[] = []) {
  if (!ids.length) return;
  const rows = await db.select({ id: fieldsOfAction.id, active: fieldsOfAction.active }).from(fieldsOfAction).where(inArray(fieldsOfAction.id, [...ids]));
  const ok = new Set(rows.filter((r) => r.active || keep.includes(r.id)).map((r) => r.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) throw new Problem(400, 'validation_failed', `Handlungsfelder: unbekanntes Handlungsfeld ${bad.join(', ')}.`, { field, errors: [{ field, label: 'Handlungsfelder', message: `Unbekanntes Handlungsfeld: ${bad.join(', ')}` }] });
}

/** The named active communes, in the given order; unknown or merged AGS give a 422 naming them. */
export async function requireCommunes(db: Db, agsList: readonly string[], field = 'communes') {
  const unique = [...new Set(agsList)];
  const rows = unique.length ? await db.select({ ags: communes.ags, name: communes.name, status: communes.status, districtAgs: communes.districtAgs }).from(communes).where(inArray(communes.ags, unique)) : [];
  const byAgs = new Map(rows.map((r) => [r.ags, r]));
  const missing = unique.filter((a) => !byAgs.has(a));
  if (missing.length) throw unprocessable('unknown_commune', `Unbekannter Gemeindeschlüssel: ${missing.join(', ')}.`, field);
  const merged = rows.filter((r) => r.status !== 'active');
  if (merged.length) throw unprocessable('commune_merged', `${merged.map((m) => m.name).join(', ')} besteht nicht mehr als eigene Gemeinde; bitte die Nachfolgegemeinde wählen.`, field);
  return unique.map((a) => byAgs.get(a)!);
}

/** Users holding one of `roles` (optionally with a scope), for pickers and checks. */
export async function usersWithRole(db: Db, roles: string[], scopeId?: string) {
  const where = [inArray(roleAssignments.role, roles), eq(users.active, true)];
  if (scopeId) where.push(eq(roleAssignments.scopeId, scopeId));
  return db.selectDistinct({ id: users.id, displayName: users.displayName, email: users.email }).from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id)).where(and(...where)).orderBy(asc(users.displayName));
}
