import { z } from 'zod';
import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { ZString } from './zod.js';

/**
 * The paging contract of every list route: `limit`/`offset` (at most MAX_PAGE_SIZE), `sort` from the resource's
 * allowed list, `dir`, and `q` (a name filter: commune names as well as AGS where a list names communes). The
 * response is `{ items, total, limit, offset }`, where `total` counts only the records the viewer may see.
 */
export const MAX_PAGE_SIZE = 500;
export const SORT_DIRS = ['asc', 'desc'] as const;
export type TSortDir = (typeof SORT_DIRS)[number];

const pageError = (what: string, max: number) => ({ error: `${what}: bitte eine ganze Zahl von ${what === 'Seitengröße' ? 1 : 0} bis ${max} angeben.` });

/** The query fields of a paged list; `extra` adds the resource's own filters. */
export function ZListQuery<S extends readonly [string, ...string[]], X extends z.ZodRawShape = {}>(
  sorts: S, defaults: { sort: S[number]; dir?: TSortDir; limit?: number }, extra?: X,
) {
  return z.object({
    q: ZString.trim().max(100).optional(),
    sort: z.enum(sorts).default(defaults.sort as never),
    dir: z.enum(SORT_DIRS).default(defaults.dir ?? 'asc'),
    limit: z.coerce.number(pageError('Seitengröße', MAX_PAGE_SIZE)).int(pageError('Seitengröße', MAX_PAGE_SIZE)).min(1, pageError('Seitengröße', MAX_PAGE_SIZE)).max(MAX_PAGE_SIZE, pageError('Seitengröße', MAX_PAGE_SIZE)).default(defaults.limit ?? 50),
    offset: z.coerce.number(pageError('Versatz', 1_000_000)).int(pageError('Versatz', 1_000_000)).min(0, pageError('Versatz', 1_000_000)).max(1_000_000, pageError('Versatz', 1_000_000)).default(0),
    ...(extra ?? ({} as X)),
  });
}

/** The fields every paged response carries beside its items. */
export const ZPageFields = { total: z.number().int(), limit: z.number().int(), offset: z.number().int() };

/** A paged response of `item`s (extra fields, such as the user list's role options, may be added with `.extend`). */
export const ZPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), ...ZPageFields });

export interface PageQuery { limit: number; offset: number }
export const page = <T>(items: T[], total: number, q: PageQuery) => ({ items, total, limit: q.limit, offset: q.offset });
export const emptyPage = (q: PageQuery) => page([], 0, q);

/**
 * The collation for sorting names: ICU's root collation orders German names as DIN 5007-1 does (ä with a,
 * ß with ss) and exists on PGlite and on PostgreSQL built with ICU, so both give the same order.
 */
export const NAME_COLLATION = 'und-x-icu';

/** `ORDER BY` for a name column in German order. */
export const byName = (column: AnyColumn | SQL, dir: TSortDir = 'asc'): SQL =>
  dir === 'desc' ? sql`${column} collate ${sql.raw(`"${NAME_COLLATION}"`)} desc` : sql`${column} collate ${sql.raw(`"${NAME_COLLATION}"`)} asc`;

/** `ORDER BY` for any other column. */
export const byColumn = (column: AnyColumn | SQL, dir: TSortDir = 'asc'): SQL => (dir === 'desc' ? desc(column) : asc(column));

/** The search term for LIKE with its wildcards escaped. */
export const likeEscape = (term: string) => term.replace(/[%_\\]/g, (c) => `\\${c}`);

/** Lower case without umlauts and with ß as ss (in JavaScript, the same as `foldedSql` in the database). */
export const fold = (s: string) => s.toLocaleLowerCase('de').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');

/** The column lower-cased without umlauts and with ß as ss, for umlaut-insensitive matching. */
export const foldedSql = (column: AnyColumn | SQL): SQL =>
  sql`replace(replace(replace(replace(lower(${column}), 'ä', 'a'), 'ö', 'o'), 'ü', 'u'), 'ß', 'ss')`;

/** The name contains the term (umlaut- and case-insensitive). */
export const nameContains = (column: AnyColumn | SQL, term: string): SQL => sql`${foldedSql(column)} like ${`%${likeEscape(fold(term))}%`}`;

/** The name, or one of its words, starts with the term (umlaut- and case-insensitive): „Zsch“ → Zschopau. */
export const nameStartsWith = (column: AnyColumn | SQL, term: string): SQL => {
  const t = likeEscape(fold(term));
  return sql`(${foldedSql(column)} like ${`${t}%`} or ${foldedSql(column)} like ${`% ${t}%`} or ${foldedSql(column)} like ${`%-${t}%`})`;
};

/** An AGS search term: digits only. */
export const isAgsTerm = (term: string) => /^\d+$/.test(term);
