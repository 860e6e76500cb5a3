import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { todayIso } from '../../../lib/dates.js';
import { api, formatDate, formatDateTime } from '../../api.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { TopicChecklist } from '../../ui/TopicChecklist.js';
import { ActionStatus } from '../../ui/action.js';
import { ModuleChecklist } from './AgreementsPage.js';
import { useApi } from '../../useApi.js';
import type { TAgreement, TAgreementTransition, TSignatory } from '../../../modules/alliance/agreements/agreements.types.js';
import type { AgreementModule } from '../../../modules/alliance/reference-data.js';
import { useText } from './messages.js';
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

function EditForm({ a, onSaved }: { a: TAgreement; onSaved: (x: TAgreement, msg: string) => void }) {
  const { t } = useText();
  const [title, setTitle] = useState(a.title);
  const [policeUnit, setPoliceUnit] = useState(a.policeUnit ?? '');
  const [signatories, setSignatories] = useState<TSignatory[]>(a.parties.map((p) => ({ party: p.party, ...(p.ags ? { ags: p.ags } : {}), name: p.signatoryName, office: p.signatoryOffice })));
  const [modules, setModules] = useState(a.modules);
  const [topics, setTopics] = useState(a.topics.map((x) => x.id));
  const [goals, setGoals] = useState(a.goals.join('\n'));
  const [measures, setMeasures] = useState(a.measures.join('\n'));
  const [sections, setSections] = useState(a.sections);
  const [signedPlace, setSignedPlace] = useState(a.signedPlace);
  const [error, setError] = useState<unknown>(null);
  const setSig = (i: number, patch: Partial<TSignatory>) => setSignatories(signatories.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const contentChanged = () => JSON.stringify([title, policeUnit || null, [...modules].sort(), [...topics].sort(), lines(goals), lines(measures), sections])
    !== JSON.stringify([a.title, a.policeUnit, [...a.modules].sort(), a.topics.map((x) => x.id).sort(), a.goals, a.measures, a.sections]);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    const backToDraft = a.state === 'agreed' && contentChanged();
    if (backToDraft && !window.confirm(t('agreement.confirmBackToDraft'))) return;
    try {
      const saved = await api<TAgreement>(`/agreements/${a.id}`, { method: 'PUT', body: {
        title, policeDirectorateId: a.policeDirectorate.id, policeUnit: policeUnit || null, signatories, modules, topics,
        goals: lines(goals), measures: lines(measures), sections, signedPlace, version: a.version,
      } });
      onSaved(saved, a.state === 'signed' ? t('agreement.amendmentStarted', { n: saved.revision })
        : a.state === 'agreed' && saved.state === 'draft' ? t('agreement.savedBackToDraft') : t('agreement.saved'));
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="edit-agreement">
      <h2 id="edit-agreement">{t('agreement.edit')}</h2>
      {a.state === 'signed' && <Alert>{t('agreement.editSignedHint')}</Alert>}
      {a.state === 'agreed' && <Alert>{t('agreement.editAgreedHint')}</Alert>}
      <Field label={t('agreement.title')} error={fieldError(error, 'title')}>{(f) => <input id={f.id} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <Field label={t('agreements.policeUnit')} hint={t('agreements.policeUnitHint')}>{(f) => <input id={f.id} value={policeUnit} onChange={(e) => setPoliceUnit(e.target.value)} aria-describedby={f.describedBy} />}</Field>
      <fieldset className="field">
        <legend>{t('agreement.signatories')}</legend>
        {fieldError(error, 'signatories') && <span className="error">{fieldError(error, 'signatories')}</span>}
        {a.parties.map((p, i) => (
          <div key={`${p.party}-${p.ags ?? ''}`} className="task-row">
            <Field label={t('agreement.signatoryName', { party: p.label })}>{(f) => <input id={f.id} value={signatories[i]?.name ?? ''} onChange={(e) => setSig(i, { name: e.target.value })} />}</Field>
            <Field label={t('agreement.signatoryOffice', { party: p.label })}>{(f) => <input id={f.id} value={signatories[i]?.office ?? ''} onChange={(e) => setSig(i, { office: e.target.value })} />}</Field>
          </div>
        ))}
      </fieldset>
      <Field label={t('agreement.signedPlace')}>{(f) => <input id={f.id} value={signedPlace} onChange={(e) => setSignedPlace(e.target.value)} />}</Field>
      <ModuleChecklist value={modules} onChange={setModules} />
      <TopicChecklist legend={t('agreements.topics')} value={topics} onChange={setTopics} />
      <Field label={t('agreement.goals')} hint={t('agreement.onePerLine')}>{(f) => <textarea id={f.id} rows={4} value={goals} onChange={(e) => setGoals(e.target.value)} aria-describedby={f.describedBy} />}</Field>
      <Field label={t('agreement.measures')} hint={t('agreement.onePerLine')}>{(f) => <textarea id={f.id} rows={4} value={measures} onChange={(e) => setMeasures(e.target.value)} aria-describedby={f.describedBy} />}</Field>
      <details>
        <summary>{t('agreement.clauses')}</summary>
        {sections.map((s, i) => (
          <Field key={s.key} label={s.title}>{(f) => <textarea id={f.id} rows={5} value={s.text} onChange={(e) => setSections(sections.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />}</Field>
        ))}
      </details>
      <div className="actions"><button className="btn" type="submit">{t('agreement.save')}</button></div>
      <ActionStatus error={error} labels={{ title: t('agreement.title'), signatories: t('agreement.signatories'), signedPlace: t('agreement.signedPlace'), topics: t('agreements.topics'), modules: t('agreements.modules') }} />
    </form>
  );
}

export function AgreementPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const navigate = useNavigate();
  const loaded = useApi<TAgreement>(`/agreements/${id}`);
  const [override, setOverride] = useState<TAgreement | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [signedOn, setSignedOn] = useState(todayIso());
  const [endedOn, setEndedOn] = useState(todayIso());
  const [endReason, setEndReason] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  /** Where the last action's message is shown: beside that action. */
  const [at, setAt] = useState<'workflow' | 'scan' | 'end' | 'edit'>('workflow');
  const a = override ?? loaded.data;
  if (loaded.error) return <><PageTitle>{t('notFound.title')}</PageTitle><ErrorAlert error={loaded.error} /></>;
  if (!a) return <Loading />;
  const canEdit = a.can.manage;
  const update = (x: TAgreement, msg: string) => { setOverride(x); setMessage(msg); setError(null); };
  const saved = (x: TAgreement, msg: string) => { setAt('edit'); update(x, msg); };
  const labels = { signedOn: t('agreement.signedOn'), endedOn: t('agreement.endedOn'), endReason: t('agreement.endReason'), file: t('agreement.scanFile') };
  const transition = async (action: TAgreementTransition['action'], extra: Record<string, string> = {}) => {
    setError(null); setMessage(''); setAt(action === 'end' ? 'end' : 'workflow');
    try { update(await api<TAgreement>(`/agreements/${a.id}/transitions`, { method: 'POST', body: { action, version: a.version, ...extra } }), t(`agreement.done.${action}`)); } catch (e) { setError(e); }
  };
  const missingSignatories = a.parties.filter((p) => !p.signatoryName.trim() || !p.signatoryOffice.trim()).map((p) => p.label);
  const remove = async () => {
    if (!window.confirm(t('agreement.confirmDelete', { title: a.title }))) return;
    setError(null); setMessage(''); setAt('workflow');
    try {
      await api(`/agreements/${a.id}?version=${a.version}`, { method: 'DELETE' });
      navigate('/vereinbarungen', { state: { message: t('agreement.deleted', { title: a.title }) } });
    } catch (e) { setError(e); }
  };
  const upload = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setMessage(''); setAt('scan');
    if (!scan) return;
    const form = new FormData();
    form.append('file', scan);
    try { update(await api<TAgreement>(`/agreements/${a.id}/scan`, { method: 'POST', form }), t('agreement.scanUploaded')); } catch (err) { setError(err); }
  };
  const doc = (format: string, revision?: number) => `/api/agreements/${a.id}/document?format=${format}${revision ? `&revision=${revision}` : ''}`;
  return (
    <>
      <p><Link to="/vereinbarungen">{t('agreement.back')}</Link></p>
      <PageTitle>{a.title}</PageTitle>
      <dl className="facts">
        <dt>{t('agreements.kind')}</dt><dd>{a.kindLabel}</dd>
        <dt>{t('agreements.state')}</dt><dd>{a.stateLabel}{a.revision > 1 ? ` (${t('agreements.revisionN', { n: a.revision })})` : ''}</dd>
        {a.group && <><dt>{t('agreements.group')}</dt><dd>{a.group.name}</dd></>}
        <dt>{t('agreement.parties')}</dt><dd><ul>{a.parties.map((p) => <li key={`${p.party}-${p.ags ?? ''}`}>{p.label}{p.signatoryName ? ` – ${p.signatoryName}, ${p.signatoryOffice}` : ` – ${t('agreement.noSignatory')}`}</li>)}</ul></dd>
        <dt>{t('agreements.modules')}</dt><dd>{a.modules.map((m) => t(`module.${m as AgreementModule}`)).join(', ') || '–'}</dd>
        <dt>{t('agreements.topics')}</dt><dd>{a.topics.map((x) => x.label).join(', ') || '–'}</dd>
        {a.inForceSince && <><dt>{t('agreements.inForceSince')}</dt><dd>{formatDate(a.inForceSince, locale)}</dd></>}
        {a.endedOn && <><dt>{t('agreement.endedOn')}</dt><dd>{formatDate(a.endedOn, locale)} {a.endReason}</dd></>}
      </dl>
      <h2>{t('agreement.documents')}</h2>
      <ul>
        <li><a href={doc('docx')} download>{t('agreement.downloadDocx', { n: a.revision })}</a></li>
        <li><a href={doc('pdf')} download>{t('agreement.downloadPdf', { n: a.revision })}</a></li>
        {a.revisions.filter((r) => r.revision !== a.revision || a.state !== 'signed').map((r) => (
          <li key={r.revision}>{t('agreement.signedRevision', { n: r.revision, date: formatDate(r.signedOn, locale) })}: <a href={doc('pdf', r.revision)} download>PDF</a>, <a href={doc('docx', r.revision)} download>DOCX</a></li>
        ))}
        {a.scan && <li><a href={`/api/agreements/${a.id}/scan`} download>{t('agreement.scanDownload', { name: a.scan.name, date: formatDateTime(a.scan.uploadedAt, locale) })}</a></li>}
      </ul>
      {canEdit && (
        <section aria-labelledby="workflow" className="card">
          <h2 id="workflow">{t('agreement.workflow')}</h2>
          {a.state === 'draft' && (
            <div className="stack">
              {missingSignatories.length > 0 && <p className="warning" id="agree-missing">{t('agreement.agreeMissing', { parties: missingSignatories.join(', ') })}</p>}
              <div className="actions">
                <button type="button" className="btn" onClick={() => transition('agree')} aria-describedby={missingSignatories.length ? 'agree-missing' : undefined}>{t('agreement.agree')}</button>
                {!a.inForceSince && <button type="button" className="btn danger" onClick={() => void remove()}>{t('agreement.deleteDraft')}</button>}
              </div>
            </div>
          )}
          {a.state === 'agreed' && (
            <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); void transition('sign', { signedOn }); }} aria-labelledby="sign-heading">
              <h3 id="sign-heading">{t('agreement.sign')}</h3>
              <Field label={t('agreement.signedOn')} error={fieldError(error, 'signedOn')}>
                {(f) => <input id={f.id} type="date" value={signedOn} max={todayIso()} onChange={(e) => setSignedOn(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
              </Field>
              <div className="actions">
                <button type="submit" className="btn">{t('agreement.signNow')}</button>
                <button type="button" className="btn secondary" onClick={() => transition('reopen')}>{t('agreement.reopen')}</button>
              </div>
            </form>
          )}
          {(at === 'workflow' || (at === 'end' && a.endedOn)) && <ActionStatus error={error} success={message} labels={labels} />}
          {a.inForceSince && !a.endedOn && (
            <>
              <form className="stack" noValidate onSubmit={upload} aria-labelledby="scan-heading">
                <h3 id="scan-heading">{t('agreement.scan')}</h3>
                <Field label={t('agreement.scanFile')} hint={t('agreement.scanHint')} error={fieldError(error, 'file')}>
                  {(f) => <input id={f.id} type="file" accept="application/pdf,.pdf" onChange={(e) => setScan(e.target.files?.[0] ?? null)} aria-describedby={f.describedBy} />}
                </Field>
                <div className="actions"><button type="submit" className="btn secondary" disabled={!scan}>{t('agreement.upload')}</button></div>
                {at === 'scan' && <ActionStatus error={error} success={message} labels={labels} />}
              </form>
              <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); void transition('end', { endedOn, endReason }); }} aria-labelledby="end-heading">
                <h3 id="end-heading">{t('agreement.end')}</h3>
                <Field label={t('agreement.endedOn')} error={fieldError(error, 'endedOn')}>{(f) => <input id={f.id} type="date" value={endedOn} max={todayIso()} onChange={(e) => setEndedOn(e.target.value)} />}</Field>
                <Field label={t('agreement.endReason')}>{(f) => <input id={f.id} value={endReason} onChange={(e) => setEndReason(e.target.value)} />}</Field>
                <div className="actions"><button type="submit" className="btn danger">{t('agreement.endNow')}</button></div>
                {at === 'end' && <ActionStatus error={error} success={message} labels={labels} />}
              </form>
            </>
          )}
        </section>
      )}
      {canEdit && a.state !== 'ended' && <EditForm key={`${a.version}`} a={a} onSaved={saved} />}
      {canEdit && at === 'edit' && <ActionStatus success={message} />}
      {!canEdit && (
        <section aria-labelledby="content">
          <h2 id="content">{t('agreement.content')}</h2>
          {a.goals.length > 0 && <><h3>{t('agreement.goals')}</h3><ul>{a.goals.map((g) => <li key={g}>{g}</li>)}</ul></>}
          {a.measures.length > 0 && <><h3>{t('agreement.measures')}</h3><ul>{a.measures.map((g) => <li key={g}>{g}</li>)}</ul></>}
        </section>
      )}
    </>
  );
}
