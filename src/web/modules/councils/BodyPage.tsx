import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDate } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus, useAction } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import { CouncilNav, MeetingCalendar } from './parts.js';
import { MeetingForm, useCouncil } from './CouncilPage.js';
import { ROLES, type BodyDetail, type CouncilDetail, type Paged, type Person } from './types.js';
import { useText } from './messages.js';

/** The council's persons for a picker, by name (the list API pages; a council has far fewer than 500 members). */
export function usePersons(councilId: string) {
  return useApi<Paged<Person>>(`/councils/${councilId}/persons?limit=500`);
}

function MembershipForm({ council, body, onDone }: { council: CouncilDetail; body: BodyDetail; onDone: () => void }) {
  const { t } = useText();
  const persons = usePersons(council.id);
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState('mitglied');
  const [votingRight, setVotingRight] = useState(true);
  const [startedOn, setStartedOn] = useState(new Date().toISOString().slice(0, 10));
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const action = useAction();
  const inBody = new Set(body.memberships.filter((m) => !m.endedOn).map((m) => m.person.id));
  const choices = (persons.data?.items ?? []).filter((p) => !inBody.has(p.id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = choices.find((p) => p.id === personId)?.name ?? '';
    void action.run(async () => {
      await api(`/councils/${council.id}/bodies/${body.id}/memberships`, { method: 'POST', body: { personId, role, votingRight, startedOn, onBehalfOf } });
      setPersonId(''); onDone();
    }, t('membership.created', { name, body: body.name }));
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="membership-form">
      <h2 id="membership-form">{t('membership.add')}</h2>
      <p>{t('membership.addHint')}</p>
      <Field label={t('membership.person')} error={fieldError(action.error, 'personId')}>
        {(f) => <select id={f.id} value={personId} onChange={(e) => setPersonId(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
          <option value="">{t('choose')}</option>{choices.map((p) => <option key={p.id} value={p.id}>{p.organisation ? `${p.name} (${p.organisation})` : p.name}</option>)}</select>}
      </Field>
      <div className="grid-2">
        <Field label={t('membership.role')} error={fieldError(action.error, 'role')}>
          {(f) => <select id={f.id} value={role} onChange={(e) => setRole(e.target.value)}>{ROLES.map((r) => <option key={r} value={r}>{t(`mrole.${r}`)}</option>)}</select>}
        </Field>
        <Field label={t('membership.since')} error={fieldError(action.error, 'startedOn')}>
          {(f) => <input id={f.id} type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
      </div>
      <Field label={t('membership.onBehalfOf')}>{(f) => <input id={f.id} value={onBehalfOf} onChange={(e) => setOnBehalfOf(e.target.value)} />}</Field>
      <label className="inline"><input type="checkbox" checked={votingRight} onChange={(e) => setVotingRight(e.target.checked)} /> {t('membership.votingRight')}</label>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('membership.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ personId: t('membership.person'), role: t('membership.role'), startedOn: t('membership.since'), onBehalfOf: t('membership.onBehalfOf') }} />
    </form>
  );
}

function EndMembership({ council, membershipId, name, version, onDone }: { council: CouncilDetail; membershipId: string; name: string; version: number; onDone: () => void }) {
  const { t } = useText();
  const action = useAction();
  return (
    <>
      <button type="button" className="btn secondary" disabled={action.busy} onClick={() => {
        if (!window.confirm(t('membership.removeConfirm', { name }))) return;
        void action.run(async () => { await api(`/councils/${council.id}/memberships/${membershipId}?version=${version}`, { method: 'DELETE' }); onDone(); });
      }}>{t('membership.remove', { name })}</button>
      <ActionStatus {...action.status} />
    </>
  );
}

/** A body (plenum, working group …): its members with their roles, and its meetings. */
export function BodyPage() {
  const { id, bodyId } = useParams();
  const { t, locale } = useText();
  const council = useCouncil(id);
  const body = useApi<BodyDetail>(`/councils/${id}/bodies/${bodyId}`);
  if (council.error || body.error) return <><PageTitle>{t('bodies.title')}</PageTitle><ErrorAlert error={council.error ?? body.error} /></>;
  if (!council.data || !body.data) return <Loading />;
  const c = council.data;
  const b = body.data;
  return (
    <>
      <p><Link to={`/praeventionsraete/${c.id}`}>{t('body.back', { name: c.name })}</Link></p>
      <PageTitle>{b.name}</PageTitle>
      <CouncilNav id={c.id} name={c.name} />
      <dl className="facts">
        <dt>{t('body.kind')}</dt><dd>{b.kindLabel}</dd>
        {b.startedOn && <><dt>{t('body.startedOn')}</dt><dd>{formatDate(b.startedOn, locale)}</dd></>}
      </dl>
      {b.description && <p>{b.description}</p>}
      <section aria-labelledby="members">
        <h2 id="members">{t('bodies.membersTitle')}</h2>
        <ScrollRegion label={t('bodies.membersTitle')}>
          <table>
            <caption>{t('bodies.members', { count: b.memberships.length })}</caption>
            <thead><tr><th scope="col">{t('person.name')}</th><th scope="col">{t('person.organisation')}</th><th scope="col">{t('membership.role')}</th>
              <th scope="col">{t('membership.votingRight')}</th><th scope="col">{t('membership.since')}</th>{c.can.manage && <th scope="col"><span className="visually-hidden">{t('membership.actions')}</span></th>}</tr></thead>
            <tbody>{b.memberships.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.person.name}</th><td>{m.onBehalfOf || m.person.organisation || '–'}</td><td>{m.roleLabel}</td>
                <td>{m.votingRight ? t('common.yes') : t('common.no')}</td>
                <td>{formatDate(m.startedOn, locale)}{m.endedOn ? ` – ${formatDate(m.endedOn, locale)}` : ''}</td>
                {c.can.manage && <td><EndMembership council={c} membershipId={m.id} name={m.person.name} version={m.version} onDone={body.reload} /></td>}
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      </section>
      {c.can.manage && <MembershipForm council={c} body={b} onDone={() => { body.reload(); council.reload(); }} />}
      <MeetingCalendar meetings={b.meetings} heading={t('bodies.meetings')} link={(m) => `/praeventionsraete/${c.id}/sitzungen/${m.id}`} />
      {c.can.manage && <MeetingForm council={c} bodyId={b.id} />}
    </>
  );
}
