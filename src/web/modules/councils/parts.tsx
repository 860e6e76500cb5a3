import { useId, useState } from 'react';
import { Link, NavLink } from 'react-router';
import { formatDate, formatDateTime } from '../../api.js';
import { ScrollRegion } from '../../ui/components.js';
import type { MeetingListItem } from './types.js';
import { useText } from './messages.js';

/** The API's paging (`limit`, `offset`, `q`) from the list state in the URL, with further filters. */
export function pagedQuery(query: { page: number; pageSize: number; q: string }, extra: Record<string, string> = {}) {
  const p = new URLSearchParams({ limit: String(query.pageSize), offset: String((query.page - 1) * query.pageSize) });
  if (query.q) p.set('q', query.q);
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return p.toString();
}

/** A `datetime-local` value (local time) as an ISO date-time with offset, as the API wants it. */
export function localToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const off = -d.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
}
/** An ISO date-time as a `datetime-local` value in local time. */
export function isoToLocal(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The council's sub-navigation: overview, decision tracking, reports, public page. */
export function CouncilNav({ id, name }: { id: string; name: string }) {
  const { t } = useText();
  return (
    <nav className="subnav" aria-label={t('council.subnav', { name })}>
      <ul>
        <li><NavLink end to={`/praeventionsraete/${id}`}>{t('council.overview')}</NavLink></li>
        <li><NavLink to={`/praeventionsraete/${id}/beschluesse`}>{t('decisions.title')}</NavLink></li>
        <li><NavLink to={`/praeventionsraete/${id}/berichte`}>{t('reports.title')}</NavLink></li>
        <li><NavLink to={`/kpr/${id}`}>{t('council.publicPage')}</NavLink></li>
      </ul>
    </nav>
  );
}

const monthKey = (iso: string) => iso.slice(0, 7);

/**
 * Meetings as a month calendar and, always beside it, as a list (the list is the accessible alternative and the
 * only view on narrow screens it needs). `link` makes each meeting's address.
 */
export function MeetingCalendar({ meetings, link, heading }: { meetings: MeetingListItem[]; link: (m: MeetingListItem) => string; heading: string }) {
  const { t, locale } = useText();
  const id = useId();
  const today = new Date();
  const firstUpcoming = meetings.find((m) => new Date(m.startsAt) >= today) ?? meetings[meetings.length - 1];
  const [month, setMonth] = useState(() => (firstUpcoming ? monthKey(isoToLocal(firstUpcoming.startsAt)) : `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`));
  const [view, setView] = useState<'list' | 'month'>('list');
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const first = new Date(y, mo - 1, 1);
  const days = new Date(y, mo, 0).getDate();
  const lead = (first.getDay() + 6) % 7; // Monday first
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const tag = locale === 'en' ? 'en-GB' : 'de-DE';
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 1 + i).toLocaleDateString(tag, { weekday: 'short' }));
  const onDay = (d: number) => meetings.filter((m) => isoToLocal(m.startsAt).slice(0, 10) === `${month}-${String(d).padStart(2, '0')}`);
  const shift = (n: number) => { const d = new Date(y, mo - 1 + n, 1); setMonth(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`); };
  const monthName = first.toLocaleDateString(tag, { month: 'long', year: 'numeric' });
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <fieldset className="field">
        <legend>{t('calendar.view')}</legend>
        <label className="inline"><input type="radio" name={`${id}-view`} checked={view === 'list'} onChange={() => setView('list')} /> {t('calendar.list')}</label>
        <label className="inline"><input type="radio" name={`${id}-view`} checked={view === 'month'} onChange={() => setView('month')} /> {t('calendar.month')}</label>
      </fieldset>
      {view === 'month' ? (<>
        <div className="actions">
          <button type="button" className="btn secondary" onClick={() => shift(-1)}>{t('calendar.prev')}</button>
          <button type="button" className="btn secondary" onClick={() => shift(1)}>{t('calendar.next')}</button>
        </div>
        <ScrollRegion label={monthName}>
          <table className="month-calendar">
            <caption>{monthName}</caption>
            <thead><tr>{weekdays.map((w) => <th key={w} scope="col">{w}</th>)}</tr></thead>
            <tbody>{weeks.map((week, i) => (
              <tr key={i}>{week.map((d, j) => <td key={j}>{d && <>
                <span className="day">{d}</span>
                {onDay(d).map((m) => <Link key={m.id} to={link(m)} className="cal-meeting">{new Date(m.startsAt).toLocaleTimeString(tag, { hour: '2-digit', minute: '2-digit' })} {m.title || m.bodyName}</Link>)}
              </>}</td>)}</tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      </>) : meetings.length === 0 ? <p>{t('calendar.none')}</p> : (
        <ul className="plain meeting-list">{meetings.map((m) => (
          <li key={m.id}>
            <Link to={link(m)}>{m.title || m.bodyName}</Link>
            <span className="muted"> · <time dateTime={m.startsAt}>{formatDateTime(m.startsAt, locale)}</time> · {m.bodyName}{m.locationName ? ` · ${m.locationName}` : ''} · {m.stateLabel}</span>
          </li>
        ))}</ul>
      )}
    </section>
  );
}

export const dateOrDash = (d: string | null | undefined, locale: string) => (d ? formatDate(d, locale) : '–');
