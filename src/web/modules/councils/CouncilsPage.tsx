import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, formatDateTime, formatNumber } from '../../api.js';
import { useCan } from '../../session.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { CommunePicker, type CommuneRef } from '../../ui/CommunePicker.js';
import { ListFilter, Pager, useListQuery } from '../../ui/PagedList.js';
import { useApi } from '../../useApi.js';
import { pagedQuery } from './parts.js';
import type { CouncilDetail, CouncilListItem, Paged } from './types.js';
import { useText } from './messages.js';

function FoundCouncilForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useText();
  const navigate = useNavigate();
  const [commune, setCommune] = useState<CommuneRef[]>([]);
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [foundedOn, setFoundedOn] = useState('');
  const [resolution, setResolution] = useState('');
  const [description, setDescription] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pick = (v: CommuneRef[]) => {
    setCommune(v);
    if (!name && v[0]) setName(t('found.defaultName', { commune: v[0].name }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setBusy(true);
    try {
      const c = await api<CouncilDetail>('/councils', { method: 'POST', body: {
        ags: commune[0]?.ags ?? '', code, name, shortName, foundingResolutionOn: foundedOn || null, foundingResolutionNumber: resolution, description,
      } });
      navigate(`/praeventionsraete/${c.id}`, { state: { message: t('found.done', { name: c.name }) } });
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="found-council">
      <h2 id="found-council">{t('found.title')}</h2>
      <p>{t('found.intro')}</p>
      <CommunePicker legend={t('found.commune')} value={commune} onChange={pick} single error={fieldError(error, 'ags')} />
      <Field label={t('council.name')} error={fieldError(error, 'name')}>
        {(f) => <input id={f.id} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('council.shortName')} hint={t('council.shortNameHint')} error={fieldError(error, 'shortName')}>
        {(f) => <input id={f.id} value={shortName} onChange={(e) => setShortName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <div className="grid-2">
        <Field label={t('council.foundingOn')} error={fieldError(error, 'foundingResolutionOn')}>
          {(f) => <input id={f.id} type="date" value={foundedOn} onChange={(e) => setFoundedOn(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <Field label={t('council.foundingNumber')} error={fieldError(error, 'foundingResolutionNumber')}>
          {(f) => <input id={f.id} value={resolution} onChange={(e) => setResolution(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
      </div>
      <Field label={t('council.description')} error={fieldError(error, 'description')}>
        {(f) => <textarea id={f.id} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('found.code')} hint={t('found.codeHint')} error={fieldError(error, 'code')}>
        {(f) => <input id={f.id} value={code} onChange={(e) => setCode(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} autoComplete="off" />}
      </Field>
      <div className="actions">
        <button className="btn" type="submit" disabled={busy}>{t('found.submit')}</button>
        <button className="btn secondary" type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
      <ActionStatus error={error} labels={{ ags: t('found.commune'), code: t('found.code'), name: t('council.name'), shortName: t('council.shortName'), foundingResolutionOn: t('council.foundingOn'), foundingResolutionNumber: t('council.foundingNumber'), description: t('council.description') }} />
    </form>
  );
}

/** All councils the user may see, paged and filtered by name; coordinators and the LPR found new ones here. */
export function CouncilsPage() {
  const { t, locale } = useText();
  const mayFound = useCan()('councils.founding.create');
  const [founding, setFounding] = useState(false);
  const query = useListQuery({ sort: 'name' });
  const list = useApi<Paged<CouncilListItem>>(`/councils?${pagedQuery(query)}`);
  return (
    <>
      <PageTitle>{t('councils.title')}</PageTitle>
      <p>{t('councils.intro')}</p>
      {mayFound && !founding && <p><button className="btn" type="button" onClick={() => setFounding(true)}>{t('found.title')}</button></p>}
      {founding && <FoundCouncilForm onCancel={() => setFounding(false)} />}
      <div className="filters"><ListFilter label={t('councils.filter')} value={query.q} onChange={(q) => query.set({ q })} /></div>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (<>
        <ScrollRegion label={t('councils.title')}>
          <table>
            <caption>{t('councils.count', { count: list.data.total })}</caption>
            <thead><tr><th scope="col">{t('council.name')}</th><th scope="col">{t('council.commune')}</th><th scope="col">{t('council.state')}</th>
              <th scope="col" className="num">{t('councils.openDecisions')}</th><th scope="col">{t('councils.nextMeeting')}</th></tr></thead>
            <tbody>{list.data.items.map((c) => (
              <tr key={c.id}>
                <th scope="row"><Link to={`/praeventionsraete/${c.id}`}>{c.name}</Link></th>
                <td>{c.communeName}</td><td>{c.stateLabel}</td>
                <td className="num">{formatNumber(c.openDecisions, locale)}</td>
                <td>{c.nextMeetingAt ? formatDateTime(c.nextMeetingAt, locale) : '–'}</td>
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('councils.count', { count: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}

/** A council member's own council ("Präventionsrat" in the navigation): straight to it, or a choice of several. */
export function MyCouncilPage() {
  const { t } = useText();
  const list = useApi<Paged<CouncilListItem>>('/councils?limit=25');
  if (list.error) return <><PageTitle>{t('nav.myCouncil')}</PageTitle><ErrorAlert error={list.error} /></>;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 1) return <Navigate to={`/praeventionsraete/${list.data.items[0]!.id}`} replace />;
  return (
    <>
      <PageTitle>{t('nav.myCouncil')}</PageTitle>
      {list.data.items.length === 0 ? <p>{t('councils.none')}</p>
        : <ul>{list.data.items.map((c) => <li key={c.id}><Link to={`/praeventionsraete/${c.id}`}>{c.name}</Link></li>)}</ul>}
    </>
  );
}
