import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDateTime } from '../../api.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/de.js';
import { hasRole, useSession } from '../../session.js';
import { Alert, ErrorAlert, Field, fieldError, Loading, PageTitle } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import type { TProject as Project } from '../../../modules/surveys/surveys.types.js';
import { AnalysisSubnav } from './FindingsPage.js';
import type { Findings, Recommendation } from './types.js';

type Draft = { title: string; description: string; fieldOfAction: string; findings: string[]; priority: Recommendation['priority'] };
const EMPTY: Draft = { title: '', description: '', fieldOfAction: '', findings: [], priority: 'mittel' };
const PRIORITIES = ['hoch', 'mittel', 'niedrig'] as const;

function RecommendationForm({ projectId, initial, version, options, onDone }: {
  projectId: string; initial: Draft; version?: number; options: { value: string; label: string }[]; onDone: (r: Recommendation) => void;
}) {
  const { t } = useI18n();
  const fields = useApi<{ items: { id: string; label: string; active: boolean }[] }>('/fields-of-action');
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      const saved = version
        ? await api<Recommendation>(`/analyses/${projectId}/recommendations/${(initial as Draft & { id?: string }).id}`, { method: 'PUT', body: { ...d, version } })
        : await api<Recommendation>(`/analyses/${projectId}/recommendations`, { method: 'POST', body: d });
      onDone(saved);
      if (!version) setD(EMPTY);
    } catch (err) { setError(err); }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
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
          {PRIORITIES.map((x) => <option key={x} value={x}>{t(`rec.priority.${x}` as MessageKey)}</option>)}
        </select>
      )}</Field>
      <Field label={t('rec.findings')} hint={t('rec.findingsHint')}>{(p) => (
        <select {...p} multiple size={6} aria-describedby={p.describedBy} value={d.findings} onChange={(e) => setD({ ...d, findings: [...e.target.selectedOptions].map((o) => o.value) })}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}</Field>
      <button type="submit" className="btn">{version ? t('rec.save') : t('rec.create')}</button>
    </form>
  );
}

function ManageForm({ projectId, rec, onDone }: { projectId: string; rec: Recommendation; onDone: (r: Recommendation) => void }) {
  const { t } = useI18n();
  const [priority, setPriority] = useState(rec.priority);
  const [state, setState] = useState<string>(rec.state);
  const [note, setNote] = useState(rec.stateNote);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try { onDone(await api<Recommendation>(`/analyses/${projectId}/recommendations/${rec.id}/state`, { method: 'PUT', body: { priority, state, stateNote: note, version: rec.version } })); } catch (err) { setError(err); }
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <ErrorAlert error={error} />
      <Field label={t('rec.priority')}>{(p) => (
        <select {...p} value={priority} onChange={(e) => setPriority(e.target.value as Recommendation['priority'])}>{PRIORITIES.map((x) => <option key={x} value={x}>{t(`rec.priority.${x}` as MessageKey)}</option>)}</select>
      )}</Field>
      <Field label={t('rec.state')} error={fieldError(error, 'state')}>{(p) => (
        <select {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={state} onChange={(e) => setState(e.target.value)}>
          {[rec.state, ...rec.nextStates].map((s) => <option key={s} value={s}>{t(`rec.state.${s}` as MessageKey)}</option>)}
        </select>
      )}</Field>
      <Field label={t('rec.stateNote')} error={fieldError(error, 'stateNote')}>{(p) => <input {...p} aria-invalid={p.invalid} aria-describedby={p.describedBy} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <button type="submit" className="btn">{t('rec.update')}</button>
    </form>
  );
}

export function RecommendationsPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { user } = useSession();
  const work = hasRole(user, 'lpr_admin', 'lpr_staff', 'analyst');
  const manage = hasRole(user, 'lpr_admin', 'lpr_staff', 'commune');
  const project = useApi<Project>(`/analyses/${id}`);
  const list = useApi<{ items: Recommendation[] }>(`/analyses/${id}/recommendations`);
  const findings = useApi<Findings>(`/analyses/${id}/findings`);
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  if (list.error) return <><PageTitle>{t('eval.recommendations')}</PageTitle><ErrorAlert error={list.error} /></>;
  if (!list.data || !project.data) return <Loading />;
  const lang = locale === 'en' ? 'en' : 'de';
  const options = [
    ...(findings.data?.indicators ?? []).map((f) => ({ value: f.key, label: f.label[lang] || f.label.de })),
    ...(findings.data?.fearPlaces.clusters ?? []).map((c) => ({ value: `fear_place:${c.id}`, label: t('rec.fearPlace', { n: c.id }) })),
  ];
  const labelOf = (k: string) => options.find((o) => o.value === k)?.label ?? k;
  const done = (msg: string) => (r: Recommendation) => { setMessage(`${msg}: ${r.title}`); setEditing(null); list.reload(); };
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('eval.back', { title: project.data.title })}</Link></p>
      <PageTitle>{t('rec.pageTitle', { title: project.data.title })}</PageTitle>
      <AnalysisSubnav id={id!} />
      <p>{t('rec.intro')}</p>
      {message && <Alert kind="success">{message}</Alert>}
      {list.data.items.length === 0 && <p>{t('rec.none')}</p>}
      {list.data.items.map((r) => (
        <article key={r.id} className="rec-card" aria-labelledby={`rec-${r.id}`}>
          <h2 id={`rec-${r.id}`}>{r.title}</h2>
          <p><span className="badge">{r.fieldOfAction.label}</span> <span className="badge">{t('rec.priority')}: {t(`rec.priority.${r.priority}` as MessageKey)}</span> <span className="badge">{t('rec.state')}: {t(`rec.state.${r.state}` as MessageKey)}</span>
            {r.stateNote && <> – {r.stateNote}</>} <span className="muted">({t('rec.updated', { at: formatDateTime(r.updatedAt, locale) })})</span></p>
          <p>{r.description}</p>
          {r.findings.length > 0 && <p>{t('rec.linked')}: {r.findings.map(labelOf).join(', ')}</p>}
          {manage && r.nextStates.length > 0 && <ManageForm projectId={id!} rec={r} onDone={done(t('rec.updatedMsg'))} />}
          {work && (editing === r.id
            ? <RecommendationForm projectId={id!} initial={{ ...r, fieldOfAction: r.fieldOfAction.id, id: r.id } as Draft} version={r.version} options={options} onDone={done(t('rec.savedMsg'))} />
            : <button type="button" className="btn secondary" onClick={() => setEditing(r.id)}>{t('rec.edit')}</button>)}
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
