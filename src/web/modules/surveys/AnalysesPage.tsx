import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, formatDate } from '../../api.js';
import { todayIso } from '../../../lib/dates.js';
import { useCan } from '../../session.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { CommunePicker, type CommuneRef } from '../../ui/CommunePicker.js';
import { useApi } from '../../useApi.js';
import { ListFilter, Pager, SortHeader, useListQuery } from '../../ui/PagedList.js';
import type { TProject, TProjectList } from '../../../modules/surveys/surveys.types.js';
import { useText } from './messages.js';

function CommissionForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useText();
  const navigate = useNavigate();
  const [commune, setCommune] = useState<CommuneRef[]>([]);
  const [institute, setInstitute] = useState('');
  const [startOn, setStartOn] = useState(todayIso());
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try { const p = await api<TProject>('/analyses', { method: 'POST', body: { ags: commune[0]?.ags ?? '', institute, startOn } }); navigate(`/analysen/${p.id}`); } catch (err) { setError(err); }
  };
  return (
    <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="commission">
      <h2 id="commission">{t('analyses.commission')}</h2>
      <CommunePicker legend={t('analyses.commune')} value={commune} onChange={setCommune} single error={fieldError(error, 'ags')} />
      <Field label={t('analyses.institute')} error={fieldError(error, 'institute')}>{(f) => <input id={f.id} value={institute} onChange={(e) => setInstitute(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
      <Field label={t('analyses.startOn')} hint={t('analyses.startHint')} error={fieldError(error, 'startOn')}>{(f) => <input id={f.id} type="date" value={startOn} onChange={(e) => setStartOn(e.target.value)} aria-describedby={f.describedBy} />}</Field>
      <div className="actions"><button className="btn" type="submit">{t('analyses.create')}</button><button className="btn secondary" type="button" onClick={onCancel}>{t('common.cancel')}</button></div>
      <ActionStatus error={error} labels={{ ags: t('analyses.commune'), institute: t('analyses.institute'), startOn: t('analyses.startOn') }} />
    </form>
  );
}

export function AnalysesPage() {
  const { t, locale } = useText();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const query = useListQuery({ sort: 'startOn', dir: 'desc' });
  const list = useApi<TProjectList>(`/analyses?${query.apiQuery}`);
  const sortBy = (sort: string, dir: 'asc' | 'desc') => query.set({ sort, dir });
  return (
    <>
      <PageTitle>{t('analyses.title')}</PageTitle>
      <p>{t('analyses.intro')}</p>
      {can('surveys.items.maintain') && <p><Link to="/fragenkatalog">{t('items.title')}</Link></p>}
      {can('surveys.analysis.commission') && !creating && <p><button className="btn" type="button" onClick={() => setCreating(true)}>{t('analyses.commission')}</button></p>}
      {creating && <CommissionForm onCancel={() => setCreating(false)} />}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <ListFilter label={t('analyses.filter')} value={query.q} onChange={(q) => query.set({ q })} />
      </form>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <p>{t('analyses.none')}</p> : (<>
        <ScrollRegion label={t('analyses.title')}>
          <table>
            <caption>{t('analyses.count', { count: list.data.total })}</caption>
            <thead><tr><SortHeader label={t('analyses.titleCol')} column="title" sort={query.sort} dir={query.dir} onSort={sortBy} />
              <SortHeader label={t('analyses.commune')} column="commune" sort={query.sort} dir={query.dir} onSort={sortBy} /><th scope="col">{t('analyses.institute')}</th>
              <SortHeader label={t('analyses.startOn')} column="startOn" sort={query.sort} dir={query.dir} onSort={sortBy} /><th scope="col">{t('analyses.phase')}</th></tr></thead>
            <tbody>{list.data.items.map((p) => {
              const phase = p.phases.find((x) => x.status === 'in_progress') ?? p.phases.find((x) => x.status === 'open');
              return (
                <tr key={p.id}>
                  <th scope="row"><Link to={`/analysen/${p.id}`}>{p.title}</Link> <span className="muted">({p.code})</span></th>
                  <td>{p.communeName}</td><td>{p.institute}</td><td>{formatDate(p.startOn, locale)}</td>
                  <td>{p.status === 'completed' ? t('analyses.completed') : phase?.label ?? '–'}</td>
                </tr>
              );
            })}</tbody>
          </table>
        </ScrollRegion>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('analyses.count', { count: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}
