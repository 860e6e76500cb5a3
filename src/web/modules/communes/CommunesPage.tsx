import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../api.js';
import { useText } from './messages.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import type { communesDe } from './de.js';
import { useApi } from '../../useApi.js';
import { useCan } from '../../session.js';
import type { TCommuneList, TCommuneListQuery, TDirectorateList, TDistrictList } from '../../../modules/communes/communes.types.js';

type Sort = TCommuneListQuery['sort'];
const PAGE_SIZE = 25;
const COLUMNS: { sort: Sort; key: keyof typeof communesDe; numeric?: boolean }[] = [
  { sort: 'name', key: 'communes.colName' }, { sort: 'ags', key: 'communes.colAgs' }, { sort: 'district', key: 'communes.colDistrict' },
  { sort: 'population', key: 'communes.colPopulation', numeric: true }, { sort: 'area', key: 'communes.colArea', numeric: true },
];

export function CommunesPage() {
  const { t, locale } = useText();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const district = params.get('district') ?? '';
  const directorate = params.get('directorate') ?? '';
  const sort = (params.get('sort') ?? 'name') as Sort;
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  useEffect(() => {
    const handle = setTimeout(() => { if (search !== q) update({ q: search, page: '' }); }, 300);
    return () => clearTimeout(handle);
  });
  const query = new URLSearchParams({ sort, order, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  if (q) query.set('q', q);
  if (district) query.set('district', district);
  if (directorate) query.set('directorate', directorate);
  const list = useApi<TCommuneList>(`/communes?${query}`);
  const districts = useApi<TDistrictList>('/districts');
  const directorates = useApi<TDirectorateList>('/police-directorates');

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next, { replace: true });
  }
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const sortColumn = COLUMNS.find((c) => c.sort === sort) ?? COLUMNS[0]!;

  return (
    <>
      <PageTitle>{t('communes.title')}</PageTitle>
      {can('alliance.commune.manage') && (
        <p>{t('communes.exportStages')}: <a href="/api/alliance/communes/export?format=xlsx" download>Excel (XLSX)</a> · <a href="/api/alliance/communes/export?format=csv" download>CSV</a></p>
      )}
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); update({ q: search, page: '' }); }}>
        <Field label={t('communes.search')}>{(f) => <input id={f.id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}</Field>
        <Field label={t('communes.district')}>{(f) => (
          <select id={f.id} value={district} onChange={(e) => update({ district: e.target.value, page: '' })}>
            <option value="">{t('communes.all')}</option>
            {districts.data?.items.map((d) => <option key={d.ags} value={d.ags}>{d.name}</option>)}
          </select>)}
        </Field>
        <Field label={t('communes.directorate')}>{(f) => (
          <select id={f.id} value={directorate} onChange={(e) => update({ directorate: e.target.value, page: '' })}>
            <option value="">{t('communes.all')}</option>
            {directorates.data?.items.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>)}
        </Field>
      </form>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (
        <>
          <p role="status" aria-live="polite">{t('communes.count', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? <p>{t('communes.none')}</p> : (
            <ScrollRegion label={t('communes.title')}>
              <table>
                <caption>{t('communes.caption', { column: t(sortColumn.key), order: t(order === 'asc' ? 'communes.asc' : 'communes.desc') })}</caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c.sort} scope="col" className={c.numeric ? 'num' : undefined}
                        aria-sort={sort === c.sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                        <button type="button" className="sort" title={t('communes.sortBy', { column: t(c.key) })}
                          onClick={() => update({ sort: c.sort, order: sort === c.sort && order === 'asc' ? 'desc' : 'asc', page: '' })}>
                          {t(c.key)}{sort === c.sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                        </button>
                      </th>
                    ))}
                    <th scope="col">{t('communes.colDirectorate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((c) => (
                    <tr key={c.ags}>
                      <th scope="row"><Link to={`/gemeinden/${c.ags}`}>{c.name}</Link></th>
                      <td>{c.ags}</td>
                      <td>{c.districtName}</td>
                      <td className="num">{formatNumber(c.population, locale)}</td>
                      <td className="num">{formatNumber(c.areaKm2, locale)}</td>
                      <td>{c.policeDirectorateName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <nav className="pager" aria-label={t('communes.pagination')}>
            <button type="button" className="btn secondary" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>{t('communes.prev')}</button>
            <span>{t('communes.page', { page, pages })}</span>
            <button type="button" className="btn secondary" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>{t('communes.next')}</button>
          </nav>
        </>
      )}
    </>
  );
}
