import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Model } from 'survey-core';
import { api, ApiError } from '../../api.js';
import { Alert, ErrorAlert, Field, PageTitle, fieldError } from '../../ui/components.js';
import type { TOpenedSurvey } from '../../../modules/surveys/surveys.types.js';
import { useText } from './messages.js';

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
    m.data = opened.answers;
    m.completeText = locale === 'en' ? 'Submit answers' : 'Antworten absenden';
    m.showCompletedPage = false;
    return m;
  }, [opened, runtime, locale]);
  useEffect(() => { if (model) model.locale = locale; }, [model, locale]);

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
    const onPage = (sender: Model) => { void api('/public/survey/draft', { method: 'PUT', body: { code, answers: sender.data } }).catch(() => {}); };
    model.onComplete.add(onComplete);
    model.onCurrentPageChanged.add(onPage);
    return () => { model.onComplete.remove(onComplete); model.onCurrentPageChanged.remove(onPage); };
  });
  const saveForLater = async () => {
    if (!model) return;
    setError(null);
    try { await api('/public/survey/draft', { method: 'PUT', body: { code, answers: model.data } }); setState('saved'); } catch (err) { setError(err); }
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
  return (
    <>
      <PageTitle>{opened.title}</PageTitle>
      <p className="muted">{t('survey.privacy')}</p>
      {state === 'saved' && <Alert kind="success">{t('survey.saved')}</Alert>}
      <ErrorAlert error={shown} />
      {state === 'sending' && <p role="status">{t('survey.sending')}</p>}
      {error instanceof ApiError && error.status !== 409 && error.status !== 410 && state === 'idle' && model.state === 'completed' && (
        <button type="button" className="btn" onClick={() => submit(model.data as Record<string, unknown>)}>{t('survey.retry')}</button>
      )}
      <div className="survey-host" lang={locale}><runtime.Survey model={model} /></div>
      {model.state !== 'completed' && <p><button type="button" className="btn secondary" onClick={saveForLater}>{t('survey.saveForLater')}</button></p>}
    </>
  );
}
