import { and, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** OParl's error object (specification 2.9), sent with the HTTP status that names the error. */
export class OparlError extends Error {
  constructor(readonly status: number, message: string, readonly debug = '') { super(message); }
}

export const notFoundError = (what = 'Das angefragte Objekt') => new OparlError(404, `${what} existiert nicht.`);

/** A list request: the filters of specification 2.5 (kept in every link), `omit_internal`, the `limit` hint and the page. */
export interface ListQuery {
  createdSince?: string; createdUntil?: string; modifiedSince?: string; modifiedUntil?: string;
  omitInternal: boolean;
  /** The client's `limit` (a hint), kept in links; `size` is what the server serves. */
  limit?: number;
  size: number;
  page: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
const FILTERS = [['created_since', 'createdSince'], ['created_until', 'createdUntil'], ['modified_since', 'modifiedSince'], ['modified_until', 'modifiedUntil']] as const;
/** yyyy-mm-ddThh:mm:ss with an offset (or Z), fractions allowed: a full date-time as specification 2.4 asks. */
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function parseListQuery(query: unknown): ListQuery {
  const raw = (query ?? {}) as Record<string, string | string[] | undefined>;
  const one = (name: string): string | undefined => {
    const v = raw[name];
    if (Array.isArray(v)) throw new OparlError(400, `Der Parameter ${name} darf nur einmal angegeben werden.`);
    return v;
  };
  const q: ListQuery = { omitInternal: false, size: DEFAULT_PAGE_SIZE, page: 1 };
  for (const [param, key] of FILTERS) {
    const v = one(param);
    if (v === undefined) continue;
    if (!DATE_TIME.test(v) || Number.isNaN(Date.parse(v))) {
      throw new OparlError(400, `Der Parameter ${param} erwartet einen Zeitpunkt der Form yyyy-mm-ddThh:mm:ss±hh:mm.`, `got ${v.slice(0, 80)}`);
    }
    q[key] = v;
  }
  const omit = one('omit_internal');
  if (omit !== undefined) {
    if (omit !== 'true' && omit !== 'false') throw new OparlError(400, 'Der Parameter omit_internal erwartet true oder false.');
    q.omitInternal = omit === 'true';
  }
  const limit = one('limit');
  if (limit !== undefined) {
    if (!/^\d{1,6}$/.test(limit) || Number(limit) < 1) throw new OparlError(400, 'Der Parameter limit erwartet eine positive ganze Zahl.');
    q.limit = Number(limit);
    q.size = Math.min(q.limit, MAX_PAGE_SIZE);
  }
  const page = one('page');
  if (page !== undefined) {
    if (!/^[1-9]\d{0,6}$/.test(page)) throw new OparlError(400, 'Der Parameter page erwartet eine positive ganze Zahl.');
    q.page = Number(page);
  }
  return q;
}

/** The canonical address of a list page: parameters always in the same order, page 1 without `page`. */
export function pageUrl(listUrl: string, q: ListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [param, key] of FILTERS) if (q[key]) params.set(param, q[key]);
  if (q.omitInternal) params.set('omit_internal', 'true');
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `${listUrl}?${s}` : listUrl;
}

/** The list page object (specification 2.5): data, pagination, links (next on every page but the last). */
export function listPage(listUrl: string, q: ListQuery, data: object[], total: number) {
  const totalPages = Math.max(1, Math.ceil(total / q.size));
  const links: Record<string, string> = { first: pageUrl(listUrl, q, 1), self: pageUrl(listUrl, q, q.page), last: pageUrl(listUrl, q, totalPages) };
  if (q.page > 1) links.prev = pageUrl(listUrl, q, Math.min(q.page - 1, totalPages));
  if (q.page < totalPages) links.next = pageUrl(listUrl, q, q.page + 1);
  return { data, pagination: { totalElements: total, elementsPerPage: q.size, currentPage: q.page, totalPages }, links };
}

/** The instant an object was last modified: its deletion counts as a modification (specification 2.8). */
export const modifiedOf = (updatedAt: AnyPgColumn, deletedAt: AnyPgColumn | SQL, ...more: SQL[]) =>
  sql<Date>`greatest(${updatedAt}, ${deletedAt}${sql.join(more.map((m) => sql`, ${m}`), sql``)})`.mapWith(updatedAt);

/**
 * The filter conditions of a list: on whole seconds, as `created` and `modified` are published; deleted objects
 * only to `modified_since` (specification 2.5).
 */
export function filterConditions(q: ListQuery, created: AnyPgColumn | SQL, modified: SQL, deletedAt: AnyPgColumn | SQL): SQL | undefined {
  const second = (x: AnyPgColumn | SQL) => sql`date_trunc('second', ${x})`;
  const at = (v: string) => sql`${v}::timestamptz`;
  return and(
    q.createdSince ? sql`${second(created)} >= ${at(q.createdSince)}` : undefined,
    q.createdUntil ? sql`${second(created)} <= ${at(q.createdUntil)}` : undefined,
    q.modifiedSince ? sql`${second(modified)} >= ${at(q.modifiedSince)}` : undefined,
    q.modifiedUntil ? sql`${second(modified)} <= ${at(q.modifiedUntil)}` : undefined,
    q.modifiedSince ? undefined : isNull(deletedAt),
  );
}

/** A date-time as OParl writes it: yyyy-mm-ddThh:mm:ss+00:00. */
export const dateTime = (d: Date | string) => `${new Date(d).toISOString().slice(0, 19)}+00:00`;
