import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { useText } from './messages.js';
import { useCan } from '../../session.js';
import { ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import { ListFilter, Pager, SortPicker, useListQuery } from '../../ui/PagedList.js';
import { CommunePicker, type CommuneRef } from '../../ui/CommunePicker.js';
import type { TGroup, TGroupList } from '../../../modules/communes/communes.types.js';

function GroupForm({ group, kinds, onDone }: { group: TGroup | null; kinds: TGroupList['kinds']; onDone: (message: string) => void }) {
  const { t } = useText();
  const [name, setName] = useState(group?.name ?? '');
  const [kind, setKind] = useState<string>(group?.kind ?? kinds[0] ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [members, setMembers] = useState<CommuneRef[]>(group?.members.filter((m) => m.status !== 'merged') ?? []);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    const body = { name, kind, description, members: members.map((m) => m.ags) };
    try {
      if (group) await api(`/commune-groups/${group.id}`, { method: 'PUT', body: { ...body, version: group.version } });
      else await api('/commune-groups', { method: 'POST', body });
      onDone(t('groups.saved'));
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-label={group ? t('groups.edit') : t('groups.new')}>
      <h2>{group ? t('groups.edit') : t('groups.new')}</h2>
      <Field label={t('groups.name')} error={fieldError(error, 'name')}>
        {(f) => <input id={f.id} required value={name} onChange={(e) => setName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('groups.kind')} error={fieldError(error, 'kind')}>
        {(f) => <select id={f.id} value={kind} onChange={(e) => setKind(e.target.value)}>{kinds.map((k) => <option key={k}>{k}</option>)}</select>}
      </Field>
      <Field label={t('groups.description')}>{(f) => <textarea id={f.id} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <CommunePicker legend={t('groups.members')} value={members} onChange={setMembers} error={fieldError(error, 'members')} />
      <div style={{ display: 'flex', gap: '1rem' }}>
        <button className="btn" type="submit">{t('common.save')}</button>
        <button className="btn secondary" type="button" onClick={() => onDone('')}>{t('common.cancel')}</button>
      </div>
      <ActionStatus error={error} labels={{ name: t('groups.name'), kind: t('groups.kind'), description: t('groups.description'), members: t('groups.members'), 'members.*': `${t('groups.members')} {n}` }} />
    </form>
  );
}

export function GroupsPage() {
  const { t } = useText();
  const can = useCan();
  const query = useListQuery({ sort: 'name', pageSize: 25 });
  const { data, error, reload } = useApi<TGroupList>(`/commune-groups?${query.apiQuery}`);
  const [editing, setEditing] = useState<TGroup | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const done = (msg: string) => { setEditing(null); setActionError(null); setMessage(msg); reload(); };
  const remove = async (g: TGroup) => {
    if (!window.confirm(t('groups.confirmDelete', { name: g.name }))) return;
    setActionError(null); setMessage('');
    try { await api(`/commune-groups/${g.id}?version=${g.version}`, { method: 'DELETE' }); done(t('groups.deleted')); } catch (e) { setActionError(e); }
  };
  return (
    <>
      <PageTitle>{t('groups.title')}</PageTitle>
      <p>{t('groups.intro')}</p>
      <ErrorAlert error={error} />
      {can('communes.registry.manageGroups') && !editing && <p><button className="btn" type="button" onClick={() => { setMessage(''); setActionError(null); setEditing('new'); }}>{t('groups.new')}</button></p>}
      {!editing && <ActionStatus error={actionError} success={message} />}
      {editing && data && <GroupForm key={editing === 'new' ? 'new' : editing.id} group={editing === 'new' ? null : editing} kinds={data.kinds} onDone={done} />}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <ListFilter label={t('groups.filter')} value={query.q} onChange={(q) => query.set({ q })} />
        <SortPicker sort={query.sort} dir={query.dir} onChange={(sort, dir) => query.set({ sort, dir })}
          options={[{ value: 'name', label: t('groups.sortName') }, { value: 'kind', label: t('groups.sortKind') }]} />
      </form>
      {data && data.items.length > 0 && <p className="muted">{t('groups.count', { count: data.total })}</p>}
      {!data ? <Loading /> : data.items.length === 0 ? <p>{t('groups.none')}</p> : data.items.map((g) => (
        <section key={g.id} className="card" id={`gruppe-${g.id}`} aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>{g.name} <span className="muted">({g.kind})</span></h2>
          {g.description && <p>{g.description}</p>}
          <ul>{g.members.map((m) => <li key={m.ags}><Link to={`/gemeinden/${m.ags}`}>{m.name}</Link>{m.status === 'merged' ? ' †' : ''}</li>)}</ul>
          {(g.can.update || g.can.delete) && (
            <div style={{ display: 'flex', gap: '1rem' }}>
              {g.can.update && <button className="btn secondary" type="button" onClick={() => { setMessage(''); setEditing(g); }} aria-label={`${t('groups.edit')}: ${g.name}`}>{t('groups.edit')}</button>}
              {g.can.delete && <button className="btn danger" type="button" onClick={() => remove(g)} aria-label={`${t('common.delete')}: ${g.name}`}>{t('common.delete')}</button>}
            </div>
          )}
        </section>
      ))}
      {data && data.total > 0 && <Pager total={data.total} page={query.page} pageSize={query.pageSize} items={t('groups.count', { count: data.total })}
        onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />}
    </>
  );
}
