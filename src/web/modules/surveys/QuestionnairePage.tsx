import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/german';
import { QuestionFearPlacesModel } from './fear-places.js';
import { api } from '../../api.js';
import { useCan } from '../../session.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import { ActionStatus } from '../../ui/action.js';
import type { TElement, TItemContent, TItemList, TMapBase, TProject, TQuestionnaire } from '../../../modules/surveys/surveys.types.js';
import { useText } from './messages.js';
import { appTheme } from './survey-theme.js';
import { PaperQuestionnaireLinks } from './PaperQuestionnaireLinks.js';

/** The questionnaire as respondents will see it, with the analysis's map in the Angsträume question. */
function Preview({ json, map }: { json: Record<string, unknown>; map: TMapBase | null }) {
  const { locale } = useText();
  const model = useMemo(() => {
    const m = new Model(json); m.applyTheme(appTheme()); m.locale = locale; m.showCompletedPage = false;
    for (const q of m.getAllQuestions()) if (q instanceof QuestionFearPlacesModel) q.mapBase = map;
    return m;
  }, [json, locale, map]);
  return <div className="survey-host preview" lang={locale}><Survey model={model} /></div>;
}

function CustomQuestionForm({ onAdd, taken }: { onAdd: (el: TElement) => void; taken: Set<string> }) {
  const { t } = useText();
  const [code, setCode] = useState('X01');
  const [kind, setKind] = useState<'single' | 'multi' | 'text'>('single');
  const [de, setDe] = useState('');
  const [en, setEn] = useState('');
  const [options, setOptions] = useState('1=ja\n0=nein');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^X[A-Z0-9_]{1,19}$/.test(code)) { setError(t('builder.codeRule')); return; }
    if (taken.has(code)) { setError(t('builder.codeTaken', { code })); return; }
    if (!de.trim()) { setError(t('builder.wordingMissing')); return; }
    const scale = kind === 'text' ? [] : options.split('\n').map((l) => /^\s*(\d+)\s*=\s*(.+)$/.exec(l)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ value: Number(m[1]), label: { de: m[2]!.trim(), en: m[2]!.trim() } }));
    if (kind !== 'text' && scale.length < 2) { setError(t('builder.optionsMissing')); return; }
    const content: TItemContent = { dimension: 'custom', kind, wording: { de: de.trim(), en: en.trim() || de.trim() }, scale, notApplicable: null, rows: [] };
    onAdd({ type: 'custom', code, content });
    setError(''); setDe(''); setEn('');
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="custom-q">
      <h3 id="custom-q">{t('builder.custom')}</h3>
      <Field label={t('builder.code')} hint={t('builder.codeRule')}>{(f) => <input id={f.id} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} aria-describedby={f.describedBy} />}</Field>
      <Field label={t('builder.kind')}>{(f) => <select id={f.id} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        <option value="single">{t('builder.kind.single')}</option><option value="multi">{t('builder.kind.multi')}</option><option value="text">{t('builder.kind.text')}</option></select>}</Field>
      <Field label={t('builder.wordingDe')}>{(f) => <textarea id={f.id} rows={2} value={de} onChange={(e) => setDe(e.target.value)} />}</Field>
      <Field label={t('builder.wordingEn')}>{(f) => <textarea id={f.id} rows={2} value={en} onChange={(e) => setEn(e.target.value)} />}</Field>
      {kind !== 'text' && <Field label={t('builder.options')} hint={t('builder.optionsHint')}>{(f) => <textarea id={f.id} rows={4} value={options} onChange={(e) => setOptions(e.target.value)} aria-describedby={f.describedBy} />}</Field>}
      <div className="actions"><button type="submit" className="btn secondary">{t('builder.addCustom')}</button></div>
      <ActionStatus error={error || null} />
    </form>
  );
}

