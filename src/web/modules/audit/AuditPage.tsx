import { formatDateTime } from '../../api.js';
import { useText } from './messages.js';
import { auditDe } from './de.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { Pager, useListQuery } from '../../ui/PagedList.js';
import { useApi } from '../../useApi.js';
import type { TAuditEntry, TAuditList, TAuditVocabulary } from '../../../server/audit/audit.types.js';

const FILTERS = ['actorId', 'module', 'action', 'entityType', 'from', 'to'] as const;
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : typeof v === 'object' ? JSON.stringify(v, null, 1) : String(v));

/** The full change of one entry: every changed field with its value before and after. */
function Changes({ entry }: { entry: TAuditEntry }) {
  const { t } = useText();
  const changes = Object.entries(entry.changes ?? {});
  if (!changes.length) return <span className="muted">–</span>;
  return (
    <details className="audit-diff">
      <summary>{t('audit.changedFields', { count: changes.length })}: {changes.slice(0, 3).map(([k]) => k).join(', ')}{changes.length > 3 ? ', …' : ''}</summary>
      <table>
        <caption className="visually-hidden">{t('audit.changes')}</caption>
        <thead><tr><th scope="col">{t('audit.field')}</th><th scope="col">{t('audit.before')}</th><th scope="col">{t('audit.after')}</th></tr></thead>
        <tbody>{changes.map(([k, [b, a]]) => (
          <tr key={k}><th scope="row">{k}</th><td><pre className="audit-value">{show(b)}</pre></td><td><pre className="audit-value">{show(a)}</pre></td></tr>
        ))}</tbody>
      </table>
    </details>
  );
}

export function AuditPage() {
  const { t, locale } = useText();
  const list = useListQuery({ sort: 'at', dir: 'desc', pageSize: 50, filters: FILTERS });
  const vocabulary = useApi<TAuditVocabulary>('/admin/audit/vocabulary');
  const filterQuery = new URLSearchParams(Object.entries(list.filters).filter(([, v]) => v) as [string, string][]);
  const entries = useApi<TAuditList>(`/admin/audit?limit=${list.pageSize}&offset=${(list.page - 1) * list.pageSize}&${filterQuery}`);
  const v = vocabulary.data;
  const actions = v?.actions.filter((a) => !list.filters.module || a.module === list.filters.module) ?? [];
  const moduleLabel = (m: string) => (`audit.module.${m}` in auditDe ? t(`audit.module.${m}` as keyof typeof auditDe) : m);
  const csvQuery = new URLSearchParams(filterQuery);
  csvQuery.set('lang', locale);
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('audit.filters')}>
        <Field label={t('audit.actor')}>{(f) => (
          <select id={f.id} value={list.filters.actorId} onChange={(e) => list.set({ actorId: e.target.value })}>
            <option value="">{t('audit.all')}</option>
            {v?.actors.map((a) => <option key={a.id} value={a.id}>{a.name ? `${a.name} (${a.label})` : a.label}</option>)}
          </select>)}
        </Field>
        <Field label={t('audit.module')}>{(f) => (
          <select id={f.id} value={list.filters.module} onChange={(e) => list.set({ module: e.target.value, action: '' })}>
            <option value="">{t('audit.all')}</option>
            {v?.modules.map((m) => <option key={m} value={m}>{moduleLabel(m)}</option>)}
          </select>)}
        </Field>
        <Field label={t('audit.action')}>{(f) => (
          <select id={f.id} value={list.filters.action} onChange={(e) => list.set({ action: e.target.value })}>
            <option value="">{t('audit.all')}</option>
            {actions.map((a) => <option key={a.action} value={a.action}>{a.label[locale]}</option>)}
          </select>)}
        </Field>
        <Field label={t('audit.entityType')}>{(f) => (
          <select id={f.id} value={list.filters.entityType} onChange={(e) => list.set({ entityType: e.target.value })}>
            <option value="">{t('audit.all')}</option>
            {v?.entityTypes.map((x) => <option key={x.type} value={x.type}>{x.label[locale]}</option>)}
          </select>)}
        </Field>
        <Field label={t('audit.from')}>{(f) => <input id={f.id} type="date" value={list.filters.from} onChange={(e) => list.set({ from: e.target.value })} />}</Field>
        <Field label={t('audit.to')}>{(f) => <input id={f.id} type="date" value={list.filters.to} onChange={(e) => list.set({ to: e.target.value })} />}</Field>
      </form>
      <p><a className="btn secondary audit-csv" href={`/api/admin/audit.csv?${csvQuery}`} download>{t('audit.csv')}</a></p>
      <ErrorAlert error={entries.error ?? vocabulary.error} />
      {!entries.data ? <Loading /> : entries.data.items.length === 0 ? <p>{t('audit.none')}</p> : (
        <>
          <ScrollRegion label={t('audit.title')}>
            <table className="audit-table">
              <caption>{t('audit.count', { count: entries.data.total })}</caption>
              <thead><tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.actor')}</th><th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.changes')}</th></tr></thead>
              <tbody>{entries.data.items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{e.actorName ?? e.actorLabel}{e.actorName && <><br /><span className="muted">{e.actorLabel}</span></>}</td>
                  <td>{e.actionLabel?.[locale] ?? e.action}</td>
                  <td>{e.entityTypeLabel?.[locale] ?? e.entityType}: {e.entityName ?? <span className="muted">{e.entityId}</span>}</td>
                  <td><Changes entry={e} /></td>
                </tr>
              ))}</tbody>
            </table>
          </ScrollRegion>
          <Pager total={entries.data.total} page={list.page} pageSize={list.pageSize} items={t('audit.count', { count: entries.data.total })}
            onPage={(p) => list.set({ seite: String(p) })} onPageSize={(n) => list.set({ anzahl: String(n) })} />
        </>
      )}
    </>
  );
}
