import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { todayIso } from '../../../lib/dates.js';
import { api, formatDate } from '../../api.js';
import { useCan, useSession } from '../../session.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { CommunePicker, type CommuneRef } from '../../ui/CommunePicker.js';
import { TopicChecklist } from '../../ui/TopicChecklist.js';
import { useApi } from '../../useApi.js';
import { ListFilter, Pager, SortHeader, useListQuery } from '../../ui/PagedList.js';
import type { TCoach, TCoachCandidate, TCoachingList, TCoachingProcess } from '../../../modules/alliance/coaching/coaching.types.js';
import type { TFieldOfAction, TPerson } from '../../../modules/alliance/admin/admin.types.js';
import { useText } from './messages.js';

const STATES = ['requested', 'matched', 'running', 'completed', 'cancelled'] as const satisfies readonly TCoachingProcess['status'][];

function RequestForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useText();
  const { user } = useSession();
  const can = useCan();
  const navigate = useNavigate();
  // A commune's coordinator asks for their own commune; the LPR (who matches) picks one.
  const ownAgs = can('alliance.coaching.manage') ? null : user?.grants.find((g) => g.scopeType === 'commune')?.scopeId ?? null;
  const [commune, setCommune] = useState<CommuneRef[]>(ownAgs ? [{ ags: ownAgs, name: ownAgs }] : []);
  const [reason, setReason] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [coacheeUserId, setCoachee] = useState('');
  const [error, setError] = useState<unknown>(null);
  const ags = commune[0]?.ags ?? null;
  const coachees = useApi<{ items: TPerson[] }>(ags ? `/coaching/coachees?ags=${ags}` : null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      const p = await api<TCoachingProcess>('/coaching', { method: 'POST', body: { ags: ags ?? '', reason, topics, coacheeUserId: coacheeUserId || null } });
      navigate(`/coaching/${p.id}`);
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="coaching-request">
      <h2 id="coaching-request">{t('coaching.request')}</h2>
      <CommunePicker legend={t('coaching.commune')} value={commune} onChange={setCommune} single error={fieldError(error, 'ags')} />
      <Field label={t('coaching.reason')} error={fieldError(error, 'reason')}>{(f) => <textarea id={f.id} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
      <TopicChecklist legend={t('coaching.topics')} value={topics} onChange={setTopics} />
      <Field label={t('coaching.coachee')} hint={t('coaching.coacheeHint')} error={fieldError(error, 'coacheeUserId')}>
        {(f) => <select id={f.id} value={coacheeUserId} onChange={(e) => setCoachee(e.target.value)} aria-describedby={f.describedBy}>
          <option value="">{t('coaching.coacheeLater')}</option>{coachees.data?.items.map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
        </select>}
      </Field>
      <div className="actions">
        <button className="btn" type="submit">{t('coaching.send')}</button>
        <button className="btn secondary" type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
      <ActionStatus error={error} labels={{ ags: t('coaching.commune'), reason: t('coaching.reason'), topics: t('coaching.topics'), coacheeUserId: t('coaching.coachee') }} />
    </form>
  );
}

export function CoachingPage() {
  const { t, locale } = useText();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const query = useListQuery({ sort: 'requestedOn', dir: 'desc', filters: ['status'] as const });
  const status = query.filters.status;
  const list = useApi<TCoachingList>(`/coaching?${query.apiQuery}`);
  const sortBy = (sort: string, dir: 'asc' | 'desc') => query.set({ sort, dir });
  return (
    <>
      <PageTitle>{t('coaching.title')}</PageTitle>
      <p>{t('coaching.intro')}</p>
      {can('alliance.coachPool.manage') && <p><Link to="/coaching/pool">{t('coaching.pool')}</Link></p>}
      {can('alliance.coaching.request') && !creating && <p><button className="btn" type="button" onClick={() => setCreating(true)}>{t('coaching.request')}</button></p>}
      {creating && <RequestForm onCancel={() => setCreating(false)} />}
      <div className="filters">
        <ListFilter label={t('coaching.filter')} value={query.q} onChange={(q) => query.set({ q })} />
        <Field label={t('coaching.status')}>
          {(f) => <select id={f.id} value={status} onChange={(e) => query.set({ status: e.target.value })}>
            <option value="">{t('coaching.allStates')}</option>
            {STATES.map((s) => <option key={s} value={s}>{t(`coaching.status.${s}`)}</option>)}
          </select>}
        </Field>
      </div>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (<>
        <ScrollRegion label={t('coaching.title')}>
          <table>
            <caption>{t('coaching.count', { n: list.data.total })}</caption>
            <thead><tr><SortHeader label={t('coaching.commune')} column="commune" sort={query.sort} dir={query.dir} onSort={sortBy} />
              <SortHeader label={t('coaching.status')} column="status" sort={query.sort} dir={query.dir} onSort={sortBy} /><th scope="col">{t('coaching.coach')}</th>
              <SortHeader label={t('coaching.requestedOn')} column="requestedOn" sort={query.sort} dir={query.dir} onSort={sortBy} /><th scope="col">{t('coaching.topics')}</th></tr></thead>
            <tbody>{list.data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row"><Link to={`/coaching/${p.id}`}>{p.commune.name}</Link></th>
                <td>{p.statusLabel}</td><td>{p.coach?.name ?? '–'}</td><td>{formatDate(p.requestedOn, locale)}</td><td>{p.topics.map((x) => x.label).join(', ')}</td>
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('coaching.count', { n: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}

export function CoachingProcessPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const loaded = useApi<TCoachingProcess>(`/coaching/${id}`);
  const candidates = useApi<{ items: TCoachCandidate[] }>(loaded.data?.can.manage ? `/coaching/${id}/candidates` : null);
  const [p, setP] = useState<TCoachingProcess | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [coachId, setCoachId] = useState('');
  const [session, setSession] = useState({ heldOn: todayIso(), participants: '', notes: '', nextSteps: '' });
  const [sessionTopics, setSessionTopics] = useState<string[]>([]);
  const [feedback, setFeedback] = useState({ goalsReached: 0, satisfaction: 0, wouldRecommend: true, comment: '' });
  /** The form whose action ran last: its message is shown there (or below the facts once that form is gone). */
  const [at, setAt] = useState<'match' | 'session' | 'feedback'>('match');
  const process = p ?? loaded.data;
  if (loaded.error) return <><PageTitle>{t('notFound.title')}</PageTitle><ErrorAlert error={loaded.error} /></>;
  if (!process) return <Loading />;
  const run = async (path: string, body: unknown, msg: string, section: typeof at) => {
    setError(null); setMessage(''); setAt(section);
    try { setP(await api<TCoachingProcess>(path, { method: 'POST', body })); setMessage(msg); candidates.reload(); } catch (e) { setError(e); }
  };
  const canFeedback = process.can.feedback && process.status === 'completed' && !process.feedback;
  const shown = { match: process.can.manage && (process.status === 'requested' || process.status === 'matched'), session: process.can.run && (process.status === 'matched' || process.status === 'running'), feedback: canFeedback };
  const labels = { coachId: t('coaching.candidates'), heldOn: t('coaching.sessionDate'), participants: t('coaching.participants'), notes: t('coaching.notes'), nextSteps: t('coaching.nextSteps'), goalsReached: t('coaching.fb.goalsReached'), satisfaction: t('coaching.fb.satisfaction'), comment: t('coaching.fb.comment') };
  const status = (section: typeof at) => at === section && <ActionStatus error={error} success={message} labels={labels} />;
  return (
    <>
      <p><Link to="/coaching">{t('coaching.back')}</Link></p>
      <PageTitle>{t('coaching.processTitle', { name: process.commune.name })}</PageTitle>
      <dl className="facts">
        <dt>{t('coaching.status')}</dt><dd>{process.statusLabel}</dd>
        <dt>{t('coaching.requestedOn')}</dt><dd>{formatDate(process.requestedOn, locale)}</dd>
        <dt>{t('coaching.reason')}</dt><dd>{process.reason}</dd>
        <dt>{t('coaching.topics')}</dt><dd>{process.topics.map((x) => x.label).join(', ') || '–'}</dd>
        <dt>{t('coaching.coach')}</dt><dd>{process.coach ? `${process.coach.name} (${process.coach.organisation})` : '–'}</dd>
        <dt>{t('coaching.coachee')}</dt><dd>{process.coachee.name || '–'}</dd>
        {process.startedOn && <><dt>{t('coaching.startedOn')}</dt><dd>{formatDate(process.startedOn, locale)}</dd></>}
        {process.endedOn && <><dt>{t('coaching.endedOn')}</dt><dd>{formatDate(process.endedOn, locale)} {process.endNote}</dd></>}
      </dl>
      {!shown[at] && <ActionStatus error={error} success={message} labels={labels} />}
      {process.can.manage && (process.status === 'requested' || process.status === 'matched') && (
        <form className="stack card wide" noValidate aria-labelledby="match-heading" onSubmit={(e) => { e.preventDefault(); void run(`/coaching/${process.id}/transitions`, { action: 'match', version: process.version, coachId }, t('coaching.matched'), 'match'); }}>
          <h2 id="match-heading">{t('coaching.match')}</h2>
          <fieldset className="field">
            <legend>{t('coaching.candidates')}</legend>
            <span className="hint">{t('coaching.candidatesHint')}</span>
            {fieldError(error, 'coachId') && <span className="error">{fieldError(error, 'coachId')}</span>}
            {candidates.data?.items.slice(0, 8).map((c) => (
              <label key={c.id} className="candidate">
                <input type="radio" name="coach" value={c.id} checked={coachId === c.id} onChange={() => setCoachId(c.id)} />
                <span><strong>{c.name}</strong> ({c.organisation}) – {t('coaching.load', { load: c.load, capacity: c.capacity })}
                  <span className="visually-hidden">. {t('coaching.why')}:</span>
                  <span className="reasons muted">{c.reasons.map((r) => <span key={r}>{r}</span>)}</span></span>
              </label>
            ))}
          </fieldset>
          <div className="actions"><button type="submit" className="btn" disabled={!coachId}>{t('coaching.assign')}</button></div>
          {status('match')}
        </form>
      )}
      {process.can.run && (process.status === 'matched' || process.status === 'running') && (
        <form className="stack card wide" noValidate aria-labelledby="session-heading" onSubmit={(e) => {
          e.preventDefault();
          void run(`/coaching/${process.id}/sessions`, { ...session, topics: sessionTopics }, t('coaching.sessionLogged'), 'session').then(() => setSession({ heldOn: todayIso(), participants: '', notes: '', nextSteps: '' }));
        }}>
          <h2 id="session-heading">{t('coaching.logSession')}</h2>
          <Field label={t('coaching.sessionDate')} error={fieldError(error, 'heldOn')}>{(f) => <input id={f.id} type="date" max={todayIso()} value={session.heldOn} onChange={(e) => setSession({ ...session, heldOn: e.target.value })} />}</Field>
          <Field label={t('coaching.participants')} error={fieldError(error, 'participants')}>{(f) => <input id={f.id} value={session.participants} onChange={(e) => setSession({ ...session, participants: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
          <TopicChecklist legend={t('coaching.topics')} value={sessionTopics} onChange={setSessionTopics} />
          <Field label={t('coaching.notes')}>{(f) => <textarea id={f.id} rows={3} value={session.notes} onChange={(e) => setSession({ ...session, notes: e.target.value })} />}</Field>
          <Field label={t('coaching.nextSteps')}>{(f) => <textarea id={f.id} rows={2} value={session.nextSteps} onChange={(e) => setSession({ ...session, nextSteps: e.target.value })} />}</Field>
          <div className="actions">
            <button type="submit" className="btn">{t('coaching.saveSession')}</button>
            {process.status === 'running' && <button type="button" className="btn secondary" onClick={() => run(`/coaching/${process.id}/transitions`, { action: 'complete', version: process.version }, t('coaching.completed'), 'session')}>{t('coaching.complete')}</button>}
            {process.can.manage && <button type="button" className="btn danger" onClick={() => run(`/coaching/${process.id}/transitions`, { action: 'cancel', version: process.version }, t('coaching.cancelled'), 'session')}>{t('coaching.cancel')}</button>}
          </div>
          {status('session')}
        </form>
      )}
      <h2>{t('coaching.sessions')}</h2>
      {process.sessions.length === 0 ? <p>{t('coaching.noSessions')}</p> : (
        <ol className="sessions">{process.sessions.map((s) => (
          <li key={s.id}><strong>{formatDate(s.heldOn, locale)}</strong> – {s.participants}{s.topics.length > 0 && ` · ${s.topics.map((x) => x.label).join(', ')}`}
            {s.notes && <p>{s.notes}</p>}{s.nextSteps && <p>{t('coaching.nextSteps')}: {s.nextSteps}</p>}</li>
        ))}</ol>
      )}
      {process.feedback && (
        <section aria-labelledby="feedback-heading"><h2 id="feedback-heading">{t('coaching.feedback')}</h2>
          <p>{t('coaching.feedbackSummary', { goals: process.feedback.goalsReached, satisfaction: process.feedback.satisfaction })} {process.feedback.wouldRecommend ? t('coaching.recommends') : ''}</p>
          {process.feedback.comment && <blockquote>{process.feedback.comment}</blockquote>}
        </section>
      )}
      {canFeedback && (
        <form className="stack card wide" noValidate aria-labelledby="feedback-form" onSubmit={(e) => { e.preventDefault(); void run(`/coaching/${process.id}/feedback`, feedback, t('coaching.feedbackThanks'), 'feedback'); }}>
          <h2 id="feedback-form">{t('coaching.feedback')}</h2>
          {(['goalsReached', 'satisfaction'] as const).map((k) => (
            <fieldset key={k} className="field scale">
              <legend>{t(`coaching.fb.${k}`)}</legend>
              {fieldError(error, k) && <span className="error">{fieldError(error, k)}</span>}
              {[1, 2, 3, 4, 5].map((n) => <label key={n}><input type="radio" name={k} checked={feedback[k] === n} onChange={() => setFeedback({ ...feedback, [k]: n })} /> {n}</label>)}
            </fieldset>
          ))}
          <label><input type="checkbox" checked={feedback.wouldRecommend} onChange={(e) => setFeedback({ ...feedback, wouldRecommend: e.target.checked })} /> {t('coaching.fb.recommend')}</label>
          <Field label={t('coaching.fb.comment')}>{(f) => <textarea id={f.id} rows={3} value={feedback.comment} onChange={(e) => setFeedback({ ...feedback, comment: e.target.value })} />}</Field>
          <div className="actions"><button type="submit" className="btn">{t('coaching.fb.send')}</button></div>
          {status('feedback')}
        </form>
      )}
    </>
  );
}

export function CoachPoolPage() {
  const { t } = useText();
  const list = useApi<{ items: TCoach[] }>('/coaches');
  const fields = useApi<{ items: TFieldOfAction[] }>('/fields-of-action');
  const districts = useApi<{ items: { ags: string; name: string }[] }>('/districts');
  const label = new Map(fields.data?.items.map((f) => [f.id, f.label]) ?? []);
  const dname = new Map(districts.data?.items.map((d) => [d.ags, d.name]) ?? []);
  const [form, setForm] = useState({ name: '', organisation: 'Institut B3', email: '', capacity: 2 });
  const [competencies, setCompetencies] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [at, setAt] = useState<'pool' | 'add'>('add');
  const toggle = async (c: TCoach) => {
    setError(null); setMessage(''); setAt('pool');
    try {
      await api(`/coaches/${c.id}`, { method: 'PUT', body: { name: c.name, organisation: c.organisation, email: c.email, userId: c.userId, competencies: c.competencies, regions: c.regions, capacity: c.capacity, active: !c.active, version: c.version } });
      setMessage(t('coaching.coachSaved')); list.reload();
    } catch (err) { setError(err); }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null); setMessage(''); setAt('add');
    try {
      await api('/coaches', { method: 'POST', body: { ...form, competencies, regions: [] } });
      setMessage(t('coaching.coachAdded')); setForm({ name: '', organisation: 'Institut B3', email: '', capacity: 2 }); setCompetencies([]); list.reload();
    } catch (err) { setError(err); }
  };
  return (
    <>
      <p><Link to="/coaching">{t('coaching.back')}</Link></p>
      <PageTitle>{t('coaching.pool')}</PageTitle>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (
        <ScrollRegion label={t('coaching.pool')}>
          <table>
            <caption>{t('coaching.poolCount', { n: list.data.items.length })}</caption>
            <thead><tr><th scope="col">{t('coaching.coach')}</th><th scope="col">{t('coaching.organisation')}</th><th scope="col">{t('coaching.competencies')}</th><th scope="col">{t('coaching.regions')}</th><th scope="col" className="num">{t('coaching.loadCol')}</th><th scope="col">{t('consultations.actions')}</th></tr></thead>
            <tbody>{list.data.items.map((c) => (
              <tr key={c.id}><th scope="row">{c.name}{!c.active ? ` (${t('coaching.inactive')})` : ''}</th><td>{c.organisation}</td>
                <td>{c.competencies.map((k) => label.get(k) ?? k).join(', ')}</td><td>{c.regions.length ? c.regions.map((r) => dname.get(r) ?? r).join(', ') : t('coaching.statewide')}</td>
                <td className="num">{c.load} / {c.capacity}</td>
                <td><button type="button" className="linkish" onClick={() => toggle(c)}>{c.active ? t('coaching.pause', { name: c.name }) : t('coaching.resume', { name: c.name })}</button></td></tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      )}
      {at === 'pool' && <ActionStatus error={error} success={message} />}
      <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="add-coach">
        <h2 id="add-coach">{t('coaching.addCoach')}</h2>
        <Field label={t('coaching.coachName')} error={fieldError(error, 'name')}>{(f) => <input id={f.id} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
        <Field label={t('coaching.organisation')} error={fieldError(error, 'organisation')}>{(f) => <input id={f.id} value={form.organisation} onChange={(e) => setForm({ ...form, organisation: e.target.value })} />}</Field>
        <Field label={t('coaching.email')} error={fieldError(error, 'email')}>{(f) => <input id={f.id} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
        <Field label={t('coaching.capacity')} error={fieldError(error, 'capacity')}>{(f) => <input id={f.id} type="number" min={0} max={50} value={form.capacity} onChange={(e) => setForm({ ...form, capacity: Number(e.target.value) })} />}</Field>
        <TopicChecklist legend={t('coaching.competencies')} value={competencies} onChange={setCompetencies} />
        <div className="actions"><button type="submit" className="btn">{t('coaching.addCoach')}</button></div>
        {at === 'add' && <ActionStatus error={error} success={message} labels={{ name: t('coaching.coachName'), organisation: t('coaching.organisation'), email: t('coaching.email'), capacity: t('coaching.capacity'), competencies: t('coaching.competencies') }} />}
      </form>
    </>
  );
}
