import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDate, formatDateTime, formatFixed, formatNumber } from '../../api.js';
import { todayIso } from '../../../lib/dates.js';
import type { z } from 'zod';
import { ErrorAlert, Field, fieldError, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import { ActionStatus } from '../../ui/action.js';
import type { ZAgeStructure } from '../../../modules/communes/communes.types.js';
import type { ZProject } from '../../../modules/surveys/surveys.types.js';
import type { TWeighting, TWeightingResult, TWeightingSettings } from '../../../modules/evaluation/evaluation.types.js';
import { AnalysisSubnav } from './FindingsPage.js';
import { useText } from './messages.js';

const AGE_GROUPS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];
const VARIABLES = ['age_group', 'sex', 'district'] as const;

export function WeightingResultView({ result }: { result: TWeightingResult }) {
  const { t, locale } = useText();
  const n = (v: number, d = 0) => formatFixed(v, locale, d);
  return (
    <section aria-labelledby="result">
      <h2 id="result">{t('weighting.result')}</h2>
      <dl className="facts">
        <dt>{t('weighting.method')}</dt><dd>{t(`eval.method.${result.method}`)}{result.variables.length ? ` (${result.variables.map((v) => t(`weighting.var.${v}`)).join(', ')})` : ''}</dd>
        {result.method === 'rake' && <><dt>{t('weighting.convergence')}</dt><dd>{t('weighting.convergenceValue', { n: result.iterations, ok: result.converged ? t('weighting.yes') : t('weighting.no'), dev: n(result.maxMarginDeviation, 4) })}</dd></>}
        <dt>{t('weighting.range')}</dt><dd>{n(result.minWeight, 2)} – {n(result.maxWeight, 2)}</dd>
        <dt>{t('weighting.effective')}</dt><dd>{n(result.effectiveSampleSize)} / {n(result.respondents)}</dd>
        {result.trimmed > 0 && <><dt>{t('weighting.trimmed')}</dt><dd>{n(result.trimmed)}</dd></>}
        <dt>{t('weighting.excluded')}</dt><dd>{t('weighting.excludedValue', { missing: result.missingCalibration, outside: result.excluded, collapsed: result.collapsedStrata })}</dd>
      </dl>
      {result.margins.map((m) => (
        <ScrollRegion key={m.variable} label={t(`weighting.var.${m.variable}`)}>
          <table>
            <caption>{t('weighting.marginCaption', { variable: t(`weighting.var.${m.variable}`), source: m.source })}</caption>
            <thead><tr><th scope="col">{t('weighting.category')}</th><th scope="col" className="num">{t('weighting.population')}</th><th scope="col" className="num">{t('eval.respondents')}</th></tr></thead>
            <tbody>{m.cells.map((c) => <tr key={c.label}><th scope="row">{c.label}</th><td className="num">{formatNumber(Math.round(c.population), locale)}</td><td className="num">{c.respondents}</td></tr>)}</tbody>
          </table>
        </ScrollRegion>
      ))}
    </section>
  );
}

