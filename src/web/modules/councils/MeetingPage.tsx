import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, formatDate, formatDateTime } from '../../api.js';
import { Alert, ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus, useAction } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import { CouncilNav, dateOrDash } from './parts.js';
import { MeetingForm, useCouncil } from './CouncilPage.js';
import { usePersons } from './BodyPage.js';
import { ATTENDANCE, VOTE_MODES, placeOf, type AgendaItem, type CouncilDetail, type Decision, type MeetingDetail, type MeetingListItem, type Paged } from './types.js';
import { useText } from './messages.js';

type Reload = () => void;

function AgendaForm({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t } = useText();
  const nextOrder = Math.max(0, ...meeting.agenda.map((a) => a.order)) + 1;
  const [order, setOrder] = useState(String(nextOrder));
  const [title, setTitle] = useState('');
  const [isPublic, setPublic] = useState(true);
  const [description, setDescription] = useState('');
  const action = useAction();
  useEffect(() => setOrder(String(nextOrder)), [nextOrder]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/councils/${council.id}/meetings/${meeting.id}/agenda`, { method: 'POST', body: { order: Number(order), title, isPublic, description } });
      setTitle(''); setDescription(''); setPublic(true); onDone();
    }, t('agenda.created', { title }));
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="agenda-form">
      <h3 id="agenda-form">{t('agenda.add')}</h3>
      {/* One under the other: the labels' long words ("Tagesordnungspunktes") do not fit two columns of the card. */}
      <Field label={t('agenda.order')} error={fieldError(action.error, 'order')}>
        {(f) => <input id={f.id} inputMode="numeric" value={order} onChange={(e) => setOrder(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('agenda.itemTitle')} error={fieldError(action.error, 'title')}>
        {(f) => <input id={f.id} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('agenda.description')}>{(f) => <textarea id={f.id} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <label className="inline"><input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} /> {t('agenda.isPublic')}</label>
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('agenda.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ order: t('agenda.order'), title: t('agenda.itemTitle'), description: t('agenda.description') }} />
    </form>
  );
}

const itemBody = (a: AgendaItem, patch: Partial<AgendaItem> = {}) => ({ order: a.order, title: a.title, isPublic: a.isPublic, description: a.description, paperId: a.paper?.id ?? null, version: a.version, ...patch });

function AgendaRowActions({ council, meeting, items, index, onDone }: { council: CouncilDetail; meeting: MeetingDetail; items: AgendaItem[]; index: number; onDone: Reload }) {
  const { t } = useText();
  const action = useAction();
  const a = items[index]!;
  const move = (to: number) => action.run(async () => {
    const ids = items.map((x) => x.id);
    ids.splice(index, 1);
    ids.splice(to, 0, a.id);
    await api(`/councils/${council.id}/meetings/${meeting.id}/agenda-order`, { method: 'PUT', body: { itemIds: ids, version: meeting.version } });
    onDone();
  }, t('agenda.moved', { title: a.title, n: to + 1 }));
  const swap = (other: AgendaItem) => move(items.indexOf(other));
  return (
    <span className="row-actions">
      {index > 0 && <button type="button" className="btn secondary" disabled={action.busy} onClick={() => void swap(items[index - 1]!)}>{t('agenda.up', { title: a.title })}</button>}
      {index < items.length - 1 && <button type="button" className="btn secondary" disabled={action.busy} onClick={() => void swap(items[index + 1]!)}>{t('agenda.down', { title: a.title })}</button>}
      <button type="button" className="btn secondary" disabled={action.busy} onClick={() => void action.run(async () => {
        await api(`/councils/${council.id}/agenda/${a.id}`, { method: 'PUT', body: itemBody(a, { isPublic: !a.isPublic }) }); onDone();
      })}>{a.isPublic ? t('agenda.makePrivate', { title: a.title }) : t('agenda.makePublic', { title: a.title })}</button>
      <button type="button" className="btn secondary" disabled={action.busy} onClick={() => {
        if (!window.confirm(t('agenda.deleteConfirm', { title: a.title }))) return;
        void action.run(async () => { await api(`/councils/${council.id}/agenda/${a.id}?version=${a.version}`, { method: 'DELETE' }); onDone(); });
      }}>{t('agenda.delete', { title: a.title })}</button>
      <ActionStatus {...action.status} />
    </span>
  );
}

const PAPER_TYPES = ['Beschlussvorlage', 'Informationsvorlage', 'Antrag', 'Bericht', 'Stellungnahme'] as const;

/** The item's paper (Vorlage): shown with its number and type; managers create one for the item (public as the item is). */
function AgendaPaper({ council, item, manage, onDone }: { council: CouncilDetail; item: AgendaItem; manage: boolean; onDone: Reload }) {
  const { t } = useText();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const [name, setName] = useState(item.title);
  const [paperType, setPaperType] = useState<string>('Beschlussvorlage');
  const action = useAction();
  if (item.paper) {
    // The outcome of creating it stays beside the paper (the form has closed).
    return <><p>{t('paper.shown', { type: item.paper.paperType, reference: item.paper.reference || '–', name: item.paper.name })}</p><ActionStatus {...action.status} /></>;
  }
  if (!manage) return null;
  if (!open) return <button type="button" className="btn secondary" onClick={() => setOpen(true)}>{t('paper.add', { title: item.title })}</button>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const paper = await api<{ id: string }>(`/councils/${council.id}/papers`, { method: 'POST', body: { reference, name, paperType, isPublic: item.isPublic } });
      await api(`/councils/${council.id}/agenda/${item.id}`, { method: 'PUT', body: { ...itemBody(item), paperId: paper.id } });
      setOpen(false);
      onDone();
    }, t('paper.created', { name }));
  };
  return (
    <form className="inline-form stack" onSubmit={submit} noValidate aria-label={t('paper.add', { title: item.title })}>
      <div className="grid-2">
        <Field label={t('paper.reference')} error={fieldError(action.error, 'reference')}>{(f) => <input id={f.id} value={reference} onChange={(e) => setReference(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
        <Field label={t('paper.type')}>{(f) => <select id={f.id} value={paperType} onChange={(e) => setPaperType(e.target.value)}>{PAPER_TYPES.map((p) => <option key={p} value={p}>{p}</option>)}</select>}</Field>
      </div>
      <Field label={t('paper.name')} error={fieldError(action.error, 'name')}>{(f) => <input id={f.id} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
      <div className="actions"><button type="submit" className="btn" disabled={action.busy}>{t('paper.submit')}</button></div>
      <ActionStatus {...action.status} labels={{ reference: t('paper.reference'), name: t('paper.name') }} />
    </form>
  );
}

/** The documents of an agenda item (non-public items' files stay internal): list, and for managers an upload. */
function AgendaFiles({ council, item, manage, onDone }: { council: CouncilDetail; item: AgendaItem; manage: boolean; onDone: Reload }) {
  const { t } = useText();
  const [file, setFile] = useState<File | null>(null);
  const action = useAction();
  const inputId = `file-${item.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      if (!file) throw t('files.choose');
      const form = new FormData();
      form.append('file', file);
      await api(`/councils/${council.id}/files?ownerType=agenda_item&ownerId=${item.id}`, { method: 'POST', form });
      setFile(null);
      const input = document.getElementById(inputId) as HTMLInputElement | null;
      if (input) input.value = '';
      onDone();
    }, t('files.uploaded', { name: file?.name ?? '' }));
  };
  return (
    <>
      {item.files.length > 0 && <ul>{item.files.map((f) => <li key={f.id}><a href={`/api/councils/${council.id}/files/${f.id}`} download>{f.name}</a></li>)}</ul>}
      {manage && <form className="inline-form" onSubmit={submit} noValidate aria-label={t('files.uploadTo', { title: item.title })}>
        <label htmlFor={inputId}>{t('files.label', { title: item.title })}</label>{' '}
        <input id={inputId} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />{' '}
        <button type="submit" className="btn secondary" disabled={action.busy}>{t('files.upload')}</button>
        <ActionStatus {...action.status} />
      </form>}
    </>
  );
}

