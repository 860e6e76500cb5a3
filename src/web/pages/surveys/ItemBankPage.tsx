import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/index.js';
import { hasRole, useSession } from '../../session.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { useApi } from '../useApi.js';
import type { BankItem } from './types.js';

function ReviseForm({ item, onDone }: { item: BankItem; onDone: (msg: string) => void }) {
  const { t } = useI18n();
  const [de, setDe] = useState(item.wording.de);
  const [en, setEn] = useState(item.wording.en);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    const { code: _code, itemVersion, active: _active, versions: _versions, ...content } = item;
    try {
      await api(`/survey-items/${item.code}/versions`, { method: 'POST', body: { basedOn: itemVersion, note, content: { ...content, wording: { de, en } } } });
      onDone(t('items.revised', { code: item.code }));
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby={`revise-${item.code}`}>
      <h3 id={`revise-${item.code}`}>{t('items.revise', { code: item.code })}</h3>
      <ErrorAlert error={error} />
      <Field label={t('items.wordingDe')} error={fieldError(error, 'content.wording.de')}>{(f) => <textarea id={f.id} rows={3} value={de} onChange={(e) => setDe(e.target.value)} />}</Field>
      <Field label={t('items.wordingEn')}>{(f) => <textarea id={f.id} rows={3} value={en} onChange={(e) => setEn(e.target.value)} />}</Field>
      <Field label={t('items.note')} hint={t('items.noteHint')}>{(f) => <input id={f.id} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={f.describedBy} />}</Field>
      <div className="actions"><button type="submit" className="btn">{t('items.saveVersion')}</button><button type="button" className="btn secondary" onClick={() => onDone('')}>{t('groups.cancel')}</button></div>
    </form>
  );
}

/** The item bank: standard items with their versions; LPR staff revise (new version) or retire them. */
export function ItemBankPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const lpr = hasRole(user, 'lpr_admin', 'lpr_staff');
  const list = useApi<{ items: BankItem[] }>('/survey-items');
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const done = (msg: string) => { setEditing(null); setMessage(msg); list.reload(); };
  const toggle = async (i: BankItem) => {
    setError(null);
    try { await api(`/survey-items/${i.code}/active`, { method: 'PUT', body: { active: !i.active } }); done(i.active ? t('items.retired', { code: i.code }) : t('items.reactivated', { code: i.code })); } catch (e) { setError(e); }
  };
  return (
    <>
      <PageTitle>{t('items.title')}</PageTitle>
      <p>{t('items.intro')}</p>
      {message && <Alert kind="success">{message}</Alert>}
      <ErrorAlert error={error ?? list.error} />
      {!list.data ? <Loading /> : (
        <ul className="plain items">{list.data.items.map((i) => (
          <li key={i.code} className="card">
            <h2 className="item-title">{i.code} <span className="muted">{t('items.version', { v: i.itemVersion, n: i.versions ?? 1 })}{i.active ? '' : ` · ${t('items.inactive')}`}</span></h2>
            <p lang="de">{i.wording.de}</p>
            <p lang="en" className="muted">{i.wording.en}</p>
            {i.rows.length > 0 && <ul>{i.rows.map((r) => <li key={r.code}>{r.code}: {r.label.de}</li>)}</ul>}
            {i.scale.length > 0 && <p className="muted">{i.scale.map((s) => `${s.value} ${s.label.de}`).join(' · ')}{i.notApplicable ? ` · ${i.notApplicable.value} ${i.notApplicable.label.de}` : ''}</p>}
            {lpr && editing !== i.code && (
              <div className="actions">
                <button type="button" className="btn secondary" onClick={() => { setMessage(''); setEditing(i.code); }}>{t('items.reviseShort', { code: i.code })}</button>
                <button type="button" className="btn secondary" onClick={() => toggle(i)}>{i.active ? t('items.retire', { code: i.code }) : t('items.reactivate', { code: i.code })}</button>
              </div>
            )}
            {editing === i.code && <ReviseForm item={i} onDone={done} />}
          </li>
        ))}</ul>
      )}
    </>
  );
}
