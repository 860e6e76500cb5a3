import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { invalidField, notFound, Problem } from '../../server/http/problem.js';
import { communeGroupMembers, communeGroups, communes } from './schema.js';
import type { TGroup, TGroupRecord } from './communes.types.js';
import { groupAbilities } from './policy.js';

type GroupRow = typeof communeGroups.$inferSelect;

export async function presentGroups(db: Db, rows: GroupRow[]): Promise<TGroupRecord[]> {
  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await db.select({ groupId: communeGroupMembers.groupId, ags: communes.ags, name: communes.name, status: communes.status })
      .from(communeGroupMembers).innerJoin(communes, eq(communes.ags, communeGroupMembers.ags))
      .where(inArray(communeGroupMembers.groupId, ids)).orderBy(asc(communes.name))
    : [];
  return rows.map((g) => ({
    id: g.id, name: g.name, kind: g.kind, description: g.description, version: g.version, updatedAt: g.updatedAt.toISOString(),
    members: members.filter((m) => m.groupId === g.id).map(({ ags, name, status }) => ({ ags, name, status })),
  }));
}

/** A group with its members; 404 when there is none. */
export async function groupRecord(db: Db, id: string): Promise<TGroupRecord> {
  const [row] = await db.select().from(communeGroups).where(eq(communeGroups.id, id));
  if (!row) throw notFound('Diese Gruppe existiert nicht.');
  return (await presentGroups(db, [row]))[0]!;
}

/** The group as `actor` sees it, with what they may do with it. */
export const groupForViewer = (group: TGroupRecord, actor: Actor | null): TGroup => ({ ...group, can: groupAbilities(actor) });

export const groupNameTaken = () => new Problem(409, 'group_name_taken', 'Es gibt bereits eine Gruppe mit diesem Namen.', { field: 'name' });

/** Every member must be a commune of the registry. */
export async function checkMembers(db: Db, members: string[]) {
  const unique = [...new Set(members)];
  const found = await db.select({ ags: communes.ags }).from(communes).where(inArray(communes.ags, unique));
  const known = new Set(found.map((f) => f.ags));
  const idx = members.findIndex((m) => !known.has(m));
  if (idx >= 0) throw invalidField(`members.${idx}`, `Es gibt keine sächsische Gemeinde mit dem AGS ${members[idx]}.`, `Mitglied ${idx + 1}`);
  return unique;
}

export async function setMembers(db: Db, groupId: string, members: string[]) {
  await db.delete(communeGroupMembers).where(eq(communeGroupMembers.groupId, groupId));
  await db.insert(communeGroupMembers).values(members.map((ags) => ({ groupId, ags })));
}