function AgeStructureSection({ ags }: { ags: string }) {
  const { t, locale } = useText();
  const loaded = useApi<z.infer<typeof ZAgeStructure> | null>(`/communes/${ags}/age-structure`);
  const [cells, setCells] = useState<Record<string, string>>({});
  const [source, setSource] = useState('');
  const [referenceDate, setReferenceDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const d = loaded.data;
    setCells(Object.fromEntries(AGE_GROUPS.flatMap((a) => (['m', 'w'] as const).map((s) => [`${a}|${s}`, String(d?.cells.find((c) => c.ageGroup === a && c.sex === s)?.count ?? '')]))));
    setSource(d?.source ?? '');
    setReferenceDate(d?.referenceDate ?? '');
  }, [loaded.data]);
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (loaded.data === null && !Object.keys(cells).length) return <Loading />;
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setSaved(false);
    try {
      await api(`/communes/${ags}/age-structure`, { method: 'PUT', body: {
        referenceDate, source, version: loaded.data?.version ?? 0,
        cells: AGE_GROUPS.flatMap((a) => (['m', 'w'] as const).map((s) => ({ ageGroup: a, sex: s, count: Number(cells[`${a}|${s}`] || 'x') }))),
      } });
      setSaved(true); loaded.reload();
    } catch (err) { setError(err); }
  };
  return (
    <details>
      <summary>{t('weighting.ageStructure')}{loaded.data ? ` (${loaded.data.source}, ${formatDate(loaded.data.referenceDate, locale)})` : ` – ${t('weighting.ageStructureMissing')}`}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('weighting.source')} error={fieldError(error, 'source')}>{(p) => <input {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={source} onChange={(e) => setSource(e.target.value)} />}</Field>
        <Field label={t('weighting.referenceDate')} error={fieldError(error, 'referenceDate')}>{(p) => <input {...p} type="date" max={todayIso()} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={referenceDate} onChange={(e) => setReferenceDate(e.target.value)} />}</Field>
        <ScrollRegion label={t('weighting.ageStructureCaption')}>
        <table>
          <caption>{t('weighting.ageStructureCaption')}</caption>
          <thead><tr><th scope="col">{t('weighting.var.age_group')}</th><th scope="col">{t('weighting.male')}</th><th scope="col">{t('weighting.female')}</th></tr></thead>
          <tbody>{AGE_GROUPS.map((a) => (
            <tr key={a}><th scope="row">{a}</th>
              {(['m', 'w'] as const).map((s) => <td key={s}><input inputMode="numeric" aria-label={`${a} ${s === 'm' ? t('weighting.male') : t('weighting.female')}`} value={cells[`${a}|${s}`] ?? ''} onChange={(e) => setCells({ ...cells, [`${a}|${s}`]: e.target.value })} /></td>)}</tr>
          ))}</tbody>
        </table>
        </ScrollRegion>
        <button type="submit" className="btn">{t('weighting.saveAgeStructure')}</button>
        <ActionStatus error={error} success={saved ? t('weighting.ageStructureSaved') : null} labels={{
          source: t('weighting.source'), referenceDate: t('weighting.referenceDate'), cells: t('weighting.ageStructureCaption'),
          ...Object.fromEntries(AGE_GROUPS.flatMap((a, i) => (['m', 'w'] as const).map((s, j) => [`cells.${i * 2 + j}.count`, `${a} ${s === 'm' ? t('weighting.male') : t('weighting.female')}`]))),
        }} />
      </form>
    </details>
  );
}