function Agenda({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t } = useText();
  const items = [...meeting.agenda].sort((x, y) => x.order - y.order);
  const edit = meeting.can.manage && meeting.state !== 'abgesagt' && meeting.minutesState !== 'genehmigt';
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{t('agenda.title')}</h2>
      {items.length === 0 ? <p>{t('agenda.empty')}</p> : (
        <ol className="plain agenda">{items.map((a, i) => (
          <li key={a.id}>
            <strong>{t('agenda.top', { n: a.order })} {a.title}</strong> <span className="badge">{a.isPublic ? t('agenda.public') : t('agenda.private')}</span>
            {a.description && <p>{a.description}</p>}
            <AgendaPaper council={council} item={a} manage={edit} onDone={onDone} />
            <AgendaFiles council={council} item={a} manage={edit} onDone={onDone} />
            {edit && <AgendaRowActions council={council} meeting={meeting} items={items} index={i} onDone={onDone} />}
          </li>
        ))}</ol>
      )}
      {edit && <AgendaForm council={council} meeting={meeting} onDone={onDone} />}
    </section>
  );
}

function Invitation({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t, locale } = useText();
  const action = useAction();
  const cancel = useAction();
  const held = useAction();
  const [reason, setReason] = useState('');
  const base = `/councils/${council.id}/meetings/${meeting.id}`;
  return (
    <section aria-labelledby="invitation">
      <h2 id="invitation">{t('invitation.title')}</h2>
      <p>{meeting.invitedAt ? t('invitation.sentOn', { date: formatDateTime(meeting.invitedAt, locale) }) : t('invitation.notYet')}</p>
      <h3>{t('invitation.invitees', { count: meeting.invitees.length })}</h3>
      {meeting.invitees.length === 0 ? <p>{t('invitation.noInvitees')}</p>
        : <ul className="plain">{meeting.invitees.map((p) => <li key={p.personId}>{p.name}{p.email ? <span className="muted break"> · {p.email}</span> : <span className="muted"> · {t('invitation.noEmail')}</span>}{p.votingRight ? '' : ` · ${t('invitation.noVote')}`}</li>)}</ul>}
      {meeting.can.manage && (meeting.state === 'geplant' || meeting.state === 'eingeladen') && (<>
        <div className="actions">
          <button type="button" className="btn" disabled={action.busy} onClick={() => void action.run(async () => {
            const r = await api<{ mailsSent: number }>(`${base}/invitation`, { method: 'POST', body: { version: meeting.version } }); onDone(); return r;
          }, (r) => t('invitation.sent', { count: r.mailsSent }))}>{meeting.invitedAt ? t('invitation.resend') : t('invitation.send')}</button>
          <button type="button" className="btn secondary" disabled={held.busy} onClick={() => void held.run(async () => {
            await api(`${base}/held`, { method: 'POST', body: { version: meeting.version } }); onDone();
          }, t('meeting.heldDone'))}>{t('meeting.markHeld')}</button>
        </div>
        <form className="stack" noValidate aria-labelledby="cancel-form" onSubmit={(e) => {
          e.preventDefault();
          if (!window.confirm(t('meeting.cancelConfirm'))) return;
          void cancel.run(async () => { const r = await api<{ mailsSent: number }>(`${base}/cancel`, { method: 'POST', body: { reason, version: meeting.version } }); onDone(); return r; }, (r) => t('meeting.cancelled', { count: r.mailsSent }));
        }}>
          <h3 id="cancel-form">{t('meeting.cancel')}</h3>
          <Field label={t('meeting.cancelReason')} error={fieldError(cancel.error, 'reason')}>{(f) => <input id={f.id} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
          <div className="actions"><button type="submit" className="btn danger" disabled={cancel.busy}>{t('meeting.cancelSubmit')}</button></div>
        </form>
      </>)}
      {/* Outside the block above: the outcome stays in view when the step closes it (held, cancelled). */}
      <ActionStatus {...action.status} />
      <ActionStatus {...held.status} />
      <ActionStatus {...cancel.status} labels={{ reason: t('meeting.cancelReason') }} />
    </section>
  );
}

function Attendance({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t } = useText();
  const people = meeting.invitees.map((p) => ({ personId: p.personId, name: p.name }));
  for (const a of meeting.attendance) if (!people.some((p) => p.personId === a.personId)) people.push({ personId: a.personId, name: a.name });
  const initial = Object.fromEntries(people.map((p) => {
    const a = meeting.attendance.find((x) => x.personId === p.personId);
    return [p.personId, { status: a?.status ?? '', note: a?.note ?? '' }];
  }));
  const [rows, setRows] = useState<Record<string, { status: string; note: string }>>(initial);
  const action = useAction();
  if (!meeting.can.manage && meeting.attendance.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const entries = Object.entries(rows).filter(([, r]) => r.status).map(([personId, r]) => ({ personId, status: r.status, note: r.note }));
    void action.run(async () => { await api(`/councils/${council.id}/meetings/${meeting.id}/attendance`, { method: 'PUT', body: { entries, version: meeting.version } }); onDone(); }, t('attendance.saved'));
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="attendance">
      <h2 id="attendance">{t('attendance.title')}</h2>
      {people.length === 0 ? <p>{t('invitation.noInvitees')}</p> : (
        <ScrollRegion label={t('attendance.title')}>
          <table>
            <caption className="visually-hidden">{t('attendance.title')}</caption>
            <thead><tr><th scope="col">{t('person.name')}</th><th scope="col">{t('attendance.status')}</th><th scope="col">{t('attendance.note')}</th></tr></thead>
            <tbody>{people.map((p) => (
              <tr key={p.personId}>
                <th scope="row">{p.name}</th>
                <td><select aria-label={t('attendance.statusOf', { name: p.name })} value={rows[p.personId]?.status ?? ''} disabled={!meeting.can.manage}
                  onChange={(e) => setRows({ ...rows, [p.personId]: { ...rows[p.personId]!, status: e.target.value } })}>
                  <option value="">{t('attendance.unknown')}</option>{ATTENDANCE.map((s) => <option key={s} value={s}>{t(`attendance.${s}`)}</option>)}</select></td>
                <td><input aria-label={t('attendance.noteOf', { name: p.name })} value={rows[p.personId]?.note ?? ''} disabled={!meeting.can.manage}
                  onChange={(e) => setRows({ ...rows, [p.personId]: { ...rows[p.personId]!, note: e.target.value } })} /></td>
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      )}
      {meeting.can.manage && people.length > 0 && <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('attendance.save')}</button></div>}
      <ActionStatus {...action.status} />
    </form>
  );
}

/** Approving earlier draft minutes of the same body in this (held) meeting. */
function ApproveEarlier({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t, locale } = useText();
  const action = useAction();
  if (!meeting.can.manage || (meeting.approvableMinutes.length === 0 && !action.success && !action.error)) return null;
  const approve = (earlier: MeetingDetail['approvableMinutes'][number]) => action.run(async () => {
    const base = `/councils/${council.id}/meetings/${earlier.id}`;
    const current = await api<MeetingDetail>(base);
    await api(`${base}/minutes/approval`, { method: 'POST', body: { approvedInMeetingId: meeting.id, minutesVersion: current.minutesVersion } });
    onDone();
  }, t('minutes.approved', { date: formatDate(earlier.startsAt, locale) }));
  return (
    <div className="stack">
      <h3>{t('minutes.approveEarlier')}</h3>
      <ul className="plain">{meeting.approvableMinutes.map((m) => (
        <li key={m.id}><Link to={`/praeventionsraete/${council.id}/sitzungen/${m.id}`}>{m.title}</Link> <span className="muted">({formatDate(m.startsAt, locale)})</span>{' '}
          <button type="button" className="btn secondary" disabled={action.busy} onClick={() => void approve(m)}>{t('minutes.approveOne', { date: formatDate(m.startsAt, locale) })}</button></li>
      ))}</ul>
      <ActionStatus {...action.status} />
    </div>
  );
}

function Minutes({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t, locale } = useText();
  const items = [...meeting.agenda].sort((x, y) => x.order - y.order);
  const [general, setGeneral] = useState(meeting.minutesGeneral);
  const [texts, setTexts] = useState<Record<string, string>>(Object.fromEntries(items.map((a) => [a.id, a.minutes ?? ''])));
  const save = useAction();
  const base = `/councils/${council.id}/meetings/${meeting.id}`;
  const approved = meeting.minutesState === 'genehmigt';
  const held = meeting.state === 'durchgefuehrt';
  const editable = meeting.can.manage && held && !approved;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      await api(`${base}/minutes`, { method: 'PUT', body: { general, items: items.map((a) => ({ agendaItemId: a.id, minutes: texts[a.id] ?? '' })), minutesVersion: meeting.minutesVersion } });
      onDone();
    }, t('minutes.saved'));
  };
  const state = meeting.minutesState === 'genehmigt' || meeting.minutesState === 'entwurf' ? meeting.minutesState : 'none';
  return (
    <section aria-labelledby="minutes">
      <h2 id="minutes">{t('minutes.title')}</h2>
      <p>{t(`minutes.state.${state}`)}{approved && meeting.minutesApprovedInMeeting
        ? ` ${t('minutes.approvedInMeeting', { date: formatDate(meeting.minutesApprovedInMeeting.startsAt, locale), title: meeting.minutesApprovedInMeeting.title })}` : ''}</p>
      {!held && meeting.can.manage && <p>{t('minutes.afterHeld')}</p>}
      {state !== 'none' && <p className="report-downloads">
        <a href={`/api${base}/minutes.pdf`} download>{t('minutes.pdf')}</a> <a href={`/api${base}/minutes.docx`} download>{t('minutes.docx')}</a>
      </p>}
      {(held || state !== 'none') && <form className="stack" onSubmit={submit} noValidate aria-label={t('minutes.editor')}>
        <Field label={t('minutes.general')}>{(f) => <textarea id={f.id} rows={3} value={general} readOnly={!editable} onChange={(e) => setGeneral(e.target.value)} />}</Field>
        {items.map((a) => (
          <Field key={a.id} label={t('minutes.item', { n: a.order, title: a.title })} hint={a.isPublic ? undefined : t('agenda.private')}>
            {(f) => <textarea id={f.id} rows={3} value={texts[a.id] ?? ''} readOnly={!editable} aria-describedby={f.describedBy} onChange={(e) => setTexts({ ...texts, [a.id]: e.target.value })} />}
          </Field>
        ))}
        {editable && <div className="actions"><button className="btn" type="submit" disabled={save.busy}>{t('minutes.save')}</button></div>}
        <ActionStatus {...save.status} labels={{ general: t('minutes.general'), minutes: t('minutes.title') }} />
      </form>}
      {held && <ApproveEarlier council={council} meeting={meeting} onDone={onDone} />}
    </section>
  );
}

