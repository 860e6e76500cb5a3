import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import type { TFieldOfAction, TTemplate } from '../../../modules/alliance/admin/admin.types.js';
import { useText } from './messages.js';

/** Managed lists of the alliance: Handlungsfelder and the agreement template. */
export function AllianceAdminPage() {
  const { t } = useText();
  const fields = useApi<{ items: TFieldOfAction[] }>('/fields-of-action');
  const template = useApi<TTemplate>('/agreement-template');
  const [draft, setDraft] = useState<TTemplate | null>(null);
  const [newField, setNewField] = useState({ id: '', label: '' });
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [at, setAt] = useState<'fields' | 'add' | 'template'>('add');
  useEffect(() => { if (template.data) setDraft(template.data); }, [template.data]);
  const act = async (fn: () => Promise<unknown>, msg: string, section: typeof at) => {
    setError(null); setMessage(''); setAt(section);
    try { await fn(); setMessage(msg); fields.reload(); template.reload(); } catch (e) { setError(e); }
  };
  const addField = (e: FormEvent) => { e.preventDefault(); void act(() => api('/fields-of-action', { method: 'POST', body: newField }).then(() => setNewField({ id: '', label: '' })), t('admin.fieldAdded'), 'add'); };
  return (
    <>
      <PageTitle>{t('admin.title')}</PageTitle>
      <ErrorAlert error={fields.error ?? template.error} />
      <h2>{t('admin.fields')}</h2>
      {!fields.data ? <Loading /> : (
        <ul className="plain">{fields.data.items.map((f) => (
          <li key={f.id}>
            {f.label} <span className="muted">({f.id}){f.active ? '' : ` – ${t('admin.retired')}`}</span>{' '}
            <button type="button" className="linkish" onClick={() => act(() => api(`/fields-of-action/${f.id}`, { method: 'PUT', body: { label: f.label, sortOrder: f.sortOrder, active: !f.active, version: f.version } }), t('admin.fieldSaved'), 'fields')}>
              {f.active ? t('admin.retire', { label: f.label }) : t('admin.reactivate', { label: f.label })}
            </button>
          </li>
        ))}</ul>
      )}
      {at === 'fields' && <ActionStatus error={error} success={message} />}
      <form className="stack card" onSubmit={addField} noValidate aria-labelledby="add-field">
        <h3 id="add-field">{t('admin.addField')}</h3>
        <Field label={t('admin.fieldId')} hint={t('admin.fieldIdHint')} error={fieldError(error, 'id')}>{(f) => <input id={f.id} value={newField.id} onChange={(e) => setNewField({ ...newField, id: e.target.value })} aria-describedby={f.describedBy} />}</Field>
        <Field label={t('admin.fieldLabel')} error={fieldError(error, 'label')}>{(f) => <input id={f.id} value={newField.label} onChange={(e) => setNewField({ ...newField, label: e.target.value })} />}</Field>
        <div className="actions"><button type="submit" className="btn">{t('admin.addField')}</button></div>
        {at === 'add' && <ActionStatus error={error} success={message} labels={{ id: t('admin.fieldId'), label: t('admin.fieldLabel') }} />}
      </form>
      <h2>{t('admin.template')}</h2>
      <p>{t('admin.templateHint')}</p>
      {!draft ? <Loading /> : (
        <form className="stack card wide" noValidate aria-labelledby="template-form" onSubmit={(e) => { e.preventDefault(); void act(() => api('/agreement-template', { method: 'PUT', body: draft }), t('admin.templateSaved'), 'template'); }}>
          <h3 id="template-form">{draft.name}</h3>
          {draft.sections.map((s, i) => (
            <Field key={s.key} label={s.title}>{(f) => <textarea id={f.id} rows={4} value={s.text} onChange={(e) => setDraft({ ...draft, sections: draft.sections.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />}</Field>
          ))}
          <div className="actions"><button type="submit" className="btn">{t('admin.saveTemplate')}</button></div>
          {at === 'template' && <ActionStatus error={error} success={message} labels={Object.fromEntries(draft.sections.map((s, i) => [`sections.${i}.text`, s.title]))} />}
        </form>
      )}
    </>
  );
}
