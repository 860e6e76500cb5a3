import { useState, type FormEvent } from 'react';
import { api, formatDate } from '../../api.js';
import { useText } from './messages.js';
import { Field, PageTitle, ScrollRegion } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import { Pager, useListQuery } from '../../ui/PagedList.js';
import type { TRegistryImportList, TRegistryPreview } from '../../../modules/communes/communes.types.js';
const brief = (r: Record<string, unknown> | null) => (r ? Object.entries(r).filter(([k]) => !['line', 'ars'].includes(k)).slice(0, 4).map(([k, v]) => `${k}: ${v}`).join('; ') : '–');

export function RegistryImportPage() {
  const { t, locale } = useText();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TRegistryPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [at, setAt] = useState<'upload' | 'apply'>('upload');
  const query = useListQuery({ sort: 'createdAt', dir: 'desc', pageSize: 25 });
  const history = useApi<TRegistryImportList>(`/registry-imports?${query.apiQuery}`);
  const upload = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setMessage(''); setPreview(null); setAt('upload');
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try { setPreview(await api<TRegistryPreview>('/registry-imports', { method: 'POST', form })); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const apply = async () => {
    if (!preview) return;
    setBusy(true); setError(null); setMessage(''); setAt('apply');
    try {
      setPreview(await api<TRegistryPreview>(`/registry-imports/${preview.id}/apply`, { method: 'POST', body: { version: preview.version } }));
      setMessage(t('registry.applied')); history.reload();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <>
      <PageTitle>{t('registry.title')}</PageTitle>
      <p>{t('registry.intro')}</p>
      <form className="stack" onSubmit={upload}>
        <Field label={t('registry.file')}>
          {(f) => <input id={f.id} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <div><button className="btn" type="submit" disabled={!file || busy}>{t('registry.upload')}</button></div>
        {at === 'upload' && <ActionStatus error={error} labels={{ file: t('registry.file') }} />}
      </form>
      {preview && (
        <section aria-labelledby="preview-h">
          <h2 id="preview-h">{t('registry.preview', { date: formatDate(preview.referenceDate, locale) })}</h2>
          <p>{t('registry.summary', { inFile: preview.summary.communesInFile, new: preview.summary.new, merged: preview.summary.merged,
            renamed: preview.summary.renamed, population: preview.summary.population, attributes: preview.summary.attributes })}</p>
          {preview.status === 'previewed' && <p><button className="btn" type="button" onClick={apply} disabled={busy}>{t('registry.apply')}</button></p>}
          {at === 'apply' && <ActionStatus error={error} success={message} />}
          <ScrollRegion label={t('registry.kind')}>
            <table>
              <caption className="visually-hidden">{t('registry.preview', { date: formatDate(preview.referenceDate, locale) })}</caption>
              <thead><tr><th scope="col">{t('registry.kind')}</th><th scope="col">AGS</th><th scope="col">{t('communes.colName')}</th>
                <th scope="col">{t('registry.before')}</th><th scope="col">{t('registry.after')}</th><th scope="col">{t('registry.successor')}</th></tr></thead>
              <tbody>{preview.changes.slice(0, 300).map((c) => (
                <tr key={`${c.kind}-${c.ags}`}><td>{t(`registry.kind.${c.kind}`)}</td><td>{c.ags}</td><th scope="row">{c.name}</th>
                  <td>{brief(c.before)}</td><td>{brief(c.after)}</td><td>{c.successorAgs ?? ''}</td></tr>
              ))}</tbody>
            </table>
          </ScrollRegion>
        </section>
      )}
      {history.data && history.data.items.length > 0 && (
        <section aria-labelledby="hist-h">
          <h2 id="hist-h">{t('registry.history')}</h2>
          <ul>{history.data.items.map((h) => <li key={h.id}>{formatDate(h.referenceDate, locale)}: {h.fileName} ({h.status})</li>)}</ul>
          <Pager total={history.data.total} page={query.page} pageSize={query.pageSize} items={t('registry.count', { count: history.data.total })}
            onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
        </section>
      )}
    </>
  );
}
