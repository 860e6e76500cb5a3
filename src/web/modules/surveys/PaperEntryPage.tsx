import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { Alert, ErrorAlert, Loading, PageTitle } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import type { TDefinition, TPaperResult, TPaperStatus, TProject, TQuestionnaire, TScaleValue } from '../../../modules/surveys/surveys.types.js';
import { useText } from './messages.js';
import { PaperQuestionnaireLinks } from './PaperQuestionnaireLinks.js';

/** One keyed field of the paper form: a question, a matrix row or a multiple-choice option. */
interface Slot { id: string; question: string; row?: string; option?: number; label: string; values: TScaleValue[]; kind: 'choice' | 'text' }

function slotsOf(d: TDefinition): Slot[] {
  const out: Slot[] = [];
  for (const q of d.pages.flatMap((p) => p.questions)) {
    const c = q.content;
    const values = [...c.scale, ...(c.notApplicable ? [c.notApplicable] : [])];
    if (c.kind === 'single') out.push({ id: q.code, question: q.code, label: `${q.code} ${c.wording.de}`, values, kind: 'choice' });
    if (c.kind === 'matrix') for (const r of c.rows) out.push({ id: r.code, question: q.code, row: r.code, label: `${r.code} ${r.label.de}`, values, kind: 'choice' });
    if (c.kind === 'multi') for (const s of c.scale) out.push({ id: `${q.code}_${s.value}`, question: q.code, option: s.value, label: `${q.code} ${s.label.de}`, values: [{ value: 1, label: { de: 'angekreuzt', en: 'ticked' } }, { value: 0, label: { de: 'nicht angekreuzt', en: 'not ticked' } }], kind: 'choice' });
    if (c.kind === 'district') out.push({ id: q.code, question: q.code, label: `${q.code} ${c.wording.de}`, values: d.districts.map((name, i) => ({ value: i + 1, label: { de: name, en: name } })), kind: 'choice' });
    if (c.kind === 'text') out.push({ id: q.code, question: q.code, label: `${q.code} ${c.wording.de}`, values: [], kind: 'text' });
  }
  return out;
}

function answersOf(slots: Slot[], values: Record<string, string>) {
  const answers: Record<string, unknown> = {};
  for (const s of slots) {
    const v = values[s.id];
    if (v === undefined || v === '') continue;
    if (s.kind === 'text') { answers[s.question] = v; continue; }
    const n = Number(v);
    if (s.row) answers[s.question] = { ...(answers[s.question] as Record<string, number> | undefined), [s.row]: n };
    else if (s.option !== undefined) { const list = (answers[s.question] as number[] | undefined) ?? []; if (n === 1) list.push(s.option); answers[s.question] = list; }
    else answers[s.question] = n;
  }
  return answers;
}

/**
 * Keyboard-fast entry of returned paper questionnaires: each field takes the number ticked on paper and
 * jumps to the next (Enter or Tab leaves a field empty, Backspace clears it). Optional double entry.
 */
