import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDate, formatDateTime } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { ActionStatus, useAction } from '../../ui/action.js';
import { ListFilter, Pager, useListQuery } from '../../ui/PagedList.js';
import { useApi } from '../../useApi.js';
import { useSession } from '../../session.js';
import { CouncilNav, dateOrDash, pagedQuery } from './parts.js';
import { useCouncil } from './CouncilPage.js';
import { TRACK_STATES, type CouncilDetail, type Paged, type TrackedDecision } from './types.js';
import { useText } from './messages.js';

const meetingDate = (d: TrackedDecision) => d.meeting?.startsAt ?? d.meetingDate ?? null;
const ownerName = (d: TrackedDecision) => d.owner?.name ?? d.ownerName ?? null;

function TrackForm({ council, decision, onDone }: { council: CouncilDetail; decision: TrackedDecision; onDone: () => void }) {
  const { t } = useText();
  const [state, setState] = useState<string>(decision.trackState);
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/councils/${council.id}/decisions/${decision.id}/tracking`, { method: 'PUT', body: { state, note, version: decision.version } });
      setNote(''); onDone();
    }, t('track.saved', { state: t(`track.${state as TrackedDecision['trackState']}`) }));
  };
  const label = decision.number || decision.text.slice(0, 40);
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('track.formOf', { decision: label })}>
      <div className="grid-2">
        <Field label={t('track.state')} error={fieldError(action.error, 'state')}>
          {(f) => <select id={f.id} value={state} onChange={(e) => setState(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
            {TRACK_STATES.map((s) => <option key={s} value={s}>{t(`track.${s}`)}</option>)}</select>}
        </Field>
        <Field label={t('track.note')} error={fieldError(action.error, 'note')}>{(f) => <input id={f.id} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
      </div>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('track.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ state: t('track.state'), note: t('track.note') }} />
    </form>
  );
}

/** Beschlusskontrolle: the council's tracked decisions with owner, due date and state; owners and managers move them on. */
export function DecisionsPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const { user } = useSession();
  const council = useCouncil(id);
  const query = useListQuery({ sort: 'dueOn', filters: ['stand'] as const });
  const list = useApi<Paged<TrackedDecision>>(`/councils/${id}/decisions?${pagedQuery(query, { state: query.filters.stand })}`);
  if (council.error) return <><PageTitle>{t('decisions.title')}</PageTitle><ErrorAlert error={council.error} /></>;
  if (!council.data) return <Loading />;
  const c = council.data;
  const mayTrack = (d: TrackedDecision) => d.canTrack ?? (c.can.manage || (c.can.track && !!user && ownerName(d) !== null));
  return (
    <>
      <p><Link to={`/praeventionsraete/${c.id}`}>{t('body.back', { name: c.name })}</Link></p>
      <PageTitle>{t('decisions.titleOf', { name: c.name })}</PageTitle>
      <CouncilNav id={c.id} name={c.name} />
      <p>{t('decisions.intro')}</p>
      <div className="filters">
        <ListFilter label={t('decisions.filter')} value={query.q} onChange={(q) => query.set({ q })} />
        <Field label={t('track.state')}>
          {(f) => <select id={f.id} value={query.filters.stand} onChange={(e) => query.set({ stand: e.target.value })}>
            <option value="">{t('decisions.allStates')}</option>{TRACK_STATES.map((s) => <option key={s} value={s}>{t(`track.${s}`)}</option>)}</select>}
        </Field>
      </div>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (<>
        <p role="status">{t('decisions.count', { count: list.data.total })}</p>
        <ul className="plain decision-list">{list.data.items.map((d) => (
          <li key={d.id} className={d.overdue ? 'card overdue' : 'card'}>
            <h2>{d.number ? `${d.number}: ` : ''}{d.text.length > 120 ? `${d.text.slice(0, 120)} …` : d.text}</h2>
            <dl className="facts">
              <dt>{t('decisions.meeting')}</dt><dd>{meetingDate(d) ? formatDate(meetingDate(d)!, locale) : '–'}</dd>
              <dt>{t('decision.owner')}</dt><dd>{ownerName(d) ?? '–'}</dd>
              <dt>{t('decision.dueOn')}</dt><dd>{dateOrDash(d.dueOn, locale)}{d.overdue ? ` (${t('decisions.overdue')})` : ''}</dd>
              <dt>{t('track.state')}</dt><dd>{d.trackStateLabel ?? t(`track.${d.trackState}`)}</dd>
            </dl>
            {d.history.length > 0 && <details><summary>{t('decisions.history', { count: d.history.length })}</summary>
              <ol className="timeline">{d.history.map((h, i) => <li key={i}><time dateTime={h.at}>{formatDateTime(h.at, locale)}</time> {t(`track.${h.state}`)}{h.by ? ` (${h.by})` : ''}{h.note ? ` – ${h.note}` : ''}</li>)}</ol>
            </details>}
            {mayTrack(d) && <TrackForm council={c} decision={d} onDone={list.reload} />}
          </li>
        ))}</ul>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('decisions.count', { count: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}
