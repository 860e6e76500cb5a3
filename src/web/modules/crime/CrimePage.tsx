import { useState, type FormEvent } from 'react';
import { api, formatDate, formatDateTime, formatFixed, formatNumber } from '../../api.js';
import { useCan, useSession } from '../../session.js';
import { ErrorAlert, Field, fieldError, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { CommunePicker } from '../../ui/CommunePicker.js';
import { ActionStatus } from '../../ui/action.js';
import { LineChart } from '../../ui/LineChart.js';
import { useApi } from '../../useApi.js';
import { Pager, useListQuery } from '../../ui/PagedList.js';
import type { TCommuneCrime, TCrimeCatalogue, TCrimeFileFormat, TCrimeImportList, TCrimeImportResult, TKreisOverview } from '../../../modules/crime/crime.types.js';
import { useText } from './messages.js';

const ALL = '------';

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useText();
  const [format, setFormat] = useState<TCrimeFileFormat>('municipal');
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<TCrimeImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault(); setError(null); setResult(null); setBusy(true);
    // The server reads the text fields before the file: they come first.
    const entered = new FormData(e.currentTarget);
    const form = new FormData();
    form.append('format', format);
    for (const [k, v] of entered) if (k !== 'fmt' && k !== 'file') form.append(k, v);
    for (const f of entered.getAll('file')) form.append('file', f);
    try { setResult(await api<TCrimeImportResult>('/crime/imports', { method: 'POST', form })); onDone(); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="import">
      <h2 id="import">{t('crime.import')}</h2>
      <fieldset className="field">
        <legend>{t('crime.format')}</legend>
        <label className="inline"><input type="radio" name="fmt" checked={format === 'municipal'} onChange={() => setFormat('municipal')} /> {t('crime.format.municipal')}</label>
        <label className="inline"><input type="radio" name="fmt" checked={format === 'bka_kreise'} onChange={() => setFormat('bka_kreise')} /> {t('crime.format.bka')}</label>
      </fieldset>
      <p className="hint">{format === 'municipal' ? t('crime.municipalHelp') : t('crime.bkaHelp')}</p>
      {format === 'bka_kreise' && <Field label={t('crime.year')} error={fieldError(error, 'year')}>{(p) => <input {...p} name="year" inputMode="numeric" aria-invalid={p.invalid} aria-describedby={p.describedBy} />}</Field>}
      <Field label={t('crime.version')} hint={t('crime.versionHint')} error={fieldError(error, 'version')}>{(p) => <input {...p} name="version" aria-invalid={p.invalid} aria-describedby={p.describedBy} />}</Field>
      <Field label={t('crime.source')} hint={t('crime.sourceHint')} error={fieldError(error, 'source')}>{(p) => <input {...p} name="source" aria-invalid={p.invalid} aria-describedby={p.describedBy} />}</Field>
      <Field label={t('crime.file')} error={fieldError(error, 'file')}>{(p) => <input {...p} name="file" type="file" accept=".csv,text/csv" aria-invalid={p.invalid} aria-describedby={p.describedBy} />}</Field>
      <button type="submit" className="btn" disabled={busy}>{t('crime.importButton')}</button>
      <ActionStatus error={error} success={result ? t('crime.imported', { rows: result.rowsImported, skipped: result.rowsSkipped, years: result.years.join(', ') }) : null}
        labels={{ format: t('crime.format'), year: t('crime.year'), version: t('crime.version'), source: t('crime.source'), file: t('crime.file') }} />
    </form>
  );
}

