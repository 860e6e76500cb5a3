import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { todayIso } from '../../../lib/dates.js';
import { api, formatDate } from '../../api.js';
import { useCan, useSession } from '../../session.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { CommunePicker, type CommuneRef } from '../../ui/CommunePicker.js';
import { TopicChecklist } from '../../ui/TopicChecklist.js';
import { ActionStatus } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import { ListFilter, Pager, SortHeader, useListQuery } from '../../ui/PagedList.js';
import type { TConsultation, TConsultationList, TOpenTask } from '../../../modules/alliance/consultations/consultations.types.js';
import type { TFieldOfAction, TPerson } from '../../../modules/alliance/admin/admin.types.js';
import { useText } from './messages.js';

const FORMATS = ['vor_ort', 'online', 'telefon', 'veranstaltung'] as const;

function ConsultationForm({ initial, onDone }: { initial: TConsultation | null; onDone: (msg: string) => void }) {
  const { t } = useText();
  const staff = useApi<{ items: TPerson[] }>('/alliance/staff');
  const { user } = useSession();
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? todayIso());
  const [staffUserId, setStaffUserId] = useState(initial?.staff.id ?? user?.id ?? '');
  const [format, setFormat] = useState<string>(initial?.format ?? 'vor_ort');
  const [communes, setCommunes] = useState<CommuneRef[]>(initial?.communes ?? []);
  const [topics, setTopics] = useState<string[]>(initial?.topics.map((x) => x.id) ?? []);
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [tasks, setTasks] = useState<{ title: string; dueOn: string; assignee: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      const body = { heldOn, staffUserId: staffUserId || undefined, format, communes: communes.map((c) => c.ags), topics, notes };
      if (initial) await api(`/consultations/${initial.id}`, { method: 'PUT', body: { ...body, version: initial.version } });
      else await api('/consultations', { method: 'POST', body: { ...body, tasks } });
      onDone(t('consultations.saved'));
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="consultation-form">
      <h2 id="consultation-form">{initial ? t('consultations.edit') : t('consultations.new')}</h2>
      <Field label={t('consultations.heldOn')} error={fieldError(error, 'heldOn')}>
        {(f) => <input id={f.id} type="date" required value={heldOn} max={todayIso()} onChange={(e) => setHeldOn(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
      </Field>
      <Field label={t('consultations.staff')} error={fieldError(error, 'staffUserId')}>
        {(f) => <select id={f.id} value={staffUserId} onChange={(e) => setStaffUserId(e.target.value)}>{staff.data?.items.map((s) => <option key={s.id} value={s.id}>{s.displayName}</option>)}</select>}
      </Field>
      <Field label={t('consultations.format')}>
        {(f) => <select id={f.id} value={format} onChange={(e) => setFormat(e.target.value)}>{FORMATS.map((x) => <option key={x} value={x}>{t(`consultations.format.${x}`)}</option>)}</select>}
      </Field>
      <CommunePicker legend={t('consultations.communes')} value={communes} onChange={setCommunes} error={fieldError(error, 'communes')} />
      <TopicChecklist legend={t('consultations.topics')} value={topics} onChange={setTopics} error={fieldError(error, 'topics')} />
      <Field label={t('consultations.notes')}>{(f) => <textarea id={f.id} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}</Field>
      {!initial && <fieldset className="field">
        <legend>{t('consultations.tasks')}</legend>
        {tasks.map((task, i) => (
          <div key={i} className="task-row">
            <Field label={t('consultations.taskTitle', { n: i + 1 })} error={fieldError(error, `tasks.${i}.title`)}>
              {(f) => <input id={f.id} value={task.title} onChange={(e) => setTasks(tasks.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />}
            </Field>
            <Field label={t('consultations.taskDue', { n: i + 1 })} error={fieldError(error, `tasks.${i}.dueOn`)}>
              {(f) => <input id={f.id} type="date" value={task.dueOn} onChange={(e) => setTasks(tasks.map((x, j) => (j === i ? { ...x, dueOn: e.target.value } : x)))} />}
            </Field>
            <button type="button" className="btn secondary" onClick={() => setTasks(tasks.filter((_, j) => j !== i))}>{t('consultations.removeTask', { n: i + 1 })}</button>
          </div>
        ))}
        <button type="button" className="btn secondary" onClick={() => setTasks([...tasks, { title: '', dueOn: '', assignee: '' }])}>{t('consultations.addTask')}</button>
      </fieldset>}
      <div className="actions">
        <button className="btn" type="submit">{t('consultations.save')}</button>
        <button className="btn secondary" type="button" onClick={() => onDone('')}>{t('common.cancel')}</button>
      </div>
      <ActionStatus error={error} labels={{
        heldOn: t('consultations.heldOn'), staffUserId: t('consultations.staff'), format: t('consultations.format'), communes: t('consultations.communes'),
        topics: t('consultations.topics'), notes: t('consultations.notes'), tasks: t('consultations.tasks'),
        'tasks.*.title': t('consultations.taskTitle', { n: '{n}' }), 'tasks.*.dueOn': t('consultations.taskDue', { n: '{n}' }),
      }} />
    </form>
  );
}

const CONSULTATION_FILTERS = ['ags', 'from', 'to', 'topic'] as const;

export function ConsultationsPage() {
  const { t, locale } = useText();
  const canEdit = useCan()('alliance.consultation.manage');
  // A link from a commune (`?ags=…`) filters by its AGS until the filter field is changed.
  const list = useListQuery({ sort: 'heldOn', dir: 'desc', filters: CONSULTATION_FILTERS });
  const q = list.q || list.filters.ags;
  const [editing, setEditing] = useState<TConsultation | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const consultations = useApi<TConsultationList>(`/consultations?${list.apiQuery}`);
  const [taskPage, setTaskPage] = useState(1);
  const TASKS_PER_PAGE = 10;
  const tasks = useApi<{ items: TOpenTask[]; total: number }>(canEdit ? `/consultation-tasks?limit=${TASKS_PER_PAGE}&offset=${(taskPage - 1) * TASKS_PER_PAGE}` : null);
  const fields = useApi<{ items: TFieldOfAction[] }>('/fields-of-action');
  const done = (msg: string) => { setEditing(null); setActionError(null); setMessage(msg); consultations.reload(); tasks.reload(); };
  const remove = async (c: TConsultation) => {
    if (!window.confirm(t('consultations.confirmDelete', { date: formatDate(c.heldOn, locale) }))) return;
    setActionError(null); setMessage('');
    try { await api(`/consultations/${c.id}?version=${c.version}`, { method: 'DELETE' }); done(t('consultations.deleted')); } catch (e) { setActionError(e); }
  };
  const toggleTask = async (task: TOpenTask) => {
    try { await api(`/consultation-tasks/${task.id}`, { method: 'PUT', body: { done: !task.doneOn, version: task.version } }); tasks.reload(); consultations.reload(); } catch (e) { setActionError(e); }
  };
  const sortBy = (sort: string, dir: 'asc' | 'desc') => list.set({ sort, dir });
  return (
    <>
      <PageTitle>{t('consultations.title')}</PageTitle>
      <p>{t('consultations.intro')}</p>
      <ErrorAlert error={consultations.error} />
      {canEdit && !editing && <p><button className="btn" type="button" onClick={() => { setMessage(''); setActionError(null); setEditing('new'); }}>{t('consultations.new')}</button></p>}
      {!editing && <ActionStatus error={actionError} success={message} />}
      {editing && <ConsultationForm key={editing === 'new' ? 'new' : editing.id} initial={editing === 'new' ? null : editing} onDone={done} />}
      {canEdit && tasks.data && tasks.data.items.length > 0 && (
        <section aria-labelledby="open-tasks">
          <h2 id="open-tasks">{t('consultations.openTasks')}</h2>
          <ul className="tasks">{tasks.data.items.map((task) => (
            <li key={task.id} className={task.dueOn < todayIso() ? 'overdue' : ''}>
              <label><input type="checkbox" checked={!!task.doneOn} onChange={() => toggleTask(task)} /> {task.title}</label>
              {task.communes.length > 0 && <>{' – '}{task.communes.map((x, i) => <span key={x.ags}>{i > 0 && ', '}<Link to={`/gemeinden/${x.ags}`}>{x.name}</Link></span>)}</>}
              {' '}<span className="muted">{t('consultations.due', { date: formatDate(task.dueOn, locale) })}{task.dueOn < todayIso() ? ` – ${t('consultations.overdue')}` : ''}</span>
            </li>
          ))}</ul>
          {tasks.data.total > TASKS_PER_PAGE && <Pager total={tasks.data.total} page={taskPage} pageSize={TASKS_PER_PAGE} items={t('consultations.tasksCount', { n: tasks.data.total })} onPage={setTaskPage} />}
        </section>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('consultations.filter')}>
        <ListFilter label={t('consultations.filterCommune')} value={q} onChange={(v) => list.set({ q: v, ags: '' })} />
        <Field label={t('consultations.from')}>{(f) => <input id={f.id} type="date" value={list.filters.from} onChange={(e) => list.set({ from: e.target.value })} />}</Field>
        <Field label={t('consultations.to')}>{(f) => <input id={f.id} type="date" value={list.filters.to} onChange={(e) => list.set({ to: e.target.value })} />}</Field>
        <Field label={t('consultations.topic')}>
          {(f) => <select id={f.id} value={list.filters.topic} onChange={(e) => list.set({ topic: e.target.value })}>
            <option value="">{t('consultations.allTopics')}</option>{fields.data?.items.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
          </select>}
        </Field>
      </form>
      {!consultations.data ? <Loading /> : (
        <>
          <ScrollRegion label={t('consultations.title')}>
            <table>
              <caption>{t('consultations.count', { n: consultations.data.total })}</caption>
              <thead><tr>
                <SortHeader label={t('consultations.heldOn')} column="heldOn" sort={list.sort} dir={list.dir} onSort={sortBy} />
                <SortHeader label={t('consultations.communes')} column="commune" sort={list.sort} dir={list.dir} onSort={sortBy} />
                <th scope="col">{t('consultations.topics')}</th>
                <SortHeader label={t('consultations.staff')} column="staff" sort={list.sort} dir={list.dir} onSort={sortBy} />
                <th scope="col">{t('consultations.notes')}</th>{canEdit && <th scope="col">{t('consultations.actions')}</th>}
              </tr></thead>
              <tbody>{consultations.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{formatDate(c.heldOn, locale)}</th>
                  <td>{c.communes.map((x, i) => <span key={x.ags}>{i > 0 && ', '}<Link to={`/gemeinden/${x.ags}`}>{x.name}</Link></span>)}</td>
                  <td>{c.topics.map((x) => x.label).join(', ')}</td>
                  <td>{c.staff.name}</td>
                  <td>{c.notes}{c.tasks.length > 0 && <span className="muted"> ({t('consultations.taskCount', { n: c.tasks.length })})</span>}</td>
                  {canEdit && <td className="row-actions">{c.can.manage && <>
                    <button type="button" className="linkish" onClick={() => { setMessage(''); setEditing(c); }} aria-label={t('consultations.editOf', { date: formatDate(c.heldOn, locale) })}>{t('consultations.editShort')}</button>
                    {' '}<button type="button" className="linkish" onClick={() => remove(c)} aria-label={t('consultations.deleteOf', { date: formatDate(c.heldOn, locale) })}>{t('consultations.deleteShort')}</button>
                  </>}</td>}
                </tr>
              ))}</tbody>
            </table>
          </ScrollRegion>
          <Pager total={consultations.data.total} page={list.page} pageSize={list.pageSize} items={t('consultations.count', { n: consultations.data.total })}
            onPage={(p) => list.set({ seite: String(p) })} onPageSize={(n) => list.set({ anzahl: String(n) })} />
        </>
      )}
    </>
  );
}
