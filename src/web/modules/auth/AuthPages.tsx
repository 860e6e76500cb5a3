import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.js';
import { useText } from './messages.js';
import { useSession } from '../../session.js';
import { Alert, ErrorAlert, Field, PageTitle, fieldError } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import type { TMessage, TProviders, TSessionInfo } from '../../../modules/auth/auth.types.js';
import { NEXT_PARAM, safeNextPath } from '../../app/next-path.js';

/** A locked account (too many failures): the end of the lock in the page's language and time format. */
function useLoginError(error: unknown): unknown {
  const { t, locale } = useText();
  if (error instanceof ApiError && error.code === 'too_many_attempts' && typeof error.extra.lockedUntil === 'string') {
    const until = new Date(Math.ceil(Date.parse(error.extra.lockedUntil) / 60_000) * 60_000); // never earlier than the lock ends
    const time = until.toLocaleTimeString(locale === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit' });
    const sameDay = until.toDateString() === new Date().toDateString();
    const when = sameDay ? time : `${until.toLocaleDateString(locale === 'en' ? 'en-GB' : 'de-DE')}, ${time}`;
    return new ApiError(error.status, error.code, t('login.locked', { time: when }), error.field, error.errors, error.extra);
  }
  return error;
}

export function LoginPage() {
  const { t } = useText();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const providers = useApi<TProviders>('/auth/providers');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [rawError, setError] = useState<unknown>(null);
  const error = useLoginError(rawError);
  const [busy, setBusy] = useState(false);
  // A protected page sent the visitor here: back there after login (only a path on this site).
  const next = safeNextPath(params.get(NEXT_PARAM));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      setSession(await api<TSessionInfo>('/auth/login', { method: 'POST', body: { email, password } }));
      navigate(next, { replace: true });
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const oidcError = params.get('fehler');
  return (
    <>
      <PageTitle>{t('login.title')}</PageTitle>
      {oidcError && <Alert kind="error">{t('login.oidcError', { code: oidcError })}</Alert>}
      {next !== '/' && <Alert>{t('loginRequired')}</Alert>}
      <ErrorAlert error={error} />
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('login.email')} error={fieldError(error, 'email')}>
          {(f) => <input id={f.id} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <Field label={t('login.password')} error={fieldError(error, 'password')}>
          {(f) => <input id={f.id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <div><button className="btn" type="submit" disabled={busy}>{t('login.submit')}</button></div>
      </form>
      <p><Link to="/passwort-vergessen">{t('login.forgot')}</Link></p>
      {providers.data?.oidc && <p>{t('login.or')} <a className="btn secondary" href={next === '/' ? providers.data.oidc.loginUrl : `${providers.data.oidc.loginUrl}?returnTo=${encodeURIComponent(next)}`}>{providers.data.oidc.label}</a></p>}
    </>
  );
}

export function PasswordResetPage() {
  const { t } = useText();
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try { setDone((await api<TMessage>('/auth/password-reset', { method: 'POST', body: { email } })).message); } catch (err) { setError(err); }
  };
  return (
    <>
      <PageTitle>{t('reset.title')}</PageTitle>
      <p>{t('reset.intro')}</p>
      {done && <Alert kind="success">{done}</Alert>}
      <ErrorAlert error={error} />
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('login.email')} error={fieldError(error, 'email')}>
          {(f) => <input id={f.id} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <div><button className="btn" type="submit">{t('reset.submit')}</button></div>
      </form>
    </>
  );
}

export function NewPasswordPage() {
  const { t } = useText();
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mismatch = repeat !== '' && repeat !== password;
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    if (mismatch) return;
    try { await api('/auth/password-reset/confirm', { method: 'POST', body: { token: params.get('token') ?? '', password } }); setDone(true); } catch (err) { setError(err); }
  };
  return (
    <>
      <PageTitle>{params.get('einladung') ? t('newPassword.inviteTitle') : t('newPassword.title')}</PageTitle>
      {done ? <Alert kind="success">{t('newPassword.done')} <Link to="/anmelden">{t('nav.login')}</Link></Alert> : (
        <>
          <ErrorAlert error={error} />
          <form className="stack" onSubmit={submit} noValidate>
            <Field label={t('newPassword.password')} error={fieldError(error, 'password')}>
              {(f) => <input id={f.id} type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
            </Field>
            <Field label={t('newPassword.repeat')} error={mismatch ? t('newPassword.mismatch') : undefined}>
              {(f) => <input id={f.id} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
            </Field>
            <div><button className="btn" type="submit">{t('newPassword.submit')}</button></div>
          </form>
        </>
      )}
    </>
  );
}