export function PaperEntryPage() {
  const { id } = useParams();
  const { t } = useText();
  const project = useApi<TProject>(`/analyses/${id}`);
  const questionnaire = useApi<TQuestionnaire>(`/analyses/${id}/questionnaire`);
  const status = useApi<TPaperStatus>(`/analyses/${id}/paper-entries`);
  const [sheetNo, setSheetNo] = useState('');
  const [code, setCode] = useState('');
  const [doubleEntry, setDoubleEntry] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TPaperResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inputs = useRef<(HTMLInputElement | HTMLTextAreaElement | null)[]>([]);
  const sheetRef = useRef<HTMLInputElement>(null);
  if (project.error || questionnaire.error) return <ErrorAlert error={project.error ?? questionnaire.error} />;
  if (!project.data || !questionnaire.data) return <Loading />;
  if (questionnaire.data.status !== 'frozen') return <><PageTitle>{t('paper.title')}</PageTitle><Alert>{t('paper.notFrozen')}</Alert></>;
  const slots = slotsOf(questionnaire.data.definition);
  const focusNext = (i: number) => inputs.current[i + 1]?.focus();
  const onKey = (i: number, s: Slot) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') { e.preventDefault(); focusNext(i); return; }
    if (e.key === 'Backspace' || e.key === 'Delete') { e.preventDefault(); setValues({ ...values, [s.id]: '' }); return; }
    if (!/^\d$/.test(e.key)) return;
    e.preventDefault();
    const typed = `${values[s.id] && s.values.some((v) => String(v.value).startsWith(values[s.id]!) && String(v.value).length > values[s.id]!.length) ? values[s.id] : ''}${e.key}`;
    if (!s.values.some((v) => String(v.value).startsWith(typed))) return;
    setValues({ ...values, [s.id]: typed });
    // Jump on as soon as the number is unambiguous (two digits only where there are more than nine answers).
    if (!s.values.some((v) => String(v.value).length > typed.length && String(v.value).startsWith(typed))) focusNext(i);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setResult(null);
    try {
      const r = await api<TPaperResult>(`/analyses/${id}/paper-entries`, { method: 'POST', body: { sheetNo, code: code || null, answers: answersOf(slots, values), doubleEntry } });
      setResult(r);
      status.reload();
      if (r.status !== 'mismatch') { setValues({}); setSheetNo(''); setCode(''); sheetRef.current?.focus(); }
    } catch (err) { setError(err); }
  };
  const labelOf = (s: Slot) => s.values.find((v) => String(v.value) === values[s.id])?.label.de;
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('analyses.backTo', { title: project.data.title })}</Link></p>
      <PageTitle>{t('paper.title')}</PageTitle>
      <p>{t('paper.intro')}</p>
      <PaperQuestionnaireLinks projectId={id!} questionnaire={questionnaire.data} />
      {status.data && <p role="status">{t('paper.stored', { n: status.data.stored })}</p>}
      {result?.status === 'stored' && <Alert kind="success">{t('paper.savedSheet')}</Alert>}
      {result?.status === 'awaiting_second' && <Alert kind="success">{t('paper.awaitingSecond')}</Alert>}
      {result?.status === 'mismatch' && (
        <Alert kind="error">
          <p>{t('paper.mismatch')}</p>
          <ul>{result.mismatches.map((m) => <li key={m.field}>{m.field}: {t('paper.firstSecond', { first: JSON.stringify(m.first), second: JSON.stringify(m.second) })}</li>)}</ul>
        </Alert>
      )}
      <ErrorAlert error={error} />
      <form className="paper-form" onSubmit={submit} noValidate aria-label={t('paper.form')}>
        <div className="paper-head">
          <label>{t('paper.sheetNo')} <input ref={sheetRef} value={sheetNo} onChange={(e) => setSheetNo(e.target.value)} required /></label>
          <label>{t('paper.code')} <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" /></label>
          <label><input type="checkbox" checked={doubleEntry} onChange={(e) => setDoubleEntry(e.target.checked)} /> {t('paper.double')}</label>
        </div>
        <ol className="paper-slots">{slots.map((s, i) => (
          <li key={s.id}>
            <label htmlFor={`slot-${s.id}`}>{s.label}</label>
            {s.kind === 'text'
              ? <textarea id={`slot-${s.id}`} ref={(el) => { inputs.current[i] = el; }} rows={2} value={values[s.id] ?? ''} onChange={(e) => setValues({ ...values, [s.id]: e.target.value })} />
              : <span className="slot">
                <input id={`slot-${s.id}`} ref={(el) => { inputs.current[i] = el; }} inputMode="numeric" className="key" value={values[s.id] ?? ''} onKeyDown={onKey(i, s)} onChange={() => {}} aria-describedby={`slot-${s.id}-help`} />
                <span id={`slot-${s.id}-help`} className="muted">{labelOf(s) ?? s.values.map((v) => `${v.value} ${v.label.de}`).join(' · ')}</span>
              </span>}
          </li>
        ))}</ol>
        <div className="actions"><button className="btn" type="submit">{t('paper.save')}</button></div>
      </form>
    </>
  );
}
