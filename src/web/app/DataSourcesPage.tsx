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
          <h2 id={`src-${s.file}`}>{s.title}</h2>
          <dl className="facts">
            <dt>{t('sources.publisher')}</dt><dd>{s.publisher}</dd>
            {s.licence && <><dt>{t('sources.licence')}</dt><dd>{s.licence}</dd></>}
            {s.attribution && <><dt>{t('sources.attribution')}</dt><dd>{s.attribution}</dd></>}
          </dl>
          <details><summary>{t('sources.details')}</summary><p>{t('sources.file')}: <code>{s.file}</code></p><pre className="license">{s.text}</pre></details>
        </section>
      ))}
    </>
  );
}
