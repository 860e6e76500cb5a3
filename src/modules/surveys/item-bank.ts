import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { Problem, notFound } from '../../server/http/problem.js';
import { stableJson } from '../../lib/json.js';
import { surveyItems } from './schema.js';
import { STANDARD_ITEMS, type ItemContent } from './standard-items.js';

type Row = typeof surveyItems.$inferSelect;
const present = (r: Row) => ({ code: r.code, itemVersion: r.itemVersion, active: r.active, note: r.note, createdAt: r.createdAt.toISOString(), ...r.content });

/** The latest version of every item (with how many versions exist), in code order. */
export async function listItems(db: Db) {
  const rows = await db.select().from(surveyItems).orderBy(asc(surveyItems.code), desc(surveyItems.itemVersion));
  const latest = new Map<string, Row & { versions: number }>();
  for (const r of rows) {
    const seen = latest.get(r.code);
    if (seen) seen.versions += 1; else latest.set(r.code, { ...r, versions: 1 });
  }
  return [...latest.values()].map((r) => ({ ...present(r), versions: r.versions }));
}

export async function itemVersions(db: Db, code: string) {
  const rows = await db.select().from(surveyItems).where(eq(surveyItems.code, code)).orderBy(desc(surveyItems.itemVersion));
  if (!rows.length) throw notFound(`Im Fragenkatalog gibt es kein Item ${code}.`);
  return rows.map(present);
}

export async function getItemVersion(db: Db, code: string, itemVersion: number) {
  const [row] = await db.select().from(surveyItems).where(and(eq(surveyItems.code, code), eq(surveyItems.itemVersion, itemVersion)));
  return row ?? null;
}

export async function createItem(db: Db, ctx: AuditContext, input: { code: string; content: ItemContent; note: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(surveyItems).values({ code: input.code, itemVersion: 1, content: input.content, note: input.note, createdBy: ctx.actorId }).onConflictDoNothing().returning();
    if (!row) throw new Problem(409, 'item_exists', `Das Kürzel ${input.code} ist im Fragenkatalog schon vergeben.`, { field: 'code' });
    await recordAudit(tx, ctx, { action: 'survey_item.created', entityType: 'survey_item', entityId: input.code, after: present(row) });
    return present(row);
  });
}

/** A change of wording, scale or rows makes a new version; questionnaires keep the version they use. */
export async function reviseItem(db: Db, ctx: AuditContext, code: string, input: { content: ItemContent; note: string; basedOn: number }) {
  return db.transaction(async (tx) => {
    const [latest] = await tx.select({ v: max(surveyItems.itemVersion) }).from(surveyItems).where(eq(surveyItems.code, code));
    if (!latest?.v) throw notFound(`Im Fragenkatalog gibt es kein Item ${code}.`);
    if (latest.v !== input.basedOn) throw new Problem(409, 'version_conflict', `Item ${code} wurde inzwischen geändert (jetzt Version ${latest.v}). Bitte laden Sie es neu.`);
    const before = (await getItemVersion(tx, code, latest.v))!;
    if (stableJson(before.content) === stableJson(input.content)) return present(before);
    const [row] = await tx.insert(surveyItems).values({ code, itemVersion: latest.v + 1, content: input.content, note: input.note, createdBy: ctx.actorId }).returning();
    await recordAudit(tx, ctx, { action: 'survey_item.revised', entityType: 'survey_item', entityId: code, before: present(before), after: present(row!) });
    return present(row!);
  });
}

/** Retired items stay in questionnaires that use them but are not offered for new ones. */
export async function setItemActive(db: Db, ctx: AuditContext, code: string, active: boolean) {
  return db.transaction(async (tx) => {
    const rows = await tx.update(surveyItems).set({ active }).where(eq(surveyItems.code, code)).returning();
    if (!rows.length) throw notFound(`Im Fragenkatalog gibt es kein Item ${code}.`);
    await recordAudit(tx, ctx, { action: active ? 'survey_item.reactivated' : 'survey_item.retired', entityType: 'survey_item', entityId: code, after: { active } });
    return { code, active };
  });
}

/** Idempotent: version 1 of every standard item. */
export async function seedStandardItems(db: Db) {
  await db.insert(surveyItems).values(STANDARD_ITEMS.map(({ code, ...content }) => ({ code, itemVersion: 1, content, note: 'Standarditem der sächsischen Sicherheitsanalysen' }))).onConflictDoNothing();
}
