import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDate, formatDateTime } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { ActionStatus, useAction } from '../../ui/action.js';
import { ListFilter, Pager, useListQuery } from '../../ui/PagedList.js';
import { useApi } from '../../useApi.js';
import { CouncilNav, dateOrDash, pagedQuery } from './parts.js';
import { useCouncil } from './CouncilPage.js';
import { voteText } from './MeetingPage.js';
import { NEXT_TRACK, type CouncilDetail, type Decision, type Paged } from './types.js';
import type { TDecisionTrackState } from '../../../modules/councils/councils.types.js';
import { useText } from './messages.js';

const FILTERS = ['open', 'overdue', 'offen', 'in_arbeit', 'erledigt', 'nicht_umgesetzt', 'all'] as const;

function TrackForm({ council, decision, onSaved }: { council: CouncilDetail; decision: Decision; onSaved: (d: Decision) => void }) {
  const { t } = useText();
  const current = (decision.trackState ?? 'offen') as TDecisionTrackState;
  const [state, setState] = useState<TDecisionTrackState>(current);
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const saved = await api<Decision>(`/councils/${council.id}/decisions/${decision.id}/tracking`, { method: 'PUT', body: { state, note, version: decision.version } });
      setNote(''); onSaved(saved);
      return saved;
    }, (saved) => t('track.saved', { state: saved.trackStateLabel ?? t(`track.${state}`) }));
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('track.formOf', { decision: decision.number || decision.text.slice(0, 60) })}>
      <div className="grid-2">
        <Field label={t('track.state')} error={fieldError(action.error, 'state')}>
          {(f) => <select id={f.id} value={state} onChange={(e) => setState(e.target.value as TDecisionTrackState)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
            {[current, ...NEXT_TRACK[current]].map((s) => <option key={s} value={s}>{s === current ? t('track.keep', { state: t(`track.${s}`) }) : t(`track.${s}`)}</option>)}</select>}
        </Field>
        <Field label={t('track.note')} hint={t('track.noteHint')} error={fieldError(action.error, 'note')}>
          {(f) => <input id={f.id} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
      </div>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('track.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ state: t('track.state'), note: t('track.note') }} />
    </form>
  );
}

/** One tracked decision: what, when, who, by when, how far; its history; the progress form for its owner. */
function DecisionCard({ council, decision, onSaved }: { council: CouncilDetail; decision: Decision; onSaved: (d: Decision) => void }) {
  const { t, locale } = useText();
  const d = decision;
  return (
    <li className={d.overdue ? 'card overdue' : 'card'}>
      <h2>{d.number ? `${d.number}: ` : ''}{d.text.length > 140 ? `${d.text.slice(0, 140)} …` : d.text}</h2>
      <dl className="facts">
        <dt>{t('decisions.meeting')}</dt><dd><Link to={`/praeventionsraete/${council.id}/sitzungen/${d.meeting.id}`}>{formatDate(d.meeting.startsAt, locale)} · {d.meeting.title}</Link></dd>
        <dt>{t('decision.voteMode')}</dt><dd>{voteText(d, t)}</dd>
        <dt>{t('decision.owner')}</dt><dd>{d.owner?.name ?? '–'}</dd>
        {d.recommendation && <><dt>{t('decision.recommendation')}</dt><dd>{d.recommendation.title}</dd></>}
        <dt>{t('decision.dueOn')}</dt><dd>{dateOrDash(d.dueOn, locale)}{d.overdue ? ` (${t('decisions.overdue')})` : ''}</dd>
        <dt>{t('track.state')}</dt><dd>{d.trackStateLabel ?? '–'}{d.doneOn ? ` (${formatDate(d.doneOn, locale)})` : ''}</dd>
        {d.trackNote && <><dt>{t('track.note')}</dt><dd>{d.trackNote}</dd></>}
      </dl>
      {d.history.length > 0 && <details><summary>{t('decisions.history', { count: d.history.length })}</summary>
        <ol className="timeline">{d.history.map((h, i) => <li key={i}><time dateTime={h.at}>{formatDateTime(h.at, locale)}</time> {h.stateLabel}{h.byName ? ` (${h.byName})` : ''}{h.note ? ` – ${h.note}` : ''}</li>)}</ol>
      </details>}
      {d.canTrack && d.trackState && <TrackForm council={council} decision={d} onSaved={onSaved} />}
    </li>
  );
}

/** Beschlusskontrolle: the council's tracked decisions with owner, due date and progress; owners and the coordination move them on. */
export function DecisionsPage() {
  const { id } = useParams();
  const { t } = useText();
  const council = useCouncil(id);
  const query = useListQuery({ sort: 'dueOn', filters: ['stand'] as const });
  const list = useApi<Paged<Decision>>(`/councils/${id}/decisions?${pagedQuery(query, { state: query.filters.stand })}`);
  // A saved decision is shown in place (it stays in view even when it leaves the chosen filter, until the list reloads).
  const [saved, setSaved] = useState<Record<string, Decision>>({});
  if (council.error) return <><PageTitle>{t('decisions.title')}</PageTitle><ErrorAlert error={council.error} /></>;
  if (!council.data) return <Loading />;
  const c = council.data;
  return (
    <>
      <p><Link to={`/praeventionsraete/${c.id}`}>{t('body.back', { name: c.name })}</Link></p>
      <PageTitle>{t('decisions.titleOf', { name: c.name })}</PageTitle>
      <CouncilNav id={c.id} name={c.name} />
      <p>{t('decisions.intro')}</p>
      <div className="filters">
        <ListFilter label={t('decisions.filter')} value={query.q} onChange={(q) => query.set({ q })} />
        <Field label={t('decisions.show')}>
          {(f) => <select id={f.id} value={query.filters.stand || 'open'} onChange={(e) => query.set({ stand: e.target.value === 'open' ? '' : e.target.value })}>
            {FILTERS.map((s) => <option key={s} value={s}>{t(`decisions.filter.${s}`)}</option>)}</select>}
        </Field>
      </div>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (<>
        <p>{t('decisions.count', { count: list.data.total })}</p>
        {list.data.items.length === 0 && <p>{t('decisions.noneTracked')}</p>}
        <ul className="plain decision-list">{list.data.items.map((d) => (
          <DecisionCard key={d.id} council={c} decision={saved[d.id] ?? d} onSaved={(x) => setSaved((s) => ({ ...s, [x.id]: x }))} />
        ))}</ul>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('decisions.count', { count: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}
