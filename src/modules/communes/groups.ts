import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { invalidField, notFound } from '../../server/http/problem.js';
import { communeGroupMembers, communeGroups, communes } from './schema.js';

export type GroupRow = typeof communeGroups.$inferSelect;

export async function presentGroups(db: Db, rows: GroupRow[]) {
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

export async function getGroup(db: Db, id: string) {
  const [row] = await db.select().from(communeGroups).where(eq(communeGroups.id, id));
  if (!row) throw notFound('Diese Gruppe existiert nicht.');
  return (await presentGroups(db, [row]))[0]!;
}

/** Every member must be an active commune of the registry. */
export async function checkMembers(db: Db, members: string[]) {
  const unique = [...new Set(members)];
  const found = await db.select({ ags: communes.ags }).from(communes).where(inArray(communes.ags, unique));
  const known = new Set(found.filter(Boolean).map((f) => f.ags));
  const idx = members.findIndex((m) => !known.has(m));
  if (idx >= 0) throw invalidField(`members.${idx}`, `Es gibt keine sächsische Gemeinde mit dem AGS ${members[idx]}.`);
  return unique;
}

export async function setMembers(db: Db, groupId: string, members: string[]) {
  await db.delete(communeGroupMembers).where(eq(communeGroupMembers.groupId, groupId));
  await db.insert(communeGroupMembers).values(members.map((ags) => ({ groupId, ags })));
}
