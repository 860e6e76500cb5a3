import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { MilestoneKind, Stage } from '../../../modules/alliance/stages/stages.js';
import type { TCommuneStage } from '../../../modules/alliance/stages/stages.types.js';
import type { TBilanz } from '../../../server/aggregates/aggregates.types.js';
import { todayIso } from '../../../lib/dates.js';
import { api, formatDate, formatNumber } from '../../api.js';
import { useCan } from '../../session.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import { useText } from './messages.js';

const STAGES = ['contacted', 'advised', 'pre_agreement', 'cooperation', 'active', 'dormant', 'withdrawn'] as const satisfies readonly Stage[];
/** What the LPR records here; councils are recorded as councils (councils module). */
const KINDS = ['contacted', 'safety_analysis_completed', 'funding_committed', 'stage_correction'] as const satisfies readonly MilestoneKind[];

/** The commune's alliance stage with its history; LPR staff record milestones and corrections here. */
export function CommuneAlliance({ ags }: { ags: string }) {
  const { t, locale } = useText();
  const can = useCan();
  const internal = can('alliance.commune.readInternal');
  const info = useApi<TCommuneStage>(internal ? `/alliance/communes/${ags}/stage` : null);
  const [form, setForm] = useState({ occurredOn: todayIso(), kind: '' as MilestoneKind | '', stage: '' as Stage | '', amountEur: '', note: '' });
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ kind?: string; stage?: string }>({});
  const kindRef = useRef<HTMLSelectElement>(null);
  const stageRef = useRef<HTMLSelectElement>(null);
  const [message, setMessage] = useState('');
  if (!internal) return <p><Link to="/karte">{t('alliance.seeMap')}</Link></p>;
  if (info.error) return <ErrorAlert error={info.error} />;
  if (!info.data) return <Loading />;
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setMessage('');
    if (!form.kind) { setMissing({ kind: t('alliance.chooseKindError') }); kindRef.current?.focus(); return; }
    if (form.kind === 'stage_correction' && !form.stage) { setMissing({ stage: t('alliance.chooseStageError') }); stageRef.current?.focus(); return; }
    setMissing({});
    if (form.kind === 'stage_correction' && !window.confirm(t('alliance.confirmCorrection', { stage: t(`stage.${form.stage as Stage}`) }))) return;
    try {
      await api('/alliance/milestones', { method: 'POST', body: {
        ags, occurredOn: form.occurredOn, kind: form.kind, note: form.note,
        stage: form.kind === 'stage_correction' ? form.stage : null,
        amountEur: form.kind === 'funding_committed' ? Number(form.amountEur.replace(/\./g, '').replace(',', '.')) || null : null,
      } });
      setMessage(t('alliance.milestoneSaved')); setForm({ occurredOn: todayIso(), kind: '', stage: '', note: '', amountEur: '' }); info.reload();
    } catch (err) { setError(err); }
  };
  const d = info.data;
  return (
    <section aria-labelledby="alliance-heading">
      <h2 id="alliance-heading">{t('alliance.heading')}</h2>
      <p>{t('alliance.currentStage')}: <strong>{d.stageLabel ?? t('alliance.noStage')}</strong>{d.modelCommune ? ` · ${t('alliance.model')}` : ''}</p>
      {can('core.bilanz.read') && <p><Link to={`/gemeinden/${ags}/bilanz`}>{t('alliance.timeline')}</Link></p>}
      {d.history.length > 0 && (
        <ScrollRegion label={t('alliance.history')}>
          <table>
            <caption>{t('alliance.history')}</caption>
            <thead><tr><th scope="col">{t('alliance.historyDate')}</th><th scope="col">{t('alliance.stage')}</th><th scope="col">{t('alliance.source')}</th></tr></thead>
            <tbody>{d.history.map((h) => (
              <tr key={`${h.date}-${h.stage}`}><th scope="row">{formatDate(h.date, locale)}</th><td>{t(`stage.${h.stage}`)}</td><td>{h.corrected ? `${t('alliance.corrected')}: ${h.note}` : t('alliance.derived')}</td></tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      )}
      {d.can.manage && (
        <form className="stack card" onSubmit={submit} noValidate aria-labelledby="milestone-form">
          <h3 id="milestone-form">{t('alliance.recordMilestone')}</h3>
          {message && <Alert kind="success">{message}</Alert>}
          <ErrorAlert error={error} />
          <Field label={t('alliance.milestoneKind')} error={missing.kind ?? fieldError(error, 'kind')}>
            {(f) => (
              <select id={f.id} ref={kindRef} value={form.kind} aria-invalid={f.invalid} aria-describedby={f.describedBy} onChange={(e) => { setMissing({}); setForm({ ...form, kind: e.target.value as MilestoneKind | '' }); }}>
                <option value="">{t('alliance.chooseKind')}</option>
                {KINDS.filter((k) => k !== 'stage_correction').map((k) => <option key={k} value={k}>{t(`milestone.${k}`)}</option>)}
                <option value="stage_correction">{t('alliance.correctionOption')}</option>
              </select>
            )}
          </Field>
          <Field label={t('alliance.milestoneDate')} error={fieldError(error, 'occurredOn')}>{(f) => <input id={f.id} type="date" max={todayIso()} value={form.occurredOn} onChange={(e) => setForm({ ...form, occurredOn: e.target.value })} />}</Field>
          {form.kind === 'stage_correction' && (
            <Field label={t('alliance.stage')} hint={t('alliance.correctionHint')} error={missing.stage ?? fieldError(error, 'stage')}>
              {(f) => (
                <select id={f.id} ref={stageRef} value={form.stage} aria-invalid={f.invalid} aria-describedby={f.describedBy} onChange={(e) => { setMissing({}); setForm({ ...form, stage: e.target.value as Stage | '' }); }}>
                  <option value="">{t('alliance.chooseStage')}</option>
                  {STAGES.map((s) => <option key={s} value={s}>{t(`stage.${s}`)}</option>)}
                </select>
              )}
            </Field>
          )}
          {form.kind === 'funding_committed' && (
            <Field label={t('alliance.amount')} error={fieldError(error, 'amountEur')}>{(f) => <input id={f.id} inputMode="decimal" value={form.amountEur} onChange={(e) => setForm({ ...form, amountEur: e.target.value })} />}</Field>
          )}
          <Field label={form.kind === 'stage_correction' ? t('alliance.reason') : t('alliance.note')} error={fieldError(error, 'note')}>
            {(f) => <input id={f.id} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
          </Field>
          <div className="actions"><button className="btn" type="submit">{t('alliance.save')}</button></div>
          {d.milestones.length > 0 && (
            <details><summary>{t('alliance.milestones', { n: d.milestones.length })}</summary>
              <ul>{d.milestones.map((m) => <li key={m.id}>{formatDate(m.occurredOn, locale)}: {t(`milestone.${m.kind}`)}{m.amountEur ? ` (${formatNumber(m.amountEur, locale)} €)` : ''}{m.note ? ` – ${m.note}` : ''}</li>)}</ul>
            </details>
          )}
        </form>
      )}
    </section>
  );
}

/** A commune's Bilanz: every module's entries, from the core. */
export function CommuneTimelinePage() {
  const { ags } = useParams();
  const { t, locale } = useText();
  const tl = useApi<TBilanz>(`/alliance/communes/${ags}/timeline`);
  if (tl.error) return <><PageTitle>{t('alliance.timeline')}</PageTitle><ErrorAlert error={tl.error} /></>;
  if (!tl.data) return <Loading />;
  return (
    <>
      <p><Link to={`/gemeinden/${ags}`}>{t('alliance.backToCommune', { name: tl.data.commune.name })}</Link></p>
      <PageTitle>{t('alliance.timelineTitle', { name: tl.data.commune.name })}</PageTitle>
      <p>{t('alliance.currentStage')}: <strong>{tl.data.stageLabel ?? t('alliance.noStage')}</strong> · <a href={`/api/alliance/communes/${ags}/timeline.pdf`} download>{t('alliance.timelinePdf')}</a></p>
      {tl.data.entries.length === 0 ? <p>{t('alliance.noEntries')}</p> : (
        <ol className="timeline">{tl.data.entries.map((e, i) => (
          <li key={i}><time dateTime={e.date}>{formatDate(e.date, locale)}</time> <strong>{e.link ? <Link to={e.link}>{e.title}</Link> : e.title}</strong>{e.detail && <span className="muted"> – {e.detail}</span>}</li>
        ))}</ol>
      )}
    </>
  );
}