export function WeightingPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const project = useApi<z.infer<typeof ZProject>>(`/analyses/${id}`);
  const loaded = useApi<TWeighting>(`/analyses/${id}/weighting`);
  const [form, setForm] = useState<TWeightingSettings | null>(null);
  const [current, setCurrent] = useState<TWeighting | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const w = current ?? loaded.data;
  useEffect(() => { if (loaded.data) setForm(loaded.data.settings); }, [loaded.data]);
  if (loaded.error) return <><PageTitle>{t('eval.weighting')}</PageTitle><ErrorAlert error={loaded.error} /></>;
  if (!w || !form || !project.data) return <Loading />;
  const set = <K extends keyof TWeightingSettings>(k: K, v: TWeightingSettings[K]) => setForm({ ...form, [k]: v });
  const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setBusy(true);
    try { setCurrent(await api<TWeighting>(`/analyses/${id}/weighting`, { method: 'PUT', body: { ...form, version: w.version } })); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('eval.back', { title: project.data.title })}</Link></p>
      <PageTitle>{t('weighting.title', { title: project.data.title })}</PageTitle>
      <AnalysisSubnav id={id!} />
      <p>{t('weighting.intro', { strata: w.available.strata, responses: w.available.responses })}</p>
      <AgeStructureSection ags={project.data.ags} />
      {w.can.run && (
        <form onSubmit={submit} noValidate>
          <fieldset className="field">
            <legend>{t('weighting.design')}</legend>
            {(['stratified', 'simple'] as const).map((d) => <label key={d} className="inline"><input type="radio" name="design" checked={form.design === d} onChange={() => set('design', d)} /> {t(`weighting.design.${d}`)}</label>)}
          </fieldset>
          <fieldset className="field">
            <legend>{t('weighting.calibration')}</legend>
            {(['rake', 'poststratify', 'none'] as const).map((c) => <label key={c} className="inline"><input type="radio" name="calibration" checked={form.calibration === c} onChange={() => set('calibration', c)} /> {t(`eval.method.${c}`)}</label>)}
          </fieldset>
          <fieldset className="field" aria-describedby="vars-hint">
            <legend>{t('weighting.variables')}</legend>
            <span id="vars-hint" className="hint">{t('weighting.variablesHint', { list: w.available.strataVariables.map((v) => t(`weighting.var.${v}`)).join(', ') || '–' })}</span>
            {fieldError(error, 'variables') && <span className="error">{fieldError(error, 'variables')}</span>}
            {VARIABLES.map((v) => <label key={v} className="inline"><input type="checkbox" checked={form.variables.includes(v)} disabled={form.calibration === 'none'} onChange={(e) => set('variables', e.target.checked ? [...form.variables, v] : form.variables.filter((x) => x !== v))} /> {t(`weighting.var.${v}`)}</label>)}
          </fieldset>
          <div className="grid-2">
            <Field label={t('weighting.maxIterations')} error={fieldError(error, 'maxIterations')}>{(p) => <input {...p} inputMode="numeric" aria-invalid={p.invalid} aria-describedby={p.describedBy} value={form.maxIterations} onChange={(e) => set('maxIterations', Number(e.target.value))} />}</Field>
            <Field label={t('weighting.epsilon')} hint={t('weighting.epsilonHint')} error={fieldError(error, 'epsilon')}>{(p) => <input {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={String(form.epsilon)} onChange={(e) => set('epsilon', Number(e.target.value))} />}</Field>
            <Field label={t('weighting.trimLower')} hint={t('weighting.trimHint')} error={fieldError(error, 'trimLower')}>{(p) => <input {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={form.trimLower ?? ''} onChange={(e) => set('trimLower', numberOrNull(e.target.value))} />}</Field>
            <Field label={t('weighting.trimUpper')} hint={t('weighting.trimHint')} error={fieldError(error, 'trimUpper')}>{(p) => <input {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={form.trimUpper ?? ''} onChange={(e) => set('trimUpper', numberOrNull(e.target.value))} />}</Field>
          </div>
          <fieldset className="field">
            <legend>{t('weighting.publication')}</legend>
            <div className="grid-2">
              <Field label={t('weighting.minRespondents')} error={fieldError(error, 'minRespondents')}>{(p) => <input {...p} inputMode="numeric" aria-invalid={p.invalid} aria-describedby={p.describedBy} value={form.minRespondents} onChange={(e) => set('minRespondents', Number(e.target.value))} />}</Field>
              <Field label={t('weighting.minClusterSize')} error={fieldError(error, 'minClusterSize')}>{(p) => <input {...p} inputMode="numeric" aria-invalid={p.invalid} aria-describedby={p.describedBy} value={form.minClusterSize} onChange={(e) => set('minClusterSize', Number(e.target.value))} />}</Field>
              <Field label={t('weighting.clusterRadius')} error={fieldError(error, 'clusterRadiusM')}>{(p) => <input {...p} inputMode="numeric" aria-invalid={p.invalid} aria-describedby={p.describedBy} value={form.clusterRadiusM} onChange={(e) => set('clusterRadiusM', Number(e.target.value))} />}</Field>
            </div>
          </fieldset>
          <button type="submit" className="btn" disabled={busy}>{t('weighting.run')}</button>
          <ActionStatus error={error} labels={{ variables: t('weighting.design'), maxIterations: t('weighting.maxIterations'), epsilon: t('weighting.epsilon'), trimLower: t('weighting.trimLower'), trimUpper: t('weighting.trimUpper'), minRespondents: t('weighting.minRespondents'), minClusterSize: t('weighting.minClusterSize'), clusterRadiusM: t('weighting.clusterRadius') }} />
        </form>
      )}
      {w.computedAt && <p role="status">{t('weighting.computedAt', { at: formatDateTime(w.computedAt, locale) })}</p>}
      {w.result ? <WeightingResultView result={w.result} /> : <p>{t('weighting.notYet')}</p>}
    </>
  );
}
