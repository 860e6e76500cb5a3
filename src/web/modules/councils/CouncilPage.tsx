import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, formatDate, formatDateTime } from '../../api.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus, useAction } from '../../ui/action.js';
import { ListFilter, Pager, useListQuery } from '../../ui/PagedList.js';
import { useApi } from '../../useApi.js';
import { CouncilNav, MeetingCalendar, isoToLocal, localToIso, pagedQuery } from './parts.js';
import { BODY_KINDS, ORGANISATION_TYPES, type BodyRef, type CouncilDetail, type MeetingDetail, type MeetingListItem, type Paged, type Person } from './types.js';
import { useText } from './messages.js';

function StateForm({ council, onDone }: { council: CouncilDetail; onDone: () => void }) {
  const { t } = useText();
  const next = council.nextStates;
  const [state, setState] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const action = useAction();
  if (!next.length) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => { await api(`/councils/${council.id}/states`, { method: 'POST', body: { state, effectiveOn, note, version: council.version } }); onDone(); setState(''); setNote(''); }, t('state.done'));
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="state-form">
      <h3 id="state-form">{t('state.change')}</h3>
      <div className="grid-2">
        <Field label={t('state.new')} error={fieldError(action.error, 'state')}>
          {(f) => <select id={f.id} value={state} onChange={(e) => setState(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
            <option value="">{t('choose')}</option>{next.map((s) => <option key={s.state} value={s.state}>{s.stateLabel}</option>)}</select>}
        </Field>
        <Field label={t('state.effectiveOn')} error={fieldError(action.error, 'effectiveOn')}>
          {(f) => <input id={f.id} type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
      </div>
      <Field label={t('state.note')}>{(f) => <input id={f.id} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('state.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ state: t('state.new'), effectiveOn: t('state.effectiveOn'), note: t('state.note') }} />
    </form>
  );
}

function ProfileForm({ council, onDone }: { council: CouncilDetail; onDone: () => void }) {
  const { t } = useText();
  const [v, setV] = useState({
    name: council.name, shortName: council.shortName, description: council.description, website: council.website,
    place: council.office.place ?? '', contactName: council.office.contactName ?? '', email: council.office.email ?? '', phone: council.office.phone ?? '', hours: council.office.hours ?? '',
  });
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/councils/${council.id}`, { method: 'PUT', body: {
        name: v.name, shortName: v.shortName, description: v.description, website: v.website,
        otherCommunes: council.communes.map((c) => c.ags).filter((a) => a !== council.ags),
        foundingResolutionOn: council.foundingResolutionOn, foundingResolutionNumber: council.foundingResolutionNumber, themes: council.themes,
        office: { ...council.office, place: v.place, contactName: v.contactName, email: v.email, phone: v.phone, hours: v.hours }, version: council.version,
      } });
      onDone();
    }, t('profile.saved'));
  };
  const field = (key: keyof typeof v, label: string, multi = false) => (
    <Field label={label} error={fieldError(action.error, key === 'place' || key === 'contactName' || key === 'email' || key === 'phone' || key === 'hours' ? `office.${key}` : key)}>
      {(f) => multi ? <textarea id={f.id} rows={3} value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />
        : <input id={f.id} value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
    </Field>
  );
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('profile.edit')}>
      {field('name', t('council.name'))}{field('shortName', t('council.shortName'))}{field('description', t('council.description'), true)}{field('website', t('council.website'))}
      <fieldset className="field"><legend>{t('council.office')}</legend>
        {field('place', t('profile.place'))}{field('contactName', t('profile.contact'))}{field('email', t('person.email'))}{field('phone', t('person.phone'))}{field('hours', t('profile.hours'))}
      </fieldset>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('common.save')}</button></div>
      <ActionStatus {...action.status} labels={{ name: t('council.name'), shortName: t('council.shortName'), description: t('council.description'), website: t('council.website'),
        'office.place': t('profile.place'), 'office.contactName': t('profile.contact'), 'office.email': t('person.email'), 'office.phone': t('person.phone'), 'office.hours': t('profile.hours') }} />
    </form>
  );
}

function BodyForm({ councilId, onDone }: { councilId: string; onDone: () => void }) {
  const { t } = useText();
  const [kind, setKind] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const b = await api<BodyRef>(`/councils/${councilId}/bodies`, { method: 'POST', body: { kind, name, description } });
      setKind(''); setName(''); setDescription(''); onDone();
      return b;
    }, (b) => t('body.created', { name: b.name }));
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="body-form">
      <h3 id="body-form">{t('body.add')}</h3>
      <Field label={t('body.kind')} error={fieldError(action.error, 'kind')}>
        {(f) => <select id={f.id} value={kind} onChange={(e) => setKind(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
          <option value="">{t('choose')}</option>{BODY_KINDS.map((k) => <option key={k} value={k}>{t(`body.kind.${k}`)}</option>)}</select>}
      </Field>
      <Field label={t('body.name')} error={fieldError(action.error, 'name')}>
        {(f) => <input id={f.id} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('body.description')}>{(f) => <textarea id={f.id} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('body.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ kind: t('body.kind'), name: t('body.name'), description: t('body.description') }} />
    </form>
  );
}

export function PersonForm({ councilId, onDone }: { councilId: string; onDone: () => void }) {
  const { t } = useText();
  const empty = { formOfAddress: '', title: '', givenName: '', familyName: '', position: '', organisation: '', organisationType: 'sonstige', email: '', phone: '', publicConsent: false, consentGivenOn: '' };
  const [p, setP] = useState(empty);
  const set = (patch: Partial<typeof empty>) => setP({ ...p, ...patch });
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const created = await api<Person>(`/councils/${councilId}/persons`, { method: 'POST', body: { ...p, consentGivenOn: p.publicConsent ? p.consentGivenOn || new Date().toISOString().slice(0, 10) : null } });
      setP(empty); onDone();
      return created;
    }, (x) => t('person.created', { name: x.name }));
  };
  const text = (key: 'givenName' | 'familyName' | 'title' | 'position' | 'organisation' | 'email' | 'phone', label: string, type = 'text') => (
    <Field label={label} error={fieldError(action.error, key)}>
      {(f) => <input id={f.id} type={type} value={p[key]} onChange={(e) => set({ [key]: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} autoComplete="off" />}
    </Field>
  );
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="person-form">
      <h3 id="person-form">{t('person.add')}</h3>
      <div className="grid-2">{text('givenName', t('person.givenName'))}{text('familyName', t('person.familyName'))}</div>
      <div className="grid-2">{text('title', t('person.title'))}{text('position', t('person.position'))}</div>
      <div className="grid-2">
        {text('organisation', t('person.organisation'))}
        <Field label={t('person.organisationType')}>
          {(f) => <select id={f.id} value={p.organisationType} onChange={(e) => set({ organisationType: e.target.value })}>
            {ORGANISATION_TYPES.map((o) => <option key={o} value={o}>{t(`org.${o}`)}</option>)}</select>}
        </Field>
      </div>
      <div className="grid-2">{text('email', t('person.email'), 'email')}{text('phone', t('person.phone'), 'tel')}</div>
      <label className="inline"><input type="checkbox" checked={p.publicConsent} onChange={(e) => set({ publicConsent: e.target.checked })} /> {t('person.consent')}</label>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('person.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ givenName: t('person.givenName'), familyName: t('person.familyName'), email: t('person.email'), organisation: t('person.organisation'), title: t('person.title'), position: t('person.position'), phone: t('person.phone') }} />
    </form>
  );
}

/** A member's personal calendar feed: made on request, its address shown once (it carries a private token). */
function CalendarTokenButton({ councilId, person }: { councilId: string; person: Person }) {
  const { t } = useText();
  const action = useAction();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="linkish" disabled={action.busy} onClick={() => void action.run(async () => {
        const r = await api<{ url: string }>(`/councils/${councilId}/persons/${person.id}/calendar-token`, { method: 'POST', body: {} });
        setUrl(r.url);
      }, t('person.feedDone', { name: person.name }))}>{t('person.feed', { name: person.name })}</button>
      <ActionStatus {...action.status}>{url && <p className="break"><code>{url}</code></p>}</ActionStatus>
    </>
  );
}

function Persons({ council }: { council: CouncilDetail }) {
  const { t } = useText();
  const query = useListQuery({ sort: 'name' });
  const list = useApi<Paged<Person>>(`/councils/${council.id}/persons?${pagedQuery(query)}`);
  return (
    <section aria-labelledby="persons">
      <h2 id="persons">{t('persons.title')}</h2>
      <p>{t('persons.intro')}</p>
      <div className="filters"><ListFilter label={t('persons.filter')} value={query.q} onChange={(q) => query.set({ q })} /></div>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (<>
        <ScrollRegion label={t('persons.title')}>
          <table>
            <caption>{t('persons.count', { count: list.data.total })}</caption>
            <thead><tr><th scope="col">{t('person.name')}</th><th scope="col">{t('person.organisation')}</th><th scope="col">{t('person.email')}</th>
              <th scope="col">{t('person.public')}</th>{council.can.manage && <th scope="col">{t('person.feedCol')}</th>}</tr></thead>
            <tbody>{list.data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th><td>{p.organisation || '–'}</td><td className="break">{p.email || '–'}</td>
                <td>{p.publicConsent ? t('common.yes') : t('common.no')}</td>
                {council.can.manage && <td><CalendarTokenButton councilId={council.id} person={p} /></td>}
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('persons.count', { count: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
      {council.can.manage && <PersonForm councilId={council.id} onDone={list.reload} />}
    </section>
  );
}

export function MeetingForm({ council, bodyId: fixedBody, meeting, onDone }: { council: CouncilDetail; bodyId?: string; meeting?: MeetingDetail; onDone?: () => void }) {
  const { t } = useText();
  const navigate = useNavigate();
  const loc = meeting?.location ?? null;
  const [bodyId, setBodyId] = useState(fixedBody ?? meeting?.bodyId ?? '');
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [startsAt, setStartsAt] = useState(isoToLocal(meeting?.startsAt ?? null));
  const [endsAt, setEndsAt] = useState(isoToLocal(meeting?.endsAt ?? null));
  const [place, setPlace] = useState(loc?.description ?? '');
  const [room, setRoom] = useState(loc?.room ?? '');
  const [street, setStreet] = useState(loc?.streetAddress ?? '');
  const [onlineUrl, setOnlineUrl] = useState(meeting?.onlineUrl ?? '');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title, startsAt: localToIso(startsAt), endsAt: endsAt ? localToIso(endsAt) : null,
      location: place || room || street ? { description: place, room, streetAddress: street } : null, onlineUrl,
    };
    if (meeting) {
      void action.run(async () => {
        await api(`/councils/${council.id}/meetings/${meeting.id}`, { method: 'PUT', body: { ...fields, version: meeting.version } });
        onDone?.();
      }, meeting.invitedAt ? t('meeting.savedNotified') : t('meeting.saved'));
      return;
    }
    void action.run(async () => {
      const m = await api<{ id: string }>(`/councils/${council.id}/meetings`, { method: 'POST', body: { bodyId, ...fields } });
      onDone?.();
      navigate(`/praeventionsraete/${council.id}/sitzungen/${m.id}`, { state: { message: t('meeting.created') } });
    });
  };
  const formId = meeting ? 'meeting-edit-form' : 'meeting-form';
  const labels = { bodyId: t('meeting.body'), title: t('meeting.title'), startsAt: t('meeting.startsAt'), endsAt: t('meeting.endsAt'), 'location.description': t('meeting.place'), location: t('meeting.place'), onlineUrl: t('meeting.onlineUrl') };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby={formId}>
      <h3 id={formId}>{meeting ? t('meeting.edit') : t('meeting.schedule')}</h3>
      {!fixedBody && !meeting && <Field label={t('meeting.body')} error={fieldError(action.error, 'bodyId')}>
        {(f) => <select id={f.id} value={bodyId} onChange={(e) => setBodyId(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
          <option value="">{t('choose')}</option>{council.bodies.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>}
      </Field>}
      <Field label={t('meeting.title')} hint={t('meeting.titleHint')} error={fieldError(action.error, 'title')}>
        {(f) => <input id={f.id} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <div className="grid-2">
        <Field label={t('meeting.startsAt')} error={fieldError(action.error, 'startsAt')}>
          {(f) => <input id={f.id} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <Field label={t('meeting.endsAt')} error={fieldError(action.error, 'endsAt')}>
          {(f) => <input id={f.id} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
      </div>
      <div className="grid-2">
        <Field label={t('meeting.place')} error={fieldError(action.error, 'location.description')}>
          {(f) => <input id={f.id} value={place} onChange={(e) => setPlace(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <Field label={t('meeting.room')}>{(f) => <input id={f.id} value={room} onChange={(e) => setRoom(e.target.value)} />}</Field>
      </div>
      <Field label={t('meeting.street')}>{(f) => <input id={f.id} value={street} onChange={(e) => setStreet(e.target.value)} />}</Field>
      <Field label={t('meeting.onlineUrl')} error={fieldError(action.error, 'onlineUrl')}>
        {(f) => <input id={f.id} type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{meeting ? t('meeting.save') : t('meeting.submit')}</button></div>
      <ActionStatus {...action.status} labels={labels} />
    </form>
  );
}

export function useCouncil(id: string | undefined) {
  return useApi<CouncilDetail>(id ? `/councils/${id}` : null);
}

/** A council: its facts and state, bodies, members and meeting calendar. */
export function CouncilPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const council = useCouncil(id);
  const meetings = useApi<{ items: MeetingListItem[] }>(id ? `/councils/${id}/meetings` : null);
  const flash = (useLocation().state as { message?: string } | null)?.message;
  if (council.error) return <><PageTitle>{t('councils.title')}</PageTitle><ErrorAlert error={council.error} /><p><Link to="/praeventionsraete">{t('council.back')}</Link></p></>;
  if (!council.data) return <Loading />;
  const c = council.data;
  const meetingItems = meetings.data?.items ?? [];
  const office = [c.office.place, c.office.contactName, c.office.email, c.office.phone, c.office.hours].filter(Boolean).join(' · ');
  return (
    <>
      <p><Link to="/praeventionsraete">{t('council.back')}</Link></p>
      <PageTitle>{c.name}</PageTitle>
      {flash && <Alert kind="success">{flash}</Alert>}
      <CouncilNav id={c.id} name={c.name} />
      <div className="grid-2">
        <section aria-labelledby="facts">
          <h2 id="facts">{t('council.facts')}</h2>
          <dl className="facts">
            <dt>{t('council.communes', { count: c.communes.length })}</dt><dd>{c.communes.map((x) => x.name).join(', ')}</dd>
            <dt>{t('council.state')}</dt><dd>{c.stateLabel}</dd>
            {c.foundingResolutionOn && <><dt>{t('council.foundingOn')}</dt><dd>{formatDate(c.foundingResolutionOn, locale)}{c.foundingResolutionNumber ? ` (${c.foundingResolutionNumber})` : ''}</dd></>}
            {office && <><dt>{t('council.office')}</dt><dd>{office}</dd></>}
            {c.website && <><dt>{t('council.website')}</dt><dd className="break"><a href={c.website}>{c.website}</a></dd></>}
            {c.themes.length > 0 && <><dt>{t('council.themes')}</dt><dd>{c.themes.map((x) => x.label).join(', ')}</dd></>}
            {c.previousNames.length > 0 && <><dt>{t('council.previousNames')}</dt><dd>{c.previousNames.map((p) => p.name).join(', ')}</dd></>}
          </dl>
          {c.description && <p>{c.description}</p>}
          {c.can.manage && <details><summary>{t('profile.edit')}</summary><ProfileForm key={c.id} council={c} onDone={council.reload} /></details>}
          {c.stateHistory.length > 0 && <>
            <h3>{t('state.history')}</h3>
            <ol className="timeline">{c.stateHistory.map((s, i) => <li key={i}><time dateTime={s.effectiveOn}>{formatDate(s.effectiveOn, locale)}</time> {s.stateLabel}{s.note ? ` – ${s.note}` : ''}</li>)}</ol>
          </>}
          {c.can.manage && <StateForm council={c} onDone={council.reload} />}
          <p><a href={`/api/public/councils/${c.id}/calendar.ics`}>{t('council.icalPublic')}</a></p>
        </section>
        <section aria-labelledby="bodies">
          <h2 id="bodies">{t('bodies.title')}</h2>
          <ul className="plain">{c.bodies.map((b) => (
            <li key={b.id}>
              <Link to={`/praeventionsraete/${c.id}/gremien/${b.id}`}>{b.name}</Link>
              <span className="muted"> · {b.kindLabel} · {t('bodies.members', { count: b.memberCount })}{b.nextMeetingAt ? ` · ${t('bodies.next', { date: formatDateTime(b.nextMeetingAt, locale) })}` : ''}</span>
            </li>
          ))}</ul>
          {c.can.manage && <BodyForm councilId={c.id} onDone={council.reload} />}
        </section>
      </div>
      <ErrorAlert error={meetings.error} />
      <MeetingCalendar meetings={meetingItems} heading={t('calendar.title')} link={(m) => `/praeventionsraete/${c.id}/sitzungen/${m.id}`} />
      {c.can.manage && c.bodies.length > 0 && <MeetingForm council={c} />}
      <Persons council={c} />
      <Analyses councilId={c.id} />
    </>
  );
}

interface CouncilAnalyses {
  analyses: { id: string; title: string; status: string; completedOn: string | null }[];
  items: { id: string; title: string; state: string; analysisId: string; analysisTitle: string }[];
}

/** The commune's security analyses: their report (with the Interpretationshilfe for council members) and recommendations. */
function Analyses({ councilId }: { councilId: string }) {
  const { t, locale } = useText();
  const data = useApi<CouncilAnalyses>(`/councils/${councilId}/recommendations`);
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return null;
  return (
    <section aria-labelledby="analyses">
      <h2 id="analyses">{t('analyses.title')}</h2>
      {data.data.analyses.length === 0 ? <p>{t('analyses.none')}</p> : (
        <ul className="plain">{data.data.analyses.map((a) => {
          const recs = data.data!.items.filter((r) => r.analysisId === a.id);
          return (
            <li key={a.id}>
              <Link to={`/analysen/${a.id}/bericht`}>{t('analyses.report', { title: a.title })}</Link>
              <span className="muted"> · {a.completedOn ? t('analyses.completed', { date: formatDate(a.completedOn, locale) }) : t('analyses.running')} · {t('analyses.recommendations', { count: recs.length })}</span>
            </li>
          );
        })}</ul>
      )}
    </section>
  );
}
