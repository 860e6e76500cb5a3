import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notFound } from '../../server/http/problem.js';
import { surveyItems } from './schema.js';
import { page } from '../../server/http/paging.js';
import type { TItem, TItemListQuery, TItemPage } from './surveys.types.js';

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

const fold = (text: string) => text.toLocaleLowerCase('de').normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');

/** A page of the item bank: items whose code starts with `q` or whose wording contains it, by code. */
export async function pageItems(db: Db, q: TItemListQuery): Promise<TItemPage> {
  const all = await listItems(db);
  const term = q.q ? fold(q.q) : '';
  const hits = term ? all.filter((i) => fold(i.code).startsWith(term) || fold(i.wording.de).includes(term) || fold(i.wording.en).includes(term)) : all;
  if (q.dir === 'desc') hits.reverse();
  return { ...page(hits.slice(q.offset, q.offset + q.limit), hits.length, q), dimensions: [...new Set(all.map((i) => i.dimension))] };
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
