import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notFound } from '../../server/http/problem.js';
import { surveyItems } from './schema.js';
import type { TItem } from './surveys.types.js';

type Row = typeof surveyItems.$inferSelect;
export const presentItem = (r: Row): TItem => ({ code: r.code, itemVersion: r.itemVersion, active: r.active, note: r.note, createdAt: r.createdAt.toISOString(), ...r.content });
export const unknownItem = (code: string) => notFound(`Im Fragenkatalog gibt es kein Item ${code}.`);

/** The latest version of every item (with how many versions exist), in code order. */
export async function listItems(db: Db): Promise<TItem[]> {
  const rows = await db.select().from(surveyItems).orderBy(asc(surveyItems.code), desc(surveyItems.itemVersion));
  const latest = new Map<string, Row & { versions: number }>();
  for (const r of rows) {
    const seen = latest.get(r.code);
    if (seen) seen.versions += 1; else latest.set(r.code, { ...r, versions: 1 });
  }
  return [...latest.values()].map((r) => ({ ...presentItem(r), versions: r.versions }));
}

/** Every version of an item, newest first. */
export async function itemVersions(db: Db, code: string): Promise<TItem[]> {
  const rows = await db.select().from(surveyItems).where(eq(surveyItems.code, code)).orderBy(desc(surveyItems.itemVersion));
  if (!rows.length) throw unknownItem(code);
  return rows.map(presentItem);
}

export async function getItemVersion(db: Db, code: string, itemVersion: number) {
  const [row] = await db.select().from(surveyItems).where(and(eq(surveyItems.code, code), eq(surveyItems.itemVersion, itemVersion)));
  return row ?? null;
}
