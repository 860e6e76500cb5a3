import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, formatDate } from '../../api.js';
import { useCan } from '../../session.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { CommunePicker, type CommuneRef } from '../../ui/CommunePicker.js';
import { TopicChecklist } from '../../ui/TopicChecklist.js';
import { useApi } from '../../useApi.js';
import { ListFilter, Pager, SortHeader, useListQuery } from '../../ui/PagedList.js';
import type { TAgreement, TAgreementList } from '../../../modules/alliance/agreements/agreements.types.js';
import type { AgreementModule } from '../../../modules/alliance/reference-data.js';
import { useText } from './messages.js';

export const MODULES = ['coaching', 'safety_analysis', 'funding', 'training', 'council_setup', 'coordination_office'] as const satisfies readonly AgreementModule[];
const STATES = ['draft', 'agreed', 'signed', 'ended'] as const satisfies readonly TAgreement['state'][];

export function ModuleChecklist({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useText();
  return (
    <fieldset className="field checklist">
      <legend>{t('agreements.modules')}</legend>
      {MODULES.map((m) => (
        <label key={m}><input type="checkbox" checked={value.includes(m)} onChange={() => onChange(value.includes(m) ? value.filter((x) => x !== m) : [...value, m])} /> {t(`module.${m}`)}</label>
      ))}
    </fieldset>
  );
}

function NewAgreementForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useText();
  const navigate = useNavigate();
  const groups = useApi<{ items: { id: string; name: string }[] }>('/commune-groups?limit=500');
  const directorates = useApi<{ items: { id: string; name: string }[] }>('/police-directorates');
  const [kind, setKind] = useState<'pre' | 'cooperation'>('cooperation');
  const [subject, setSubject] = useState<'commune' | 'group'>('commune');
  const [commune, setCommune] = useState<CommuneRef[]>([]);
  const [groupId, setGroupId] = useState('');
  const [policeDirectorateId, setPolice] = useState('');
  const [policeUnit, setPoliceUnit] = useState('');
  const [modules, setModules] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      const a = await api<TAgreement>('/agreements', { method: 'POST', body: {
        kind, subjectAgs: subject === 'commune' ? commune[0]?.ags ?? null : null, groupId: subject === 'group' ? groupId || null : null,
        policeDirectorateId: policeDirectorateId || null, policeUnit: policeUnit || null, modules, topics,
      } });
      navigate(`/vereinbarungen/${a.id}`);
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="new-agreement">
      <h2 id="new-agreement">{t('agreements.new')}</h2>
      <fieldset className="field"><legend>{t('agreements.kind')}</legend>
        {(['cooperation', 'pre'] as const).map((k) => <label key={k}><input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} /> {t(`agreements.kind.${k}`)}</label>)}
      </fieldset>
      <fieldset className="field"><legend>{t('agreements.subject')}</legend>
        <label><input type="radio" name="subject" checked={subject === 'commune'} onChange={() => setSubject('commune')} /> {t('agreements.subjectCommune')}</label>
        <label><input type="radio" name="subject" checked={subject === 'group'} onChange={() => setSubject('group')} /> {t('agreements.subjectGroup')}</label>
      </fieldset>
      {subject === 'commune'
        ? <CommunePicker legend={t('agreements.commune')} value={commune} onChange={setCommune} single error={fieldError(error, 'subjectAgs')} />
        : <Field label={t('agreements.group')} error={fieldError(error, 'groupId')}>
          {(f) => <select id={f.id} value={groupId} onChange={(e) => setGroupId(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
            <option value="">{t('agreements.chooseGroup')}</option>{groups.data?.items.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>}
        </Field>}
      <Field label={t('agreements.police')} hint={t('agreements.policeHint')} error={fieldError(error, 'policeDirectorateId')}>
        {(f) => <select id={f.id} value={policeDirectorateId} onChange={(e) => setPolice(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
          <option value="">{t('agreements.policeAuto')}</option>{directorates.data?.items.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>}
      </Field>
      <Field label={t('agreements.policeUnit')} hint={t('agreements.policeUnitHint')}>{(f) => <input id={f.id} value={policeUnit} onChange={(e) => setPoliceUnit(e.target.value)} aria-describedby={f.describedBy} />}</Field>
      <ModuleChecklist value={modules} onChange={setModules} />
      <TopicChecklist legend={t('agreements.topics')} value={topics} onChange={setTopics} />
      <div className="actions">
        <button className="btn" type="submit">{t('agreements.createDraft')}</button>
        <button className="btn secondary" type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
      <ActionStatus error={error} labels={{ kind: t('agreements.kind'), subjectAgs: t('agreements.commune'), groupId: t('agreements.group'), policeDirectorateId: t('agreements.police'), policeUnit: t('agreements.policeUnit'), modules: t('agreements.modules'), topics: t('agreements.topics') }} />
    </form>
  );
}

export function AgreementsPage() {
  const { t, locale } = useText();
  const canEdit = useCan()('alliance.agreement.manage');
  const [creating, setCreating] = useState(false);
  const query = useListQuery({ sort: 'updatedAt', dir: 'desc', filters: ['state'] as const });
  const state = query.filters.state;
  const list = useApi<TAgreementList>(`/agreements?${query.apiQuery}`);
  const sortBy = (sort: string, dir: 'asc' | 'desc') => query.set({ sort, dir });
  const flash = (useLocation().state as { message?: string } | null)?.message;
  return (
    <>
      <PageTitle>{t('agreements.title')}</PageTitle>
      {flash && <Alert kind="success">{flash}</Alert>}
      <p>{t('agreements.intro')}</p>
      {canEdit && !creating && <p><button className="btn" type="button" onClick={() => setCreating(true)}>{t('agreements.new')}</button></p>}
      {creating && <NewAgreementForm onCancel={() => setCreating(false)} />}
      <div className="filters">
        <ListFilter label={t('agreements.filter')} value={query.q} onChange={(q) => query.set({ q })} />
        <Field label={t('agreements.state')}>
          {(f) => <select id={f.id} value={state} onChange={(e) => query.set({ state: e.target.value })}>
            <option value="">{t('agreements.allStates')}</option>
            {STATES.map((s) => <option key={s} value={s}>{t(`agreements.state.${s}`)}</option>)}
          </select>}
        </Field>
      </div>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (<>
        <ScrollRegion label={t('agreements.title')}>
          <table>
            <caption>{t('agreements.count', { n: list.data.total })}</caption>
            <thead><tr><SortHeader label={t('agreements.titleCol')} column="title" sort={query.sort} dir={query.dir} onSort={sortBy} /><th scope="col">{t('agreements.state')}</th>
              <SortHeader label={t('agreements.communes')} column="commune" sort={query.sort} dir={query.dir} onSort={sortBy} /><th scope="col">{t('agreements.police')}</th><th scope="col">{t('agreements.inForceSince')}</th></tr></thead>
            <tbody>{list.data.items.map((a) => (
              <tr key={a.id}>
                <th scope="row"><Link to={`/vereinbarungen/${a.id}`}>{a.title}</Link></th>
                <td>{a.stateLabel}{a.revision > 1 ? ` (${t('agreements.revisionN', { n: a.revision })})` : ''}</td>
                <td>{a.communes.map((c) => c.name).join(', ')}</td>
                <td>{a.policeDirectorate.name}</td>
                <td>{a.inForceSince ? formatDate(a.inForceSince, locale) : '–'}{a.endedOn ? ` – ${formatDate(a.endedOn, locale)}` : ''}</td>
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('agreements.count', { n: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}
