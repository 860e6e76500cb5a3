import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/index.js';
import { hasRole, useSession } from '../../session.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import { CommunePicker } from '../../ui/CommunePicker.js';

interface Member { ags: string; name: string; status?: string }
interface Group { id: string; name: string; kind: string; description: string; version: number; members: Member[] }
const KINDS = ['Städtebund', 'Verwaltungsgemeinschaft', 'Region', 'Netzwerk', 'Sonstige'];

function GroupForm({ group, onDone }: { group: Group | null; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(group?.name ?? '');
  const [kind, setKind] = useState(group?.kind ?? 'Städtebund');
  const [description, setDescription] = useState(group?.description ?? '');
  const [members, setMembers] = useState<Member[]>(group?.members.filter((m) => m.status !== 'merged') ?? []);
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
      <ErrorAlert error={error} />
      <Field label={t('groups.name')} error={fieldError(error, 'name')}>
        {(f) => <input id={f.id} required value={name} onChange={(e) => setName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('groups.kind')} error={fieldError(error, 'kind')}>
        {(f) => <select id={f.id} value={kind} onChange={(e) => setKind(e.target.value)}>{KINDS.map((k) => <option key={k}>{k}</option>)}</select>}
      </Field>
      <Field label={t('groups.description')}>{(f) => <textarea id={f.id} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <CommunePicker legend={t('groups.members')} value={members} onChange={setMembers} error={fieldError(error, 'members')} />
      <div style={{ display: 'flex', gap: '1rem' }}>
        <button className="btn" type="submit">{t('groups.save')}</button>
        <button className="btn secondary" type="button" onClick={() => onDone('')}>{t('groups.cancel')}</button>
      </div>
    </form>
  );
}

export function GroupsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const canEdit = hasRole(user, 'lpr_admin', 'lpr_staff');
  const { data, error, reload } = useApi<{ items: Group[] }>('/commune-groups');
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const done = (msg: string) => { setEditing(null); setMessage(msg); reload(); };
  const remove = async (g: Group) => {
    if (!window.confirm(t('groups.confirmDelete', { name: g.name }))) return;
    try { await api(`/commune-groups/${g.id}?version=${g.version}`, { method: 'DELETE' }); done(t('groups.deleted')); } catch (e) { setActionError(e); }
  };
  return (
    <>
      <PageTitle>{t('groups.title')}</PageTitle>
      <p>{t('groups.intro')}</p>
      {message && <Alert kind="success">{message}</Alert>}
      <ErrorAlert error={error ?? actionError} />
      {canEdit && !editing && <p><button className="btn" type="button" onClick={() => { setMessage(''); setEditing('new'); }}>{t('groups.new')}</button></p>}
      {editing && <GroupForm key={editing === 'new' ? 'new' : editing.id} group={editing === 'new' ? null : editing} onDone={done} />}
      {!data ? <Loading /> : data.items.length === 0 ? <p>{t('groups.none')}</p> : data.items.map((g) => (
        <section key={g.id} className="card" id={`gruppe-${g.id}`} aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>{g.name} <span className="muted">({g.kind})</span></h2>
          {g.description && <p>{g.description}</p>}
          <ul>{g.members.map((m) => <li key={m.ags}><Link to={`/gemeinden/${m.ags}`}>{m.name}</Link>{m.status === 'merged' ? ' †' : ''}</li>)}</ul>
          {canEdit && (
            <div style={{ display: 'flex', gap: '1rem' }}>
              <button className="btn secondary" type="button" onClick={() => { setMessage(''); setEditing(g); }} aria-label={`${t('groups.edit')}: ${g.name}`}>{t('groups.edit')}</button>
              <button className="btn danger" type="button" onClick={() => remove(g)} aria-label={`${t('groups.delete')}: ${g.name}`}>{t('groups.delete')}</button>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
