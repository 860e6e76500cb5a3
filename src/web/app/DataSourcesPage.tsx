import { ErrorAlert, Loading, PageTitle } from '../ui/components.js';
import { useCommonText } from '../ui/text.js';
import { useApi } from '../useApi.js';
import type { TDataSourceList } from '../../server/platform.types.js';

export function DataSourcesPage() {
  const { t } = useCommonText();
  const { data, error } = useApi<TDataSourceList>('/datasources');
  return (
    <>
      <PageTitle>{t('sources.title')}</PageTitle>
      <p>{t('sources.intro')}</p>
      <p>{t('sources.baseMap')}: <a href="https://www.bkg.bund.de">© GeoBasis-DE / BKG</a> (Datenlizenz Deutschland – Namensnennung – 2.0).</p>
      <ErrorAlert error={error} />
      {!data ? <Loading /> : data.items.map((s) => (
        <section key={s.file} className="card" aria-labelledby={`src-${s.file}`}>
          <h2 id={`src-${s.file}`}>{s.attribution || s.file}</h2>
          <p>{t('sources.file')}: <code>{s.file}</code></p>
          <details><summary>{t('sources.details')}</summary><pre className="license">{s.text}</pre></details>
        </section>
      ))}
    </>
  );
}
