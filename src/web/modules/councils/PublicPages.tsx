import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../api.js';
import { ErrorAlert, Loading, PageTitle } from '../../ui/components.js';
import { ListFilter, Pager, useListQuery } from '../../ui/PagedList.js';
import { useApi } from '../../useApi.js';
import { MeetingCalendar, pagedQuery } from './parts.js';
import { voteText } from './MeetingPage.js';
import { placeOf, type Paged, type PublicCouncil, type PublicMeeting } from './types.js';
import type { ZPublicCouncilSummary } from '../../../modules/councils/public-views.js';
import type { z } from 'zod';
import { useText } from './messages.js';

/** The public list of councils (no sign-in). */
export function PublicCouncilsPage() {
  const { t } = useText();
  const query = useListQuery({ sort: 'name' });
  const list = useApi<Paged<z.infer<typeof ZPublicCouncilSummary>>>(`/public/councils?${pagedQuery(query)}`);
  return (
    <>
      <PageTitle>{t('public.title')}</PageTitle>
      <p>{t('public.intro')}</p>
      <div className="filters"><ListFilter label={t('councils.filter')} value={query.q} onChange={(q) => query.set({ q })} /></div>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (<>
        <ul className="plain">{list.data.items.map((c) => (
          <li key={c.id}><Link to={`/kpr/${c.id}`}>{c.name}</Link><span className="muted"> · {c.communeName} · {c.stateLabel}</span></li>
        ))}</ul>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('councils.count', { count: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}

/** A council's public page: bodies, consenting members, public meetings, public decisions, published reports. */
export function PublicCouncilPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const council = useApi<PublicCouncil>(`/public/councils/${id}`);
  if (council.error) return <><PageTitle>{t('public.title')}</PageTitle><ErrorAlert error={council.error} /></>;
  if (!council.data) return <Loading />;
  const c = council.data;
  const office = [c.office?.place, c.office?.contactName, c.office?.email, c.office?.phone, c.office?.hours].filter(Boolean).join(' · ');
  return (
    <>
      <p><Link to="/kpr">{t('public.back')}</Link></p>
      <PageTitle>{c.name}</PageTitle>
      <dl className="facts">
        <dt>{t('council.communes', { count: c.communes.length })}</dt><dd>{c.communes.map((x) => x.name).join(', ')}</dd>
        <dt>{t('council.state')}</dt><dd>{c.stateLabel}</dd>
        {office && <><dt>{t('council.office')}</dt><dd>{office}</dd></>}
        {c.website && <><dt>{t('council.website')}</dt><dd className="break"><a href={c.website}>{c.website}</a></dd></>}
      </dl>
      {c.description && <p>{c.description}</p>}
      <p><a href={c.calendarUrl}>{t('council.icalPublic')}</a></p>
      <div>
        <section aria-labelledby="pub-bodies">
          <h2 id="pub-bodies">{t('public.bodiesMembers')}</h2>
          {c.bodies.map((b) => (
            <div key={b.id}>
              <h3>{b.name} <span className="muted">· {b.kindLabel}</span></h3>
              {b.description && <p>{b.description}</p>}
              {b.members.length > 0 && <ul className="plain">{b.members.map((m, i) => <li key={i}>{m.name}<span className="muted">{[m.roleLabel, m.position, m.organisation].filter(Boolean).map((x) => ` · ${x}`).join('')}</span></li>)}</ul>}
              {b.hiddenMembers > 0 && <p className="muted">{t('public.hiddenMembers', { count: b.hiddenMembers })}</p>}
            </div>
          ))}
        </section>
      </div>
      <MeetingCalendar meetings={c.meetings} heading={t('public.meetings')} link={(m) => `/kpr/${c.id}/sitzungen/${m.id}`} />
      <section aria-labelledby="pub-decisions">
        <h2 id="pub-decisions">{t('public.decisions')}</h2>
        {c.decisions.length === 0 ? <p>{t('decisions.none')}</p> : (
          <ul className="plain">{c.decisions.map((d) => {
            return <li key={d.id}>{d.number && <strong>{d.number}: </strong>}{d.text} <span className="muted">· {voteText(d, t)} · <Link to={`/kpr/${c.id}/sitzungen/${d.meeting.id}`}>{formatDate(d.meeting.startsAt, locale)}</Link></span></li>;
          })}</ul>
        )}
      </section>
      <section aria-labelledby="pub-reports">
        <h2 id="pub-reports">{t('public.reports')}</h2>
        {c.reports.length === 0 ? <p>{t('reports.none')}</p> : (
          <ul className="plain">{c.reports.map((r) => (
            <li key={r.id}>{r.title || t('reports.ofYear', { year: r.year })}: <span className="report-downloads">
              <a href={`/api/public/councils/${c.id}/reports/${r.id}/report.pdf`} download>{t('report.pdfOf', { year: r.year })}</a>{' '}
              <a href={`/api/public/councils/${c.id}/reports/${r.id}/report.docx`} download>{t('report.docxOf', { year: r.year })}</a></span></li>
          ))}</ul>
        )}
      </section>
    </>
  );
}

/** A public meeting: public agenda items, and once approved their minutes and decisions. */
export function PublicMeetingPage() {
  const { id, meetingId } = useParams();
  const { t, locale } = useText();
  const meeting = useApi<PublicMeeting>(`/public/councils/${id}/meetings/${meetingId}`);
  if (meeting.error) return <><PageTitle>{t('meeting.page')}</PageTitle><ErrorAlert error={meeting.error} /></>;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  return (
    <>
      <p><Link to={`/kpr/${id}`}>{t('public.toCouncil')}</Link></p>
      <PageTitle>{m.title || t('meeting.defaultTitle', { body: m.bodyName, date: formatDate(m.startsAt, locale) })}</PageTitle>
      <dl className="facts">
        <dt>{t('meeting.body')}</dt><dd>{m.bodyName}</dd>
        <dt>{t('meeting.when')}</dt><dd>{formatDateTime(m.startsAt, locale)}{m.endsAt ? ` – ${formatDateTime(m.endsAt, locale)}` : ''}</dd>
        {placeOf(m.location) && <><dt>{t('meeting.place')}</dt><dd>{placeOf(m.location)}</dd></>}
        <dt>{t('meeting.state')}</dt><dd>{m.stateLabel}</dd>
      </dl>
      <h2>{t('agenda.title')}</h2>
      {m.agenda.length === 0 ? <p>{t('agenda.empty')}</p> : (
        <ol className="plain agenda">{[...m.agenda].sort((a, b) => a.order - b.order).map((a) => (
          <li key={a.id}>
            <h3>{t('agenda.top', { n: a.order })} {a.title}</h3>
            {a.description && <p>{a.description}</p>}
            {a.minutes && <><h4>{t('minutes.title')}</h4><p className="pre">{a.minutes}</p></>}
            {a.files.length > 0 && <ul>{a.files.map((f) => <li key={f.id}><a href={`/api/public/councils/${id}/files/${f.id}`} download>{f.name}</a></li>)}</ul>}
            {a.decisions.length > 0 && <ul>{a.decisions.map((d) => <li key={d.id}>{d.number && <strong>{d.number}: </strong>}{d.text} <span className="muted">· {voteText(d, t)}</span></li>)}</ul>}
          </li>
        ))}</ol>
      )}
      {m.cancelReason && <p>{t('public.cancelled', { reason: m.cancelReason })}</p>}
      {m.nonPublicItems > 0 && <p className="muted">{t('public.nonPublic', { count: m.nonPublicItems })}</p>}
      {!m.minutesApproved && <p className="muted">{t('public.note')}</p>}
    </>
  );
}
