import { Link } from 'react-router';
import { formatNumber } from '../../api.js';
import { useText } from './messages.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import type { communesDe } from './de.js';
import { useApi } from '../../useApi.js';
import { ListFilter, Pager, useListQuery } from '../../ui/PagedList.js';
import { useCan } from '../../session.js';
import type { TCommuneList, TCommuneListQuery, TDirectorateList, TDistrictList } from '../../../modules/communes/communes.types.js';

type Sort = TCommuneListQuery['sort'];
const PAGE_SIZE = 25;
const COLUMNS: { sort: Sort; key: keyof typeof communesDe; numeric?: boolean }[] = [
  { sort: 'name', key: 'communes.colName' }, { sort: 'ags', key: 'communes.colAgs' }, { sort: 'district', key: 'communes.colDistrict' },
  { sort: 'population', key: 'communes.colPopulation', numeric: true }, { sort: 'area', key: 'communes.colArea', numeric: true },
];

const FILTERS = ['district', 'directorate'] as const;

export function CommunesPage() {
  const { t, locale } = useText();
  const can = useCan();
  const list = useListQuery({ sort: 'name', pageSize: PAGE_SIZE, filters: FILTERS });
  const { q, dir: order, filters: { district, directorate } } = list;
  const sort = list.sort as Sort;
  const communes = useApi<TCommuneList>(`/communes?${list.apiQuery}`);
  const districts = useApi<TDistrictList>('/districts');
  const directorates = useApi<TDirectorateList>('/police-directorates');
  const update = (changes: Record<string, string>) => list.set(changes);
  const sortColumn = COLUMNS.find((c) => c.sort === sort) ?? COLUMNS[0]!;

  return (
    <>
      <PageTitle>{t('communes.title')}</PageTitle>
      {can('alliance.commune.manage') && (
        <p>{t('communes.exportStages')}: <a href="/api/alliance/communes/export?format=xlsx" download>Excel (XLSX)</a> · <a href="/api/alliance/communes/export?format=csv" download>CSV</a></p>
      )}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <ListFilter label={t('communes.search')} value={q} onChange={(v) => update({ q: v })} />
        <Field label={t('communes.district')}>{(f) => (
          <select id={f.id} value={district} onChange={(e) => update({ district: e.target.value })}>
            <option value="">{t('communes.all')}</option>
            {districts.data?.items.map((d) => <option key={d.ags} value={d.ags}>{d.name}</option>)}
          </select>)}
        </Field>
        <Field label={t('communes.directorate')}>{(f) => (
          <select id={f.id} value={directorate} onChange={(e) => update({ directorate: e.target.value })}>
            <option value="">{t('communes.all')}</option>
            {directorates.data?.items.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>)}
        </Field>
      </form>
      <ErrorAlert error={communes.error} />
      {!communes.data ? <Loading /> : (
        <>
          {communes.data.items.length === 0 ? <p>{t('communes.none')}</p> : (
            <ScrollRegion label={t('communes.title')}>
              <table>
                <caption>{t('communes.caption', { column: t(sortColumn.key), order: t(order === 'asc' ? 'communes.asc' : 'communes.desc') })}</caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c.sort} scope="col" className={c.numeric ? 'num' : undefined}
                        aria-sort={sort === c.sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                        <button type="button" className="sort" title={t('communes.sortBy', { column: t(c.key) })}
                          onClick={() => update({ sort: c.sort, dir: sort === c.sort && order === 'asc' ? 'desc' : 'asc' })}>
                          {t(c.key)}{sort === c.sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                        </button>
                      </th>
                    ))}
                    <th scope="col">{t('communes.colDirectorate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {communes.data.items.map((c) => (
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
          <Pager total={communes.data.total} page={list.page} pageSize={list.pageSize} items={t('communes.count', { count: communes.data.total })}
            onPage={(p) => list.set({ seite: String(p) })} onPageSize={(n) => list.set({ anzahl: String(n) })} />
        </>
      )}
    </>
  );
}