function CommuneSection({ ags }: { ags: string }) {
  const { t, locale } = useText();
  const data = useApi<TCommuneCrime>(`/crime/communes/${ags}`);
  const [key, setKey] = useState(ALL);
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const c = data.data;
  const rows = c.figures.filter((f) => f.key === key);
  const trend = c.trends.find((x) => x.key === key)?.commune ?? [];
  const n = (v: number | null | undefined, d = 0) => formatFixed(v, locale, d);
  return (
    <section aria-labelledby="commune-crime">
      <h2 id="commune-crime">{t('crime.communeTitle', { commune: c.commune.name, kreis: c.kreis.name })}</h2>
      <Field label={t('crime.offence')}>{(p) => <select {...p} value={key} onChange={(e) => setKey(e.target.value)}>{c.offences.map((o) => <option key={o.key} value={o.key}>{o.key} – {o.label}</option>)}</select>}</Field>
      {rows.length > 1 && <LineChart categories={rows.map((r) => String(r.year))} wideAxis variant="line" label={t('crime.chart')}
        series={[{ name: c.commune.name, values: rows.map((r) => r.commune?.crimeRate ?? NaN) }, { name: c.kreis.name, values: rows.map((r) => r.kreis?.crimeRate ?? NaN) }, { name: t('crime.saxony'), values: rows.map((r) => r.saxony?.crimeRate ?? NaN) }]} />}
      <ScrollRegion label={t('crime.table')}>
        <table>
          <caption>{t('crime.table')}</caption>
          <thead><tr><th scope="col">{t('crime.year')}</th><th scope="col" className="num">{t('crime.cases')}</th><th scope="col" className="num">{t('crime.rateOf', { area: c.commune.name })}</th><th scope="col" className="num">{t('crime.change')}</th><th scope="col" className="num">{t('crime.clearance')}</th><th scope="col" className="num">{t('crime.rateOf', { area: c.kreis.name })}</th><th scope="col" className="num">{t('crime.rateOf', { area: t('crime.saxony') })}</th></tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={r.year}><th scope="row">{r.year}</th><td className="num">{n(r.commune?.cases)}</td><td className="num">{n(r.commune?.crimeRate)}</td>
              <td className="num">{(() => { const p = trend.find((x) => x.year === r.year)?.changeToPrevious; return p === null || p === undefined ? '–' : `${p >= 0 ? '+' : ''}${n(p, 1)} %`; })()}</td>
              <td className="num">{r.commune?.clearanceRate === null || !r.commune ? '–' : `${n(r.commune.clearanceRate, 1)} %`}</td><td className="num">{n(r.kreis?.crimeRate)}</td><td className="num">{n(r.saxony?.crimeRate)}</td></tr>
          ))}</tbody>
        </table>
      </ScrollRegion>
      <p className="note">{c.sources.map((s) => `${s.source} (${s.version})`).join('; ')}. {c.populationBasis}</p>
    </section>
  );
}

