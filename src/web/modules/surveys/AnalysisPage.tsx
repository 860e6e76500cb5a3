import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, formatDate, formatNumber } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { LineChart } from '../../ui/LineChart.js';
import { useApi } from '../../useApi.js';
import type { TLetter, TMonitoring, TProject, TQuestionnaire } from '../../../modules/surveys/surveys.types.js';
import { PHASE_STATUSES } from '../../../modules/surveys/states.js';
import { useText } from './messages.js';

const pct = (x: number, locale: string) => `${formatNumber(Math.round(x * 1000) / 10, locale)} %`;

/** Returns per day and stratum, the response rate and a cumulative chart (with its table). */
function MonitoringSection({ projectId }: { projectId: string }) {
  const { t, locale } = useText();
  const m = useApi<TMonitoring>(`/analyses/${projectId}/monitoring`);
  if (m.error) return <ErrorAlert error={m.error} />;
  if (!m.data) return <Loading />;
  const d = m.data;
  return (
    <section aria-labelledby="monitoring">
      <h2 id="monitoring">{t('monitoring.title')}</h2>
      <p className="rate" role="status">{t('monitoring.rate', { returned: d.returned, invited: d.invited, rate: pct(d.responseRate, locale) })}</p>
      <p className="pool">{t('monitoring.pool', { mixed: d.mixing.mixed, waiting: d.mixing.waiting, k: d.mixing.threshold })}</p>
      {d.byDay.length > 0 && (
        <>
          <LineChart categories={d.byDay.map((x) => formatDate(x.date, locale))} series={[{ name: t('monitoring.cumulative'), values: d.byDay.map((x) => x.cumulative) }]} label={t('monitoring.chart')} />
          <details>
            <summary>{t('monitoring.byDay')}</summary>
            <ScrollRegion label={t('monitoring.byDay')}>
              <table>
                <caption>{t('monitoring.byDay')}</caption>
                <thead><tr><th scope="col">{t('monitoring.day')}</th><th scope="col" className="num">{t('monitoring.online')}</th><th scope="col" className="num">{t('monitoring.paper')}</th><th scope="col" className="num">{t('monitoring.cumulative')}</th></tr></thead>
                <tbody>{d.byDay.map((x) => <tr key={x.date}><th scope="row">{formatDate(x.date, locale)}</th><td className="num">{x.online}</td><td className="num">{x.paper}</td><td className="num">{x.cumulative}</td></tr>)}</tbody>
              </table>
            </ScrollRegion>
          </details>
        </>
      )}
      <details>
        <summary>{t('monitoring.byStratum')}</summary>
        <ScrollRegion label={t('monitoring.byStratum')}>
          <table>
            <caption>{t('monitoring.byStratumCaption', { n: d.withoutCode })}</caption>
            <thead><tr><th scope="col">{t('monitoring.stratum')}</th><th scope="col" className="num">{t('monitoring.population')}</th><th scope="col" className="num">{t('monitoring.invited')}</th><th scope="col" className="num">{t('monitoring.returned')}</th><th scope="col" className="num">{t('monitoring.rateCol')}</th></tr></thead>
            <tbody>{d.byStratum.map((s) => (
              <tr key={s.key}><th scope="row">{[s.district, s.ageGroup, s.sex === 'w' ? t('monitoring.female') : s.sex === 'm' ? t('monitoring.male') : s.sex].filter(Boolean).join(' · ')}</th>
                <td className="num">{s.population}</td><td className="num">{s.invited}</td><td className="num">{s.returned}</td><td className="num">{pct(s.rate, locale)}</td></tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
}

/** k of the mixing pool, for the analyst and the LPR; the error appears next to the button. */
function MixThresholdForm({ project, onSaved }: { project: TProject; onSaved: (p: TProject) => void }) {
  const { t } = useText();
  const [value, setValue] = useState(String(project.mixThreshold));
  const [error, setError] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try { onSaved(await api<TProject>(`/analyses/${project.id}/mix-threshold`, { method: 'PUT', body: { mixThreshold: Number(value), version: project.version } })); } catch (err) { setError(err); }
  };
  const fieldError = error instanceof ApiError && error.field === 'mixThreshold' ? (error.errors?.[0]?.message ?? error.detail) : undefined;
  return (
    <form onSubmit={save} noValidate>
      <Field label={t('monitoring.threshold')} hint={t('monitoring.thresholdHint')} error={fieldError}>
        {({ id, describedBy, invalid }) => <input id={id} type="number" inputMode="numeric" min={5} max={1000} value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <button type="submit" className="btn">{t('monitoring.thresholdSave')}</button>
      <ActionStatus error={error} labels={{ mixThreshold: t('monitoring.threshold') }} />
    </form>
  );
}

/** The analyst uploads the Ortsteile's boundaries (GeoJSON); the server checks the file as a whole and names every problem. */
function DistrictAreasForm({ project, onSaved }: { project: TProject; onSaved: (p: TProject, message: string) => void }) {
  const { t } = useText();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async (areas: unknown, message: string) => {
    setError(null);
    try { onSaved(await api<TProject>(`/analyses/${project.id}/district-areas`, { method: 'PUT', body: { areas, version: project.version } }), message); } catch (e) { setError(e); }
  };
  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) { setError(new ApiError(400, 'file_missing', t('districtAreas.chooseFile'), 'areas')); return; }
    let parsed: unknown;
    try { parsed = JSON.parse(await file.text()); } catch { setError(new ApiError(400, 'not_json', t('districtAreas.notJson'), 'areas')); return; }
    await send(parsed, t('districtAreas.saved'));
  };
  const list = error instanceof ApiError ? error.errors ?? [] : [];
  return (
    <section aria-labelledby="district-areas" className="district-areas">
      <h2 id="district-areas">{t('districtAreas.heading')}</h2>
      <p>{t('districtAreas.text')}</p>
      <p>{project.districtAreas.length ? t('districtAreas.current', { count: project.districtAreas.length, names: project.districtAreas.join(', ') }) : t('districtAreas.none')}</p>
      <form className="stack" onSubmit={upload} noValidate>
        <ErrorAlert error={error instanceof ApiError && error.field === 'areas' ? null : error} />
        {list.length > 1 && <ul className="errors">{list.map((x, i) => <li key={i}>{x.message}</li>)}</ul>}
        <Field label={t('districtAreas.file')} error={error instanceof ApiError && error.field === 'areas' ? error.message : undefined}>
          {(f) => <input id={f.id} type="file" accept=".geojson,.json,application/geo+json,application/json" aria-invalid={f.invalid} aria-describedby={f.describedBy} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="btn">{t('districtAreas.upload')}</button>
          {project.districtAreas.length > 0 && <button type="button" className="btn secondary" onClick={() => void send(null, t('districtAreas.removed'))}>{t('districtAreas.remove')}</button>}
        </div>
      </form>
    </section>
  );
}

export function AnalysisPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const loaded = useApi<TProject>(`/analyses/${id}`);
  const questionnaire = useApi<TQuestionnaire>(`/analyses/${id}/questionnaire`);
  const letter = useApi<TLetter>(`/analyses/${id}/letter`);
  const [project, setProject] = useState<TProject | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  /** Where the last action's message is shown: beside that action. */
  const [at, setAt] = useState<'plan' | 'tasks' | 'areas' | 'threshold' | 'close'>('plan');
  const p = project ?? loaded.data;
  if (loaded.error) return <><PageTitle>{t('notFound.title')}</PageTitle><ErrorAlert error={loaded.error} /></>;
  if (!p) return <Loading />;
  const { work, communeTasks } = p.can;
  const act = async (path: string, body: unknown, msg: string, section: typeof at, method = 'PUT') => {
    setError(null); setMessage(''); setAt(section);
    try { setProject(await api<TProject>(path, { method, body })); setMessage(msg); } catch (e) { setError(e); }
  };
  const field = p.phases.find((x) => x.key === 'field');
  const frozen = questionnaire.data?.status === 'frozen';
  return (
    <>
      <p><Link to="/analysen">{t('analyses.back')}</Link></p>
      <PageTitle>{p.title}</PageTitle>
      <p>{p.communeName} · {p.institute} · {t('analyses.code')}: {p.code}</p>
      <nav aria-label={t('analyses.sections')} className="subnav">
        <ul>
          <li><Link to={`/analysen/${p.id}/fragebogen`}>{t('analyses.questionnaire')}</Link> ({frozen ? t('analyses.frozen') : t('analyses.draft')})</li>
          {work && <li><Link to={`/analysen/${p.id}/stichprobe`}>{t('analyses.sample')}</Link></li>}
          {work && frozen && <li><Link to={`/analysen/${p.id}/papier`}>{t('analyses.paper')}</Link></li>}
          {frozen && <li><Link to={`/analysen/${p.id}/ergebnisse`}>{t('analyses.findings')}</Link></li>}
          {work && frozen && <li><Link to={`/analysen/${p.id}/gewichtung`}>{t('analyses.weighting')}</Link></li>}
          {frozen && <li><Link to={`/analysen/${p.id}/empfehlungen`}>{t('analyses.recommendations')}</Link></li>}
          {frozen && <li><Link to={`/analysen/${p.id}/bericht`}>{t('analyses.report')}</Link></li>}
        </ul>
      </nav>
      <h2>{t('analyses.plan')}</h2>
      <ScrollRegion label={t('analyses.plan')}>
        <table>
          <caption className="visually-hidden">{t('analyses.plan')}</caption>
          <thead><tr><th scope="col">{t('analyses.phase')}</th><th scope="col">{t('analyses.from')}</th><th scope="col">{t('analyses.due')}</th><th scope="col">{t('analyses.status')}</th></tr></thead>
          <tbody>{p.phases.map((ph) => (
            <tr key={ph.key}>
              <th scope="row">{ph.label}</th><td>{formatDate(ph.startOn, locale)}</td><td>{formatDate(ph.dueOn, locale)}</td>
              <td>{work && ph.key !== 'field' ? (
                <select aria-label={t('analyses.statusOf', { phase: ph.label })} value={ph.status} onChange={(e) => act(`/analyses/${p.id}/phases/${ph.key}`, { status: e.target.value, version: ph.version }, t('analyses.saved'), 'plan')}>
                  {PHASE_STATUSES.map((s) => <option key={s} value={s}>{t(`analyses.status.${s}`)}</option>)}
                </select>
              ) : t(`analyses.status.${ph.status}`)}{ph.doneOn ? ` (${formatDate(ph.doneOn, locale)})` : ''}</td>
            </tr>
          ))}</tbody>
        </table>
      </ScrollRegion>
      {at === 'plan' && <ActionStatus error={error} success={message} />}
      <h2>{t('analyses.tasks')}</h2>
      <ul className="plain checklist-tasks">{p.tasks.map((task) => (
        <li key={task.key}>
          <label><input type="checkbox" checked={!!task.doneOn} disabled={!communeTasks} onChange={() => act(`/analyses/${p.id}/tasks/${task.key}`, { done: !task.doneOn, version: task.version }, t('analyses.saved'), 'tasks')} /> {task.label}</label>
          {' '}<span className="muted">{task.doneOn ? t('analyses.doneOn', { date: formatDate(task.doneOn, locale) }) : t('analyses.dueOn', { date: formatDate(task.dueOn, locale) })}</span>
        </li>
      ))}</ul>
      {at === 'tasks' && <ActionStatus error={error} success={message} />}
      {letter.data && (
        <details className="letter-preview">
          <summary>{t('analyses.letterPreview')}</summary>
          <p><strong>{letter.data.subject}</strong></p>
          {letter.data.body.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>)}
          <p className="pre">{letter.data.signature}</p>
        </details>
      )}
      {frozen && <MonitoringSection projectId={p.id} key={p.mixThreshold} />}
      {work && <DistrictAreasForm project={p} onSaved={(saved, msg) => { setProject(saved); setAt('areas'); setMessage(msg); }} />}
      {at === 'areas' && <ActionStatus success={message} />}
      {work && <MixThresholdForm project={p} onSaved={(saved) => { setProject(saved); setAt('threshold'); setMessage(t('monitoring.thresholdSaved')); }} />}
      {at === 'threshold' && <ActionStatus success={message} />}
      {work && frozen && (
        <section aria-labelledby="exports">
          <h2 id="exports">{t('analyses.exports')}</h2>
          <ul>
            <li><a href={`/api/analyses/${p.id}/export?format=xlsx`} download>{t('analyses.exportXlsx')}</a></li>
            <li><a href={`/api/analyses/${p.id}/export?format=csv`} download>{t('analyses.exportCsv')}</a></li>
            <li><a href={`/api/analyses/${p.id}/export?format=codebook`} download>{t('analyses.exportCodebook')}</a></li>
            <li><a href={`/api/analyses/${p.id}/export?format=sps`} download>{t('analyses.exportSps')}</a></li>
          </ul>
          {field?.status === 'in_progress' && <button type="button" className="btn danger" onClick={() => { if (window.confirm(t('analyses.closeConfirm'))) void act(`/analyses/${p.id}/field-phase/close`, undefined, t('analyses.closed'), 'close', 'POST'); }}>{t('analyses.closeField')}</button>}
          {at === 'close' && <ActionStatus error={error} success={message} />}
        </section>
      )}
    </>
  );
}