/** "einstimmig beschlossen", "beschlossen (5 Ja, 0 Nein, 1 Enthaltung)" in the page's language. */
export function voteText(d: Pick<Decision, 'voteMode' | 'votesYes' | 'votesNo' | 'votesAbstain' | 'adopted'>, t: ReturnType<typeof useText>['t']) {
  if (d.voteMode === 'einstimmig') return t('vote.result.einstimmig');
  if (d.voteMode === 'ohne_abstimmung') return t('vote.result.ohne_abstimmung');
  return t(d.adopted ? 'vote.result.adopted' : 'vote.result.rejected', { yes: d.votesYes ?? 0, no: d.votesNo ?? 0, count: d.votesAbstain ?? 0 });
}

function DecisionForm({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t } = useText();
  const persons = usePersons(council.id);
  const items = [...meeting.agenda].sort((x, y) => x.order - y.order);
  const recommendations = useApi<{ items: { id: string; title: string; analysisTitle: string }[] }>(`/councils/${council.id}/recommendations`);
  const empty = { agendaItemId: '', number: '', text: '', voteMode: '', votesYes: '', votesNo: '', votesAbstain: '', tracked: false, ownerPersonId: '', dueOn: '', recommendationId: '' };
  const [d, setD] = useState(empty);
  const set = (patch: Partial<typeof empty>) => setD({ ...d, ...patch });
  const action = useAction();
  const num = (v: string) => (v === '' ? null : Number(v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/councils/${council.id}/meetings/${meeting.id}/decisions`, { method: 'POST', body: {
        agendaItemId: d.agendaItemId, number: d.number, text: d.text, voteMode: d.voteMode,
        votesYes: d.voteMode === 'abstimmung' ? num(d.votesYes) : null, votesNo: d.voteMode === 'abstimmung' ? num(d.votesNo) : null, votesAbstain: d.voteMode === 'abstimmung' ? num(d.votesAbstain) : null,
        tracked: d.tracked, ownerPersonId: d.tracked ? d.ownerPersonId || null : null, dueOn: d.tracked ? d.dueOn || null : null,
        recommendationId: d.recommendationId || null,
      } });
      setD(empty); onDone();
    }, t('decision.created'));
  };
  const labels = { agendaItemId: t('decision.item'), number: t('decision.number'), text: t('decision.text'), voteMode: t('decision.voteMode'), votesYes: t('decision.yes'), votesNo: t('decision.no'), votesAbstain: t('decision.abstain'), ownerPersonId: t('decision.owner'), dueOn: t('decision.dueOn'), recommendationId: t('decision.recommendation') };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="decision-form">
      <h3 id="decision-form">{t('decision.add')}</h3>
      <div className="grid-2">
        <Field label={t('decision.item')} error={fieldError(action.error, 'agendaItemId')}>
          {(f) => <select id={f.id} value={d.agendaItemId} onChange={(e) => set({ agendaItemId: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
            <option value="">{t('choose')}</option>{items.map((a) => <option key={a.id} value={a.id}>{t('agenda.top', { n: a.order })} {a.title}</option>)}</select>}
        </Field>
        <Field label={t('decision.number')} error={fieldError(action.error, 'number')}>{(f) => <input id={f.id} value={d.number} onChange={(e) => set({ number: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
      </div>
      <Field label={t('decision.text')} error={fieldError(action.error, 'text')}>
        {(f) => <textarea id={f.id} rows={3} value={d.text} onChange={(e) => set({ text: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('decision.voteMode')} error={fieldError(action.error, 'voteMode')}>
        {(f) => <select id={f.id} value={d.voteMode} onChange={(e) => set({ voteMode: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
          <option value="">{t('choose')}</option>{VOTE_MODES.map((v) => <option key={v} value={v}>{t(`vote.${v}`)}</option>)}</select>}
      </Field>
      {d.voteMode === 'abstimmung' && <fieldset className="field"><legend>{t('decision.votes')}</legend><div className="grid-3">
        {(['votesYes', 'votesNo', 'votesAbstain'] as const).map((k) => (
          <Field key={k} label={labels[k]} error={fieldError(action.error, k)}>
            {(f) => <input id={f.id} inputMode="numeric" value={d[k]} onChange={(e) => set({ [k]: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
          </Field>
        ))}
      </div></fieldset>}
      {(recommendations.data?.items.length ?? 0) > 0 && <Field label={t('decision.recommendation')} hint={t('decision.recommendationHint')} error={fieldError(action.error, 'recommendationId')}>
        {(f) => <select id={f.id} value={d.recommendationId} onChange={(e) => set({ recommendationId: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
          <option value="">{t('decision.noRecommendation')}</option>{recommendations.data!.items.map((r) => <option key={r.id} value={r.id}>{r.title} ({r.analysisTitle})</option>)}</select>}
      </Field>}
      <label className="inline"><input type="checkbox" checked={d.tracked} onChange={(e) => set({ tracked: e.target.checked })} /> {t('decision.tracked')}</label>
      {d.tracked && <div className="grid-2">
        <Field label={t('decision.owner')} error={fieldError(action.error, 'ownerPersonId')}>
          {(f) => <select id={f.id} value={d.ownerPersonId} onChange={(e) => set({ ownerPersonId: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy}>
            <option value="">{t('choose')}</option>{persons.data?.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>}
        </Field>
        <Field label={t('decision.dueOn')} error={fieldError(action.error, 'dueOn')}>
          {(f) => <input id={f.id} type="date" value={d.dueOn} onChange={(e) => set({ dueOn: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
      </div>}
      <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('decision.submit')}</button></div>
      <ActionStatus {...action.status} labels={labels} />
    </form>
  );
}

function Decisions({ council, meeting, onDone }: { council: CouncilDetail; meeting: MeetingDetail; onDone: Reload }) {
  const { t, locale } = useText();
  const items = [...meeting.agenda].sort((x, y) => x.order - y.order).filter((a) => a.decisions.length);
  return (
    <section aria-labelledby="decisions">
      <h2 id="decisions">{t('decisions.ofMeeting')}</h2>
      {items.length === 0 ? <p>{t('decisions.none')}</p> : items.map((a) => (
        <div key={a.id}>
          <h3>{t('agenda.top', { n: a.order })} {a.title}</h3>
          <ul className="plain">{a.decisions.map((d) => (
            <li key={d.id}>
              <p>{d.number && <strong>{d.number}: </strong>}{d.text}</p>
              <p className="muted">{voteText(d, t)}{d.tracked ? ` · ${t('decision.ownerIs', { name: d.owner?.name ?? '–' })} · ${t('decision.due', { date: dateOrDash(d.dueOn, locale) })} · ${d.trackStateLabel ?? ''}` : ''}</p>
            </li>
          ))}</ul>
        </div>
      ))}
      {meeting.can.manage && meeting.agenda.length > 0 && meeting.state !== 'abgesagt' && <DecisionForm council={council} meeting={meeting} onDone={onDone} />}
    </section>
  );
}

/** A meeting: agenda builder, invitation, attendance, minutes editor and decisions with votes. */
export function MeetingPage() {
  const { id, meetingId } = useParams();
  const { t, locale } = useText();
  const council = useCouncil(id);
  const meeting = useApi<MeetingDetail>(`/councils/${id}/meetings/${meetingId}`);
  const flash = (useLocation().state as { message?: string } | null)?.message;
  if (council.error || meeting.error) return <><PageTitle>{t('meeting.page')}</PageTitle><ErrorAlert error={council.error ?? meeting.error} /></>;
  if (!council.data || !meeting.data) return <Loading />;
  const c = council.data;
  const m = meeting.data;
  const reload = meeting.reload;
  return (
    <>
      <p><Link to={`/praeventionsraete/${c.id}`}>{t('body.back', { name: c.name })}</Link></p>
      <PageTitle>{m.title || t('meeting.defaultTitle', { body: m.bodyName, date: formatDate(m.startsAt, locale) })}</PageTitle>
      {flash && <Alert kind="success">{flash}</Alert>}
      <CouncilNav id={c.id} name={c.name} />
      <dl className="facts">
        <dt>{t('meeting.body')}</dt><dd><Link to={`/praeventionsraete/${c.id}/gremien/${m.bodyId}`}>{m.bodyName}</Link></dd>
        <dt>{t('meeting.when')}</dt><dd>{formatDateTime(m.startsAt, locale)}{m.endsAt ? ` – ${formatDateTime(m.endsAt, locale)}` : ''}</dd>
        {placeOf(m.location) && <><dt>{t('meeting.place')}</dt><dd>{placeOf(m.location)}</dd></>}
        {m.onlineUrl && <><dt>{t('meeting.onlineUrl')}</dt><dd className="break"><a href={m.onlineUrl}>{m.onlineUrl}</a></dd></>}
        <dt>{t('meeting.state')}</dt><dd>{m.stateLabel}</dd>
      </dl>
      {m.can.manage && m.state !== 'abgesagt' && m.state !== 'durchgefuehrt' && (
        <details><summary>{t('meeting.edit')}</summary><MeetingForm key={m.id} council={c} meeting={m} onDone={reload} /></details>
      )}
      <div className="grid-2">
        <Agenda council={c} meeting={m} onDone={reload} />
        <Invitation council={c} meeting={m} onDone={reload} />
      </div>
      <Attendance key={m.id} council={c} meeting={m} onDone={reload} />
      <Minutes key={`m${m.agenda.length}`} council={c} meeting={m} onDone={reload} />
      <Decisions council={c} meeting={m} onDone={reload} />
    </>
  );
}