export function QuestionnairePage() {
  const { id } = useParams();
  const { t } = useText();
  const can = useCan();
  const project = useApi<TProject>(`/analyses/${id}`);
  const loaded = useApi<TQuestionnaire>(`/analyses/${id}/questionnaire`);
  const areas = useApi<TMapBase>(`/analyses/${id}/map`);
  const bank = useApi<TItemList>(can('surveys.items.read') ? '/survey-items?limit=500' : null);
  const [q, setQ] = useState<TQuestionnaire | null>(null);
  const [elements, setElements] = useState<TElement[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const current = q ?? loaded.data;
  if (loaded.error) return <><PageTitle>{t('notFound.title')}</PageTitle><ErrorAlert error={loaded.error} /></>;
  if (!current || !project.data) return <Loading />;
  const els = elements ?? current.elements;
  const editable = project.data.can.work && current.status !== 'frozen';
  const labels = { elements: t('builder.elements'), 'elements.*.code': `${t('builder.code')} {n}` };
  const wording = (el: TElement) => el.type === 'page' ? el.title.de : el.type === 'custom' ? el.content.wording.de : bank.data?.items.find((i) => i.code === el.code)?.wording.de ?? current.definition.pages.flatMap((p) => p.questions).find((x) => x.code === el.code)?.content.wording.de ?? el.code;
  const name = (el: TElement) => el.type === 'page' ? `${t('builder.page')} ${el.title.de}` : `${el.code}: ${wording(el)}`;
  const codes = new Set(els.filter((e) => e.type !== 'page').map((e) => (e as { code: string }).code));
  const move = (i: number, by: number) => { const next = [...els]; const [x] = next.splice(i, 1); next.splice(i + by, 0, x!); setElements(next); };
  const save = async () => {
    setError(null); setMessage('');
    try { const saved = await api<TQuestionnaire>(`/analyses/${id}/questionnaire`, { method: 'PUT', body: { title: current.title, intro: current.intro, elements: els, version: current.version } }); setQ(saved); setElements(null); setMessage(t('builder.saved')); } catch (e) { setError(e); }
  };
  const freeze = async () => {
    if (!window.confirm(t('builder.freezeConfirm'))) return;
    setError(null); setMessage('');
    try { setQ(await api<TQuestionnaire>(`/analyses/${id}/field-phase`, { method: 'POST', body: { version: current.version } })); setMessage(t('builder.frozen')); } catch (e) { setError(e); }
  };
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('analyses.backTo', { title: project.data.title })}</Link></p>
      <PageTitle>{t('builder.title', { revision: current.revision })}</PageTitle>
      {current.status === 'frozen' ? <Alert>{t('builder.isFrozen')}</Alert> : <p>{t('builder.intro')}</p>}
      {project.data.can.work && <PaperQuestionnaireLinks projectId={id!} questionnaire={current} />}
      {!editable && <ActionStatus error={error} success={message} labels={labels} />}
      <div className="builder">
        <section aria-labelledby="elements-heading">
          <h2 id="elements-heading">{t('builder.elements')}</h2>
          {fieldError(error, 'elements') && <Alert kind="error">{fieldError(error, 'elements')}</Alert>}
          <ol className="elements">{els.map((el, i) => (
            <li key={`${el.type}-${'code' in el ? el.code : i}-${i}`} className={el.type === 'page' ? 'page-break' : ''}>
              <span><strong>{el.type === 'page' ? t('builder.page') : (el as { code: string }).code}</strong> {wording(el)}{el.type === 'item' ? <span className="muted"> (v{el.itemVersion})</span> : null}</span>
              {editable && (
                <span className="row-actions">
                  <button type="button" className="linkish" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('builder.up', { name: name(el) })}>↑</button>
                  <button type="button" className="linkish" disabled={i === els.length - 1} onClick={() => move(i, 1)} aria-label={t('builder.down', { name: name(el) })}>↓</button>
                  <button type="button" className="linkish" onClick={() => setElements(els.filter((_, j) => j !== i))} aria-label={t('builder.remove', { name: name(el) })}>{t('builder.removeShort')}</button>
                </span>
              )}
            </li>
          ))}</ol>
          {editable && (
            <div className="actions">
              <button type="button" className="btn secondary" onClick={() => setElements([...els, { type: 'page', title: { de: 'Weitere Fragen', en: 'More questions' } }])}>{t('builder.addPage')}</button>
              <button type="button" className="btn" onClick={save}>{t('builder.save')}</button>
              <button type="button" className="btn danger" onClick={freeze} disabled={!!elements}>{t('builder.freeze')}</button>
            </div>
          )}
          {editable && <ActionStatus error={error} success={message} labels={labels} />}
        </section>
        {editable && bank.data && (
          <section aria-labelledby="bank-heading">
            <h2 id="bank-heading">{t('builder.bank')}</h2>
            <ul className="plain bank">{bank.data.items.filter((i) => i.active).map((i) => (
              <li key={i.code}>
                <button type="button" className="linkish" disabled={codes.has(i.code)} onClick={() => setElements([...els, { type: 'item', code: i.code, itemVersion: i.itemVersion }])} aria-label={t('builder.addItem', { code: i.code })}>{codes.has(i.code) ? '✓' : '+'}</button>
                {' '}<strong>{i.code}</strong> {i.wording.de}
              </li>
            ))}</ul>
            <CustomQuestionForm taken={codes} onAdd={(el) => setElements([...els, el])} />
          </section>
        )}
      </div>
      <h2>{t('builder.preview')}</h2>
      <p className="muted">{elements ? t('builder.previewUnsaved') : t('builder.previewHint')}</p>
      <Preview json={current.surveyJson} map={areas.data ?? null} />
    </>
  );
}