export function CrimePage() {
  const { t, locale } = useText();
  const { user } = useSession();
  const can = useCan();
  const importer = can('crime.figures.import');
  const listsImports = can('crime.figures.listImports');
  // A commune's own figures are shown at once; everyone else picks a commune.
  const ownCommune = user?.grants.find((g) => g.scopeType === 'commune')?.scopeId ?? null;
  const catalogue = useApi<TCrimeCatalogue>('/crime/catalogue');
  const importsQuery = useListQuery({ sort: 'importedAt', dir: 'desc', pageSize: 25 });
  const imports = useApi<TCrimeImportList>(listsImports ? `/crime/imports?${importsQuery.apiQuery}` : null);
  const [year, setYear] = useState<number | null>(null);
  const [key, setKey] = useState(ALL);
  const [picked, setPicked] = useState<{ ags: string; name: string }[]>([]);
  const y = year ?? catalogue.data?.years[0] ?? null;
  const overview = useApi<TKreisOverview>(y ? `/crime/kreise?year=${y}&key=${encodeURIComponent(key)}` : null);
  const communeAgs = picked[0]?.ags ?? ownCommune;
  const n = (v: number | null | undefined, d = 0) => formatFixed(v, locale, d);
  return (
    <>
      <PageTitle>{t('crime.title')}</PageTitle>
      <p>{t('crime.intro')}</p>
      {importer && <ImportForm onDone={() => { imports.reload(); catalogue.reload(); overview.reload(); }} />}
      <section aria-labelledby="kreise">
        <h2 id="kreise">{t('crime.kreise')}</h2>
        {catalogue.data && catalogue.data.years.length === 0 && <p>{t('crime.noData')}</p>}
        {catalogue.data && catalogue.data.years.length > 0 && (
          <div className="grid-2">
            <Field label={t('crime.year')}>{(p) => <select {...p} value={y ?? ''} onChange={(e) => setYear(Number(e.target.value))}>{catalogue.data!.years.map((x) => <option key={x} value={x}>{x}</option>)}</select>}</Field>
            <Field label={t('crime.offence')}>{(p) => <select {...p} value={key} onChange={(e) => setKey(e.target.value)}>{catalogue.data!.offences.map((o) => <option key={o.key} value={o.key}>{o.key} – {o.label}</option>)}</select>}</Field>
          </div>
        )}
        <ErrorAlert error={overview.error} />
        {overview.data && (
          <ScrollRegion label={t('crime.kreise')}>
            <table>
              <caption>{t('crime.kreiseCaption', { year: overview.data.year, label: overview.data.label ?? key })}</caption>
              <thead><tr><th scope="col">{t('crime.kreis')}</th><th scope="col" className="num">{t('crime.cases')}</th><th scope="col" className="num">{t('crime.rate')}</th><th scope="col" className="num">{t('crime.clearance')}</th><th scope="col" className="num">{t('crime.suspects')}</th></tr></thead>
              <tbody>
                {overview.data.kreise.map((k) => <tr key={k.ags}><th scope="row">{k.name}</th><td className="num">{n(k.cases)}</td><td className="num">{n(k.crimeRate)}</td><td className="num">{k.clearanceRate === null ? '–' : `${n(k.clearanceRate, 1)} %`}</td><td className="num">{n(k.suspects)}</td></tr>)}
                {overview.data.saxony && <tr><th scope="row">{t('crime.saxony')}</th><td className="num">{n(overview.data.saxony.cases)}</td><td className="num">{n(overview.data.saxony.crimeRate)}</td><td className="num">{n(overview.data.saxony.clearanceRate, 1)} %</td><td className="num">{n(overview.data.saxony.suspects)}</td></tr>}
              </tbody>
            </table>
            {overview.data.populationDate && <p className="note">{t('crime.landNote', { date: formatDate(overview.data.populationDate, locale) })}</p>}
          </ScrollRegion>
        )}
      </section>
      {!ownCommune && <CommunePicker legend={t('crime.pickCommune')} value={picked} onChange={(v) => setPicked(v.map((x) => ({ ags: x.ags, name: x.name })))} single />}
      {communeAgs && <CommuneSection key={communeAgs} ags={communeAgs} />}
      {listsImports && imports.data && (
        <section aria-labelledby="imports">
          <h2 id="imports">{t('crime.imports')}</h2>
          <ScrollRegion label={t('crime.imports')}>
            <table>
              <caption className="visually-hidden">{t('crime.imports')}</caption>
              <thead><tr><th scope="col">{t('crime.importedAt')}</th><th scope="col">{t('crime.format')}</th><th scope="col">{t('crime.years')}</th><th scope="col">{t('crime.source')}</th><th scope="col">{t('crime.version')}</th><th scope="col" className="num">{t('crime.rows')}</th></tr></thead>
              <tbody>{imports.data.items.map((i) => <tr key={i.id}><th scope="row">{formatDateTime(i.importedAt, locale)}</th><td>{i.format === 'bka_kreise' ? t('crime.format.bka') : t('crime.format.municipal')}</td><td>{i.years.join(', ')}</td><td>{i.source}<br /><span className="muted">{i.fileName}</span></td><td>{i.version}</td><td className="num">{formatNumber(i.rowsImported, locale)}</td></tr>)}</tbody>
            </table>
          </ScrollRegion>
          <Pager total={imports.data.total} page={importsQuery.page} pageSize={importsQuery.pageSize} items={t('crime.importCount', { count: imports.data.total })}
            onPage={(p) => importsQuery.set({ seite: String(p) })} onPageSize={(n) => importsQuery.set({ anzahl: String(n) })} />
        </section>
      )}
    </>
  );
}
