import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Model } from 'survey-core';
import { api, ApiError } from '../../api.js';
import { Alert, ErrorAlert, Field, PageTitle, fieldError } from '../../ui/components.js';
import type { TOpenedSurvey } from '../../../modules/surveys/surveys.types.js';
import { useText } from './messages.js';
import { appTheme } from './survey-theme.js';

type Runtime = typeof import('./survey-runtime.js');
/** SurveyJS and the map question load once a code is entered: the code form needs none of it. */
const loadRuntime = () => import('./survey-runtime.js');
/** Fetched while the browser is idle after the form is shown, so the questionnaire opens at once. */
function prefetchRuntime() {
  const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 2000));
  idle(() => { void loadRuntime().catch(() => {}); });
}

const SUBMISSION_KEY = 'asskomm.survey.submission';

/** A random id per submission attempt, kept across reloads so that a retry is recognised, never a duplicate. */
function submissionIdFor(code: string) {
  const stored = JSON.parse(sessionStorage.getItem(SUBMISSION_KEY) ?? 'null') as { code: string; id: string } | null;
  if (stored?.code === code) return stored.id;
  const id = crypto.randomUUID();
  sessionStorage.setItem(SUBMISSION_KEY, JSON.stringify({ code, id }));
  return id;
}

const KNOWN_ERRORS = ['code_unknown', 'code_used', 'survey_closed', 'rate_limited', 'questionnaire_changed'] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];

/** The server's messages are German; known ones are shown in the page's language. */
function useLocalisedError(error: unknown): unknown {
  const { t } = useText();
  if (error instanceof ApiError && (KNOWN_ERRORS as readonly string[]).includes(error.code)) {
    return new ApiError(error.status, error.code, t(`survey.error.${error.code as KnownError}`), error.field, error.errors);
  }
  return error;
}

