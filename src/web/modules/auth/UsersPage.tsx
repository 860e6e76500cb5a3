import { useId, useState, type FormEvent } from 'react';
import { api, formatDateTime } from '../../api.js';
import { useText } from './messages.js';
import type { TGrant, TMessage, TRoleOption, TUser, TUserList } from '../../../modules/auth/auth.types.js';
import { ErrorAlert, Field, Loading, PageTitle, fieldError, ScrollRegion } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import { CommunePicker, type CommuneRef } from '../../ui/CommunePicker.js';
import { ListFilter, Pager, SortHeader, useListQuery } from '../../ui/PagedList.js';
import type { ScopeType } from '../../../server/auth/roles.js';
import type { TCommuneDetail, TDirectorateList } from '../../../modules/communes/communes.types.js';
import type { TProjectList } from '../../../modules/surveys/surveys.types.js';
import { ActionStatus, type FieldLabels } from '../../ui/action.js';

/** The visible labels of the user forms' fields, by the paths the server names. */
function useUserLabels(): FieldLabels {
  const { t } = useText();
  return { email: t('users.email'), displayName: t('users.name'), grants: t('users.role'), 'grants.*.role': `${t('users.role')} {n}`, 'grants.*.scopeId': `${t('users.scope')} {n}`, 'grants.*.scopeType': `${t('users.scope')} {n}` };
}

/** What the form sends: the server sets the scope type the role needs. */
const grantsBody = (grants: TGrant[]) => grants.map((g) => ({ role: g.role, scopeId: g.scopeId || null }));

/** A commune scope: the commune picked by name or AGS (its name loaded for an existing grant). */
function CommuneScope({ legend, value, onChange, error }: { legend: string; value: string; onChange: (ags: string) => void; error?: string }) {
  const known = useApi<TCommuneDetail>(/^\d{8}$/.test(value) ? `/communes/${value}` : null);
  const chosen: CommuneRef[] = value ? [{ ags: value, name: known.data?.ags === value ? known.data.name : value }] : [];
  return <CommunePicker legend={legend} value={chosen} onChange={(v) => onChange(v[v.length - 1]?.ags ?? '')} error={error} single />;
}

