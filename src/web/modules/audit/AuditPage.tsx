import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../api.js';
import { useText } from './messages.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import type { TAuditList } from '../../../server/audit/audit.types.js';

const FILTERS = ['entityType', 'entityId', 'actor', 'action', 'from', 'to'] as const;
const show = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function AuditPage() {
  const { t, locale } = useText();
  const [form, setForm] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');
  const { data, error } = useApi<TAuditList>(`/admin/audit?limit=100${query}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(Object.entries(form).filter(([, v]) => v).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join(''));
  };
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <form className="filters" onSubmit={submit}>
        {FILTERS.map((k) => (
          <Field key={k} label={t(`audit.${k}`)}>
            {(f) => <input id={f.id} type={k === 'from' || k === 'to' ? 'date' : 'text'} value={form[k] ?? ''} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />}
          </Field>
        ))}
        <div><button className="btn" type="submit">{t('audit.filter')}</button></div>
      </form>
      <ErrorAlert error={error} />
      {!data ? <Loading /> : data.items.length === 0 ? <p>{t('audit.none')}</p> : (
        <ScrollRegion label={t('audit.title')}>
          <table>
            <caption>{t('audit.count', { count: data.total })}</caption>
            <thead><tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.actor')}</th><th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.changes')}</th></tr></thead>
            <tbody>{data.items.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, locale)}</td><td>{e.actorLabel}</td><td>{e.action}</td><td>{e.entityType} {e.entityId}</td>
                <td><ul>{Object.entries(e.changes ?? {}).slice(0, 8).map(([k, [b, a]]) => <li key={k}><strong>{k}</strong>: {show(b).slice(0, 80)} → {show(a).slice(0, 80)}</li>)}</ul></td>
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
