import { useState } from 'react';
import type { TFigures, TFigureSeries, TPressText } from '../../../server/aggregates/aggregates.types.js';
import { formatDate, formatNumber } from '../../api.js';
import { todayIso } from '../../../lib/dates.js';
import { Alert, ErrorAlert, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { LineChart } from '../../ui/LineChart.js';
import { useApi } from '../../useApi.js';
import { useText } from './messages.js';

/** The tiles: the figures of the press releases, each with its own wording. */
const KEYS = ['communesAdvised', 'communesCooperating', 'councils', 'agreements', 'coachingProcesses', 'safetyAnalyses', 'fundingCommitted'] as const;

export function FiguresPage() {
  const { t, locale } = useText();
  const [asOf, setAsOf] = useState('');
  const query = asOf ? `?asOf=${asOf}` : '';
  const figures = useApi<TFigures>(`/public/figures${query}`);
  const text = useApi<TPressText>(`/public/figures/press-text${query}`);
  const series = useApi<TFigureSeries>(`/public/figures/series?lang=${locale}`);
  const asOfError = fieldError(figures.error, 'asOf');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!text.data) return;
    await navigator.clipboard?.writeText(`${text.data.title}\n\n${text.data.text}`).catch(() => {});
    setCopied(true);
  };
  const yearEnds = series.data ? series.data.days.map((d, i) => [d, i] as const).filter(([d], i, all) => d.endsWith('-12-31') || i === all.length - 1) : [];
  return (
    <>
      <PageTitle>{t('figures.title')}</PageTitle>
      <p>{t('figures.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="figures-asof">{t('figures.asOf')}</label>
          {asOfError && <span id="figures-asof-err" className="error" role="alert">{asOfError}</span>}
          <input id="figures-asof" type="date" value={asOf || figures.data?.asOf || ''} min="2019-01-01" max={todayIso()} onChange={(e) => { setCopied(false); setAsOf(e.target.value); }}
            aria-invalid={!!asOfError} aria-describedby={asOfError ? 'figures-asof-err' : undefined} />
        </div>
      </div>
      {!asOfError && <ErrorAlert error={figures.error ?? text.error} />}
      {!figures.data ? <Loading /> : (
        <ul className="figure-tiles" aria-label={t('figures.tilesLabel', { date: formatDate(figures.data.asOf, locale) })}>
          {KEYS.map((k) => (
            <li key={k} className="card">
              <span className="figure-value">{k === 'fundingCommitted' ? `${formatNumber(Number(figures.data![k]), locale)} €` : formatNumber(Number(figures.data![k]), locale)}</span>
              <span className="figure-label">{t(`figures.${k}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="press-text">
        <h2 id="press-text">{text.data?.title ?? t('figures.pressText')}</h2>
        {text.data && (
          <>
            <div className="press-text card">{text.data.text.split('\n\n').map((p, i) => <p key={i}>{p}</p>)}</div>
            <button type="button" className="btn secondary" onClick={copy}>{t('figures.copy')}</button>
            {copied && <Alert kind="success">{t('figures.copied')}</Alert>}
          </>
        )}
      </section>
      <section aria-labelledby="figures-chart">
        <h2 id="figures-chart">{t('figures.chart')}</h2>
        {!series.data ? <Loading /> : (
          <>
            <LineChart categories={series.data.days.map((d) => formatDate(d, locale))} series={series.data.figures.filter((f) => f.unit === 'count').map((f) => ({ name: f.label, values: f.values }))} label={t('figures.chartCounts')} />
            <LineChart categories={series.data.days.map((d) => formatDate(d, locale))} series={series.data.figures.filter((f) => f.unit === 'eur').map((f) => ({ name: f.label, values: f.values }))} label={t('figures.chartFunding')} wideAxis />
            <ScrollRegion label={t('figures.chartTable')}>
              <table>
                <caption>{t('figures.chartTable')}</caption>
                <thead><tr><th scope="col">{t('figures.figure')}</th>{yearEnds.map(([d]) => <th key={d} scope="col" className="num">{formatDate(d, locale)}</th>)}</tr></thead>
                <tbody>{series.data.figures.map((f) => (
                  <tr key={f.key}><th scope="row">{f.label}</th>{yearEnds.map(([d, i]) => <td key={d} className="num">{formatNumber(f.values[i]!, locale)}</td>)}</tr>
                ))}</tbody>
              </table>
            </ScrollRegion>
            <p className="muted">{t('figures.sources')}: {series.data.figures.map((f) => `${f.label} – ${f.source}`).join('; ')}</p>
          </>
        )}
      </section>
    </>
  );
}
