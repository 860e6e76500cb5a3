import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDateTime } from '../../api.js';
import type { z } from 'zod';
import { ErrorAlert, Field, fieldError, Loading, PageTitle } from '../../ui/components.js';
import { ActionStatus, type FieldLabels } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import type { TFieldOfAction } from '../../../modules/alliance/admin/admin.types.js';
import type { ZProject } from '../../../modules/surveys/surveys.types.js';
import type { TFindings, TPriority, TRecommendation, TRecommendationContent, TRecommendationList } from '../../../modules/evaluation/evaluation.types.js';
import { AnalysisSubnav } from './FindingsPage.js';
import { useText } from './messages.js';

type Draft = TRecommendationContent;
const EMPTY: Draft = { title: '', description: '', fieldOfAction: '', findings: [], priority: 'mittel' };
const PRIORITIES: readonly TPriority[] = ['hoch', 'mittel', 'niedrig'];

function useRecLabels(): FieldLabels {
  const { t } = useText();
  return { title: t('rec.title'), description: t('rec.description'), fieldOfAction: t('rec.fieldOfAction'), priority: t('rec.priority'), findings: t('rec.findings'), state: t('rec.state'), stateNote: t('rec.stateNote') };
}

function RecommendationForm({ projectId, id, initial, version, options, onDone }: {
  projectId: string; id?: string; initial: Draft; version?: number; options: { value: string; label: string }[]; onDone: (r: TRecommendation) => void;
}) {
  const { t } = useText();
  const fields = useApi<{ items: TFieldOfAction[] }>('/fields-of-action');
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      const saved = version
        ? await api<TRecommendation>(`/analyses/${projectId}/recommendations/${id}`, { method: 'PUT', body: { ...d, version } })
        : await api<TRecommendation>(`/analyses/${projectId}/recommendations`, { method: 'POST', body: d });
      onDone(saved);
      if (!version) setD(EMPTY);
    } catch (err) { setError(err); }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('rec.title')} error={fieldError(error, 'title')}>{(p) => <input {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={d.title} onChange={(e) => setD({ ...d, title: e.target.value })} />}</Field>
      <Field label={t('rec.description')} error={fieldError(error, 'description')}>{(p) => <textarea {...p} rows={4} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={d.description} onChange={(e) => setD({ ...d, description: e.target.value })} />}</Field>
      <Field label={t('rec.fieldOfAction')} error={fieldError(error, 'fieldOfAction')}>{(p) => (
        <select {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={d.fieldOfAction} onChange={(e) => setD({ ...d, fieldOfAction: e.target.value })}>
          <option value="">{t('rec.choose')}</option>
          {fields.data?.items.filter((f) => f.active).map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </select>
      )}</Field>
      <Field label={t('rec.priority')}>{(p) => (
        <select {...p} value={d.priority} onChange={(e) => setD({ ...d, priority: e.target.value as Draft['priority'] })}>
          {PRIORITIES.map((x) => <option key={x} value={x}>{t(`rec.priority.${x}`)}</option>)}
        </select>
      )}</Field>
      <Field label={t('rec.findings')} hint={t('rec.findingsHint')}>{(p) => (
        <select {...p} multiple size={6} aria-describedby={p.describedBy} value={d.findings} onChange={(e) => setD({ ...d, findings: [...e.target.selectedOptions].map((o) => o.value) })}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}</Field>
      <button type="submit" className="btn">{version ? t('rec.save') : t('rec.create')}</button>
      <ActionStatus error={error} labels={useRecLabels()} />
    </form>
  );
}

function ManageForm({ projectId, rec, onDone }: { projectId: string; rec: TRecommendation; onDone: (r: TRecommendation) => void }) {
  const { t } = useText();
  const [priority, setPriority] = useState(rec.priority);
  const [state, setState] = useState(rec.state);
  const [note, setNote] = useState(rec.stateNote);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try { onDone(await api<TRecommendation>(`/analyses/${projectId}/recommendations/${rec.id}/state`, { method: 'PUT', body: { priority, state, stateNote: note, version: rec.version } })); } catch (err) { setError(err); }
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <Field label={t('rec.priority')}>{(p) => (
        <select {...p} value={priority} onChange={(e) => setPriority(e.target.value as TPriority)}>{PRIORITIES.map((x) => <option key={x} value={x}>{t(`rec.priority.${x}`)}</option>)}</select>
      )}</Field>
      <Field label={t('rec.state')} error={fieldError(error, 'state')}>{(p) => (
        <select {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={state} onChange={(e) => setState(e.target.value as TRecommendation['state'])}>
          {[rec.state, ...rec.nextStates].map((s) => <option key={s} value={s}>{t(`rec.state.${s}`)}</option>)}
        </select>
      )}</Field>
      <Field label={t('rec.stateNote')} error={fieldError(error, 'stateNote')}>{(p) => <input {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <button type="submit" className="btn">{t('rec.update')}</button>
      <ActionStatus error={error} labels={useRecLabels()} />
    </form>
  );
}

export function RecommendationsPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const project = useApi<z.infer<typeof ZProject>>(`/analyses/${id}`);
  const list = useApi<TRecommendationList>(`/analyses/${id}/recommendations`);
  const findings = useApi<TFindings>(`/analyses/${id}/findings`);
  /** The recommendation last saved and what was done: the message stands in its card and takes the focus. */
  const [changed, setChanged] = useState<{ id: string; message: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  if (list.error) return <><PageTitle>{t('eval.recommendations')}</PageTitle><ErrorAlert error={list.error} /></>;
  if (!list.data || !project.data) return <Loading />;
  const lang = locale === 'en' ? 'en' : 'de';
  const { update: work, manage } = list.data.can;
  const options = [
    ...(findings.data?.indicators ?? []).map((f) => ({ value: f.key, label: f.label[lang] || f.label.de })),
    ...(findings.data?.fearPlaces.clusters ?? []).map((c) => ({ value: `fear_place:${c.id}`, label: t('rec.fearPlace', { n: c.id }) })),
  ];
  const labelOf = (k: string) => options.find((o) => o.value === k)?.label ?? k;
  const done = (msg: string) => (r: TRecommendation) => { setChanged({ id: r.id, message: `${msg}: ${r.title}` }); setEditing(null); list.reload(); };
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('eval.back', { title: project.data.title })}</Link></p>
      <PageTitle>{t('rec.pageTitle', { title: project.data.title })}</PageTitle>
      <AnalysisSubnav id={id!} />
      <p>{t('rec.intro')}</p>
      {list.data.items.length === 0 && <p>{t('rec.none')}</p>}
      {list.data.items.map((r) => (
        <article key={r.id} className="rec-card" aria-labelledby={`rec-${r.id}`}>
          <h2 id={`rec-${r.id}`}>{r.title}</h2>
          <p><span className="badge">{r.fieldOfAction.label}</span> <span className="badge">{t('rec.priority')}: {t(`rec.priority.${r.priority}`)}</span> <span className="badge">{t('rec.state')}: {t(`rec.state.${r.state}`)}</span>
            {r.stateNote && <> – {r.stateNote}</>} <span className="muted">({t('rec.updated', { at: formatDateTime(r.updatedAt, locale) })})</span></p>
          <p>{r.description}</p>
          {r.findings.length > 0 && <p>{t('rec.linked')}: {r.findings.map(labelOf).join(', ')}</p>}
          {manage && r.nextStates.length > 0 && <ManageForm projectId={id!} rec={r} onDone={done(t('rec.updatedMsg'))} />}
          {work && (editing === r.id
            ? <RecommendationForm projectId={id!} id={r.id} initial={{ title: r.title, description: r.description, fieldOfAction: r.fieldOfAction.id, findings: r.findings, priority: r.priority }} version={r.version} options={options} onDone={done(t('rec.savedMsg'))} />
            : <button type="button" className="btn secondary" onClick={() => setEditing(r.id)}>{t('rec.edit')}</button>)}
          {changed?.id === r.id && <ActionStatus success={changed.message} />}
        </article>
      ))}
      {work && (
        <section aria-labelledby="new-rec">
          <h2 id="new-rec">{t('rec.new')}</h2>
          <RecommendationForm projectId={id!} initial={EMPTY} options={options} onDone={done(t('rec.createdMsg'))} />
        </section>
      )}
    </>
  );
}
