import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCommonText } from './text.js';

export const PAGE_SIZES = [25, 50, 100] as const;

/**
 * A server-paged list's state in the URL (`seite`, `anzahl`, `q`, `sort`, `dir` and the page's own filters), so
 * the back button and deep links keep the page and the filters. `set` changes some of them; changing anything but
 * the page goes back to page 1.
 */
export function useListQuery<F extends string>(defaults: { sort: string; dir?: 'asc' | 'desc'; pageSize?: number; filters?: readonly F[] }) {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('anzahl')) || defaults.pageSize || 25;
  const page = Math.max(1, Math.floor(Number(params.get('seite')) || 1));
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? defaults.sort;
  const dir: 'asc' | 'desc' = params.get('dir') === 'asc' || params.get('dir') === 'desc' ? (params.get('dir') as 'asc' | 'desc') : defaults.dir ?? 'asc';
  const filters = Object.fromEntries((defaults.filters ?? []).map((f) => [f, params.get(f) ?? ''])) as Record<F, string>;
  const set = (changes: Partial<Record<F | 'q' | 'sort' | 'dir' | 'seite' | 'anzahl', string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v as string); else next.delete(k); }
    if (!('seite' in changes)) next.delete('seite');
    setParams(next);
  };
  /** The API query: limit/offset, sort, dir, q and the non-empty filters. */
  const api = new URLSearchParams({ limit: String(pageSize), offset: String((page - 1) * pageSize), sort, dir });
  if (q) api.set('q', q);
  for (const [k, v] of Object.entries(filters)) if (v) api.set(k, v as string);
  return { page, pageSize, q, sort, dir, filters, set, apiQuery: api.toString() };
}

/** A search field that filters the list as one types (after a short pause) and on Enter. */
export function ListFilter({ label, value, onChange }: { label?: string; value: string; onChange: (q: string) => void }) {
  const { t } = useCommonText();
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const handle = setTimeout(() => onChange(text.trim()), 350);
    return () => clearTimeout(handle);
  });
  return (
    <div className="field list-filter">
      <label htmlFor={id}>{label ?? t('list.filter')}</label>
      <input id={id} type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); onChange(text.trim()); } }} />
    </div>
  );
}

/** Sort field and direction chosen from lists (for lists shown as cards rather than tables with sortable headers). */
export function SortPicker({ options, sort, dir, onChange }: {
  options: { value: string; label: string }[]; sort: string; dir: 'asc' | 'desc'; onChange: (sort: string, dir: 'asc' | 'desc') => void;
}) {
  const { t } = useCommonText();
  const sortId = useId();
  const dirId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={sortId}>{t('list.sortBy')}</label>
        <select id={sortId} value={sort} onChange={(e) => onChange(e.target.value, dir)}>{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>
      </div>
      <div className="field">
        <label htmlFor={dirId}>{t('list.dir')}</label>
        <select id={dirId} value={dir} onChange={(e) => onChange(sort, e.target.value as 'asc' | 'desc')}>
          <option value="asc">{t('list.asc')}</option><option value="desc">{t('list.desc')}</option>
        </select>
      </div>
    </>
  );
}

/**
 * The page navigation under a server-paged list: first/previous/next/last, the page size, and a status that
 * screen readers announce on change („Seite 2 von 4, 343 Beratungen“; `items` is the module's plural text).
 */
export function Pager({ total, page, pageSize, items, onPage, onPageSize }: {
  total: number; page: number; pageSize: number; items: string; onPage: (page: number) => void; onPageSize?: (size: number) => void;
}) {
  const { t } = useCommonText();
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <p className="pager-status" role="status" aria-live="polite">{t('pager.status', { page: current, pages, items })}</p>
      <div className="pager-buttons">
        <button type="button" className="btn secondary" disabled={current <= 1} onClick={() => onPage(1)} aria-label={t('pager.first')}>«</button>
        <button type="button" className="btn secondary" disabled={current <= 1} onClick={() => onPage(current - 1)}>{t('pager.prev')}</button>
        <button type="button" className="btn secondary" disabled={current >= pages} onClick={() => onPage(current + 1)}>{t('pager.next')}</button>
        <button type="button" className="btn secondary" disabled={current >= pages} onClick={() => onPage(pages)} aria-label={t('pager.last')}>»</button>
      </div>
      {onPageSize && (
        <div className="field pager-size">
          <label htmlFor={sizeId}>{t('pager.pageSize')}</label>
          <select id={sizeId} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {[...new Set([...PAGE_SIZES, pageSize])].sort((a, b) => a - b).map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      )}
    </nav>
  );
}

/** A sortable column header: a button that sorts by the column, then flips the direction. */
export function SortHeader({ label, column, sort, dir, onSort, numeric }: {
  label: string; column: string; sort: string; dir: 'asc' | 'desc'; onSort: (sort: string, dir: 'asc' | 'desc') => void; numeric?: boolean;
}) {
  const active = sort === column;
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort" onClick={() => onSort(column, active && dir === 'asc' ? 'desc' : 'asc')}>
        {label}{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}
