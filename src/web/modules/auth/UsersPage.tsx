import { useState, type FormEvent } from 'react';
import { api, formatDateTime } from '../../api.js';
import { useI18n } from '../../i18n/index.js';
import type { TGrant as Grant } from '../../../modules/auth/auth.types.js';
import type { Role } from '../../session.js';
import type { MessageKey } from '../../i18n/de.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, fieldError, ScrollRegion } from '../../ui/components.js';
import { useApi } from '../../useApi.js';

interface User { id: string; email: string; displayName: string; active: boolean; hasPassword: boolean; lastLoginAt: string | null; version: number; grants: Grant[] }
const ROLES: Role[] = ['lpr_admin', 'lpr_staff', 'commune', 'police', 'coach', 'council_member', 'analyst'];
const SCOPED: Role[] = ['commune', 'police', 'council_member', 'analyst'];

function GrantsEditor({ grants, onChange, error }: { grants: Grant[]; onChange: (g: Grant[]) => void; error: unknown }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<Grant>) => onChange(grants.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <fieldset className="field">
      <legend>{t('users.role')}</legend>
      {grants.map((g, i) => (
        <div key={i} style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
          <Field label={`${t('users.role')} ${i + 1}`} error={fieldError(error, `grants.${i}.role`)}>
            {(f) => <select id={f.id} value={g.role} onChange={(e) => set(i, { role: e.target.value as Role, scopeId: null })}>
              {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}` as MessageKey)}</option>)}</select>}
          </Field>
          {SCOPED.includes(g.role) && (
            <Field label={`${t('users.scope')} ${i + 1}`} hint={t('users.scopeHint')} error={fieldError(error, `grants.${i}.scopeId`)}>
              {(f) => <input id={f.id} value={g.scopeId ?? ''} onChange={(e) => set(i, { scopeId: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
            </Field>
          )}
          {grants.length > 1 && <button type="button" className="btn secondary" onClick={() => onChange(grants.filter((_, j) => j !== i))}>{t('users.removeGrant')}</button>}
        </div>
      ))}
      <div><button type="button" className="btn secondary" onClick={() => onChange([...grants, { role: 'lpr_staff', scopeType: null, scopeId: null }])}>{t('users.addGrant')}</button></div>
    </fieldset>
  );
}

function InviteForm({ onDone }: { onDone: (msg: string) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [grants, setGrants] = useState<Grant[]>([{ role: 'commune', scopeType: null, scopeId: '' }]);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      await api('/admin/users', { method: 'POST', body: { email, displayName, grants: grants.map((g) => ({ role: g.role, scopeId: g.scopeId || null })) } });
      onDone(t('users.invitedDone', { email }));
      setEmail(''); setDisplayName('');
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="invite-h">
      <h2 id="invite-h">{t('users.invite')}</h2>
      <ErrorAlert error={error} />
      <Field label={t('users.email')} error={fieldError(error, 'email')}>
        {(f) => <input id={f.id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('users.name')} error={fieldError(error, 'displayName')}>
        {(f) => <input id={f.id} value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <GrantsEditor grants={grants} onChange={setGrants} error={error} />
      <div><button className="btn" type="submit">{t('users.sendInvite')}</button></div>
    </form>
  );
}

function EditUser({ user, onDone }: { user: User; onDone: (msg: string) => void }) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [active, setActive] = useState(user.active);
  const [grants, setGrants] = useState<Grant[]>(user.grants);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      await api(`/admin/users/${user.id}`, { method: 'PUT', body: { displayName, active, version: user.version, grants: grants.map((g) => ({ role: g.role, scopeId: g.scopeId || null })) } });
      onDone(t('users.saved'));
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="edit-h">
      <h2 id="edit-h">{t('users.editTitle', { name: user.displayName })}</h2>
      <ErrorAlert error={error} />
      <Field label={t('users.name')} error={fieldError(error, 'displayName')}>{(f) => <input id={f.id} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}</Field>
      <div className="field"><label><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('users.activeLabel')}</label></div>
      <GrantsEditor grants={grants} onChange={setGrants} error={error} />
      <div style={{ display: 'flex', gap: '1rem' }}>
        <button className="btn" type="submit">{t('groups.save')}</button>
        <button className="btn secondary" type="button" onClick={() => onDone('')}>{t('groups.cancel')}</button>
      </div>
    </form>
  );
}

export function UsersPage() {
  const { t, locale } = useI18n();
  const { data, error, reload } = useApi<{ items: User[]; total: number }>('/admin/users?limit=500');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<User | null>(null);
  const done = (msg: string) => { setMessage(msg); setEditing(null); reload(); };
  const resend = async (u: User) => { setMessage((await api<{ message: string }>(`/admin/users/${u.id}/invitation`, { method: 'POST' })).message); };
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      {message && <Alert kind="success">{message}</Alert>}
      <ErrorAlert error={error} />
      {editing ? <EditUser key={editing.id} user={editing} onDone={done} /> : <InviteForm onDone={done} />}
      {!data ? <Loading /> : (
        <ScrollRegion label={t('users.title')}>
          <table>
            <caption>{t('users.title')} ({data.total})</caption>
            <thead><tr><th scope="col">{t('users.name')}</th><th scope="col">{t('users.email')}</th><th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th><th scope="col">{t('users.lastLogin')}</th><th scope="col"><span className="visually-hidden">{t('users.edit')}</span></th></tr></thead>
            <tbody>{data.items.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.displayName}</th><td>{u.email}</td>
                <td>{u.grants.map((g) => `${t(`role.${g.role}` as MessageKey)}${g.scopeId ? ` (${g.scopeId})` : ''}`).join(', ')}</td>
                <td>{!u.active ? t('users.inactive') : u.hasPassword ? t('users.active') : t('users.invited')}</td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : '–'}</td>
                <td>
                  <button type="button" className="linkish" onClick={() => { setMessage(''); setEditing(u); }} aria-label={`${t('users.edit')}: ${u.displayName}`}>{t('users.edit')}</button>
                  {!u.hasPassword && <> · <button type="button" className="linkish" onClick={() => resend(u)}>{t('users.resend')}</button></>}
                </td>
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
