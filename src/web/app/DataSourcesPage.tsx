import { useI18n } from '../i18n/index.js';
import { ErrorAlert, Loading, PageTitle } from '../ui/components.js';
import { useApi } from '../useApi.js';

export function DataSourcesPage() {
  const { t } = useI18n();
  const { data, error } = useApi<{ items: { file: string; attribution: string; text: string }[] }>('/datasources');
  return (
    <>
      <PageTitle>{t('sources.title')}</PageTitle>
      <p>{t('sources.intro')}</p>
      <p>Kartengrundlage: <a href="https://www.bkg.bund.de">© GeoBasis-DE / BKG</a> (Datenlizenz Deutschland – Namensnennung – 2.0).</p>
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