/** A council scope: the council picked by name (the grant stores its code; its name loaded for an existing grant). */
function CouncilScope({ legend, value, onChange, error }: { legend: string; value: string; onChange: (code: string) => void; error?: string }) {
  const { t } = useText();
  const [search, setSearch] = useState('');
  const known = useApi<{ items: TCouncilRef[] }>(value ? `/councils?limit=25&q=${encodeURIComponent(value)}` : null);
  const matches = useApi<{ items: TCouncilRef[] }>(search.trim().length >= 2 ? `/councils?limit=8&q=${encodeURIComponent(search.trim())}` : null);
  const [picked, setPicked] = useState<TCouncilRef | null>(null);
  const name = (picked?.code === value ? picked.name : known.data?.items.find((c) => c.code === value)?.name) ?? value;
  const errorId = useId();
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {error && <span id={errorId} className="error">{error}</span>}
      {value && <ul className="chips"><li>{name}<button type="button" aria-label={t('users.scopeCouncilRemove', { name })} onClick={() => onChange('')}>×</button></li></ul>}
      <Field label={value ? t('users.scopeCouncilReplace') : t('users.scopeCouncilSearch')} hint={t('users.scopeCouncilHint')}>
        {(f) => <input id={f.id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" aria-describedby={[f.describedBy, error ? errorId : ''].filter(Boolean).join(' ') || undefined} aria-invalid={!!error} />}
      </Field>
      {matches.data && search.trim().length >= 2 && (
        <ul aria-live="polite">
          {matches.data.items.length === 0 && <li>{t('users.scopeCouncilNone')}</li>}
          {matches.data.items.map((c) => <li key={c.code}><button type="button" className="linkish" onClick={() => { setPicked(c); onChange(c.code); setSearch(''); }}>{t('users.scopeCouncilPick', { name: c.name })}</button></li>)}
        </ul>
      )}
    </fieldset>
  );
}
interface TCouncilRef { code: string; name: string }

/** The scope of a role, picked from a list: a commune, a police directorate, an analysis, a council. */
function ScopePicker({ type, n, value, onChange, error }: { type: ScopeType; n: number; value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useText();
  const directorates = useApi<TDirectorateList>(type === 'police_directorate' ? '/police-directorates' : null);
  const analyses = useApi<TProjectList>(type === 'analysis' ? '/analyses?limit=500&sort=title&dir=asc' : null);
  const label = `${t(`users.scope.${type}`)} (${t('users.role')} ${n})`;
  if (type === 'commune') return <CommuneScope legend={label} value={value} onChange={onChange} error={error} />;
  if (type === 'council') return <CouncilScope legend={label} value={value} onChange={onChange} error={error} />;
  const options = type === 'police_directorate' ? directorates.data?.items.map((d) => ({ id: d.id, label: d.name }))
    : analyses.data?.items.map((a) => ({ id: a.code, label: `${a.title} (${a.code})` }));
  return (
    <Field label={label} error={error}>
      {(f) => (
        <select id={f.id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
          <option value="">{t('users.scopeChoose')}</option>
          {value && options && !options.some((o) => o.id === value) && <option value={value}>{value}</option>}
          {options?.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

function GrantsEditor({ roles, grants, onChange, error }: { roles: TRoleOption[]; grants: TGrant[]; onChange: (g: TGrant[]) => void; error: unknown }) {
  const { t } = useText();
  const set = (i: number, patch: Partial<TGrant>) => onChange(grants.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const scopeOf = (role: TGrant['role']) => roles.find((r) => r.role === role)?.scopeType ?? null;
  return (
    <fieldset className="field">
      <legend>{t('users.role')}</legend>
      {grants.map((g, i) => (
        <div key={i} className="grant-row" style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
          <Field label={`${t('users.role')} ${i + 1}`} error={fieldError(error, `grants.${i}.role`)}>
            {(f) => <select id={f.id} value={g.role} onChange={(e) => { const role = e.target.value as TGrant['role']; set(i, { role, scopeType: scopeOf(role), scopeId: null }); }}>
              {roles.map((r) => <option key={r.role} value={r.role}>{t(`role.${r.role}`)}</option>)}</select>}
          </Field>
          {scopeOf(g.role) && (
            <ScopePicker type={scopeOf(g.role)!} n={i + 1} value={g.scopeId ?? ''} onChange={(scopeId) => set(i, { scopeId })} error={fieldError(error, `grants.${i}.scopeId`)} />
          )}
          {grants.length > 1 && <button type="button" className="btn secondary" onClick={() => onChange(grants.filter((_, j) => j !== i))}>{t('users.removeGrant')}</button>}
        </div>
      ))}
      <div><button type="button" className="btn secondary" onClick={() => onChange([...grants, { role: 'lpr_staff', scopeType: scopeOf('lpr_staff'), scopeId: null }])}>{t('users.addGrant')}</button></div>
    </fieldset>
  );
}

function InviteForm({ roles, onDone, message }: { roles: TRoleOption[]; onDone: (msg: string) => void; message: string }) {
  const { t } = useText();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [grants, setGrants] = useState<TGrant[]>([{ role: 'commune', scopeType: 'commune', scopeId: '' }]);
  const [error, setError] = useState<unknown>(null);
  const labels = useUserLabels();
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      await api<TUser>('/admin/users', { method: 'POST', body: { email, displayName, grants: grantsBody(grants) } });
      onDone(t('users.invitedDone', { email }));
      setEmail(''); setDisplayName('');
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="invite-h">
      <h2 id="invite-h">{t('users.invite')}</h2>
      <Field label={t('users.email')} error={fieldError(error, 'email')}>
        {(f) => <input id={f.id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('users.name')} error={fieldError(error, 'displayName')}>
        {(f) => <input id={f.id} value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <GrantsEditor roles={roles} grants={grants} onChange={setGrants} error={error} />
      <div><button className="btn" type="submit">{t('users.sendInvite')}</button></div>
      <ActionStatus error={error} success={message} labels={labels} />
    </form>
  );
}

function EditUser({ roles, user, onDone }: { roles: TRoleOption[]; user: TUser; onDone: (msg: string) => void }) {
  const { t } = useText();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [active, setActive] = useState(user.active);
  const [grants, setGrants] = useState<TGrant[]>(user.grants);
  const [error, setError] = useState<unknown>(null);
  const labels = useUserLabels();
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      await api<TUser>(`/admin/users/${user.id}`, { method: 'PUT', body: { displayName, active, version: user.version, grants: grantsBody(grants) } });
      onDone(t('users.saved'));
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="edit-h">
      <h2 id="edit-h">{t('users.editTitle', { name: user.displayName })}</h2>
      <Field label={t('users.name')} error={fieldError(error, 'displayName')}>{(f) => <input id={f.id} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}</Field>
      <div className="field"><label><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('users.activeLabel')}</label></div>
      <GrantsEditor roles={roles} grants={grants} onChange={setGrants} error={error} />
      <div style={{ display: 'flex', gap: '1rem' }}>
        <button className="btn" type="submit">{t('common.save')}</button>
        <button className="btn secondary" type="button" onClick={() => onDone('')}>{t('common.cancel')}</button>
      </div>
      <ActionStatus error={error} labels={labels} />
    </form>
  );
}

export function UsersPage() {
  const { t, locale } = useText();
  const list = useListQuery({ sort: 'name', pageSize: 25 });
  const { data, error, reload } = useApi<TUserList>(`/admin/users?${list.apiQuery}`);
  const sortBy = (sort: string, dir: 'asc' | 'desc') => list.set({ sort, dir });
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<TUser | null>(null);
  const done = (msg: string) => { setMessage(msg); setEditing(null); reload(); };
  const resend = async (u: TUser) => { setMessage((await api<TMessage>(`/admin/users/${u.id}/invitation`, { method: 'POST' })).message); };
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <ErrorAlert error={error} />
      {!data ? <Loading /> : (
        <>
          {editing ? <EditUser key={editing.id} roles={data.roles} user={editing} onDone={done} /> : <InviteForm roles={data.roles} onDone={done} message={message} />}
          <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <ListFilter label={t('users.filter')} value={list.q} onChange={(q) => list.set({ q })} />
          </form>
          <ScrollRegion label={t('users.title')}>
            <table>
              <caption>{t('users.count', { count: data.total })}</caption>
              <thead><tr><SortHeader label={t('users.name')} column="name" sort={list.sort} dir={list.dir} onSort={sortBy} />
                <SortHeader label={t('users.email')} column="email" sort={list.sort} dir={list.dir} onSort={sortBy} /><th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th><SortHeader label={t('users.lastLogin')} column="lastLogin" sort={list.sort} dir={list.dir} onSort={sortBy} />
                <th scope="col"><span className="visually-hidden">{t('users.edit')}</span></th></tr></thead>
              <tbody>{data.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.displayName}</th><td>{u.email}</td>
                  <td>{u.grants.map((g) => `${t(`role.${g.role}`)}${g.scopeId ? ` (${data.scopeNames[g.scopeId] ?? g.scopeId})` : ''}`).join(', ')}</td>
                  <td>{!u.active ? t('users.inactive') : u.hasPassword ? t('users.active') : t('users.invited')}</td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : '–'}</td>
                  <td>{u.can.manage && <>
                    <button type="button" className="linkish" onClick={() => { setMessage(''); setEditing(u); }} aria-label={`${t('users.edit')}: ${u.displayName}`}>{t('users.edit')}</button>
                    {!u.hasPassword && <> · <button type="button" className="linkish" onClick={() => resend(u)}>{t('users.resend')}</button></>}
                  </>}</td>
                </tr>
              ))}</tbody>
            </table>
          </ScrollRegion>
          <Pager total={data.total} page={list.page} pageSize={list.pageSize} items={t('users.count', { count: data.total })}
            onPage={(p) => list.set({ seite: String(p) })} onPageSize={(n) => list.set({ anzahl: String(n) })} />
        </>
      )}
    </>
  );
}