/** The citizens' survey: enter the code from the letter, answer (save and resume), submit anonymously. */
export function SurveyResponsePage() {
  const { t, locale } = useText();
  const [code, setCode] = useState('');
  const [opened, setOpened] = useState<TOpenedSurvey | null>(null);
  const [runtime, setRuntime] = useState<Runtime | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'saved'>('idle');
  const shown = useLocalisedError(error);

  useEffect(() => {
    const fromLetter = new URLSearchParams(window.location.search).get('code');
    if (fromLetter) {
      setCode(fromLetter);
      // The code should not stay in the address bar or the browser history.
      window.history.replaceState(null, '', window.location.pathname);
    }
    prefetchRuntime();
  }, []);

  const open = async (e?: FormEvent) => {
    e?.preventDefault(); setError(null);
    try {
      const [loaded, survey] = await Promise.all([loadRuntime(), api<TOpenedSurvey>('/public/survey/open', { method: 'POST', body: { code } })]);
      setRuntime(loaded); setOpened(survey);
    } catch (err) { setError(err); }
  };

  const model = useMemo(() => {
    if (!opened || !runtime) return null;
    const m = new runtime.Model(opened.surveyJson);
    m.applyTheme(appTheme());
    m.data = opened.answers;
    m.showCompletedPage = false;
    // The page's own step bar (below) replaces SurveyJS's, which does not fit a phone.
    m.showProgressBar = false;
    for (const q of m.getAllQuestions()) if (q instanceof runtime.QuestionFearPlacesModel) q.mapBase = opened.map;
    // Resume where the person stopped.
    if (opened.page > 0 && opened.page < m.visiblePageCount) m.currentPageNo = opened.page;
    return m;
  }, [opened, runtime]);
  // Switching the language keeps the model: the same page, the same answers.
  useEffect(() => { if (model) { model.locale = locale; model.completeText = locale === 'en' ? 'Submit answers' : 'Antworten absenden'; } }, [model, locale]);
  const [pageNo, setPageNo] = useState(0);
  useEffect(() => {
    if (!model) return;
    const show = () => { setPageNo(model.currentPageNo); model.showTitle = model.currentPageNo === 0; };
    show();
    model.onCurrentPageChanged.add(show);
    return () => { model.onCurrentPageChanged.remove(show); };
  }, [model]);

  const submit = async (answers: Record<string, unknown>) => {
    setState('sending'); setError(null);
    try {
      await api('/public/survey/submit', { method: 'POST', body: { code, submissionId: submissionIdFor(code), answers, survey: opened?.survey, revision: opened?.revision } });
      sessionStorage.removeItem(SUBMISSION_KEY);
      setState('done');
    } catch (err) {
      setError(err);
      setState('idle');
      // Answers the server refuses can be corrected: back into the questionnaire with everything kept.
      if (err instanceof ApiError && err.status === 422) model?.clear(false, true);
    }
  };
  useEffect(() => {
    if (!model) return;
    const onComplete = (sender: Model) => { void submit(sender.data as Record<string, unknown>); };
    const onPage = (sender: Model) => { void api('/public/survey/draft', { method: 'PUT', body: { code, answers: sender.data, page: sender.currentPageNo } }).catch(() => {}); };
    model.onComplete.add(onComplete);
    model.onCurrentPageChanged.add(onPage);
    return () => { model.onComplete.remove(onComplete); model.onCurrentPageChanged.remove(onPage); };
  });
  const saveForLater = async () => {
    if (!model) return;
    setError(null);
    try { await api('/public/survey/draft', { method: 'PUT', body: { code, answers: model.data, page: model.currentPageNo } }); setState('saved'); } catch (err) { setError(err); }
  };

  if (state === 'done') {
    return (
      <>
        <PageTitle>{t('survey.thanksTitle')}</PageTitle>
        <Alert kind="success">{t('survey.thanks')}</Alert>
      </>
    );
  }
  if (!opened || !model || !runtime) {
    return (
      <>
        <PageTitle>{t('survey.title')}</PageTitle>
        <p>{t('survey.intro')}</p>
        <form className="stack card" onSubmit={open} noValidate aria-labelledby="code-heading">
          <h2 id="code-heading">{t('survey.codeHeading')}</h2>
          <ErrorAlert error={shown instanceof ApiError && shown.field === 'code' ? null : shown} />
          <Field label={t('survey.code')} hint={t('survey.codeHint')} error={fieldError(shown, 'code')}>
            {(f) => <input id={f.id} value={code} autoComplete="off" autoCapitalize="characters" spellCheck={false} onChange={(e) => setCode(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
          </Field>
          <div className="actions"><button className="btn" type="submit">{t('survey.start')}</button></div>
        </form>
        <p className="muted">{t('survey.privacy')}</p>
      </>
    );
  }
  const total = model.visiblePageCount;
  const first = pageNo === 0;
  return (
    <div className="survey-page">
      <PageTitle>{opened.title}</PageTitle>
      {first && <p className="muted">{t('survey.privacy')}</p>}
      {state === 'saved' && <Alert kind="success">{t('survey.saved')}</Alert>}
      <ErrorAlert error={shown} />
      {state === 'sending' && <p role="status">{t('survey.sending')}</p>}
      {error instanceof ApiError && error.status !== 409 && error.status !== 410 && state === 'idle' && model.state === 'completed' && (
        <button type="button" className="btn" onClick={() => submit(model.data as Record<string, unknown>)}>{t('survey.retry')}</button>
      )}
      {model.state !== 'completed' && total > 1 && (
        <div className="survey-steps">
          <p id="survey-step" className="survey-step-text">{t('survey.step', { n: pageNo + 1, total })}</p>
          <progress max={total} value={pageNo + 1} aria-labelledby="survey-step" />
        </div>
      )}
      <div className="survey-host respondent" lang={locale}><runtime.Survey model={model} /></div>
      {model.state !== 'completed' && <p><button type="button" className="btn secondary" onClick={saveForLater}>{t('survey.saveForLater')}</button></p>}
      {!first && <p className="muted">{t('survey.privacy')}</p>}
    </div>
  );
}
