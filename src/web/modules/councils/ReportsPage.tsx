import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, formatDate, formatNumber } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus, useAction } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import { CouncilNav } from './parts.js';
import { useCouncil } from './CouncilPage.js';
import type { TCouncilReport, TReportFigures } from '../../../modules/councils/documents.types.js';
import { useText } from './messages.js';

type ReportSummary = Pick<TCouncilReport, 'id' | 'year' | 'state' | 'stateLabel' | 'title' | 'generatedAt' | 'publishedAt' | 'version' | 'downloads'>;

/** The council's annual Präventionsberichte: one per year, generated from the year's records, then edited and published. */
export function ReportsPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const navigate = useNavigate();
  const council = useCouncil(id);
  const list = useApi<{ items: ReportSummary[]; can: { manage: boolean } }>(`/councils/${id}/reports`);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const action = useAction();
  if (council.error) return <><PageTitle>{t('reports.title')}</PageTitle><ErrorAlert error={council.error} /></>;
  if (!council.data) return <Loading />;
  const c = council.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const r = await api<TCouncilReport>(`/councils/${c.id}/reports`, { method: 'POST', body: { year: Number(year) || year } });
      navigate(`/praeventionsraete/${c.id}/berichte/${r.id}`, { state: { message: t('reports.generated', { year: r.year }) } });
    });
  };
  const reports = list.data?.items ?? [];
  return (
    <>
      <p><Link to={`/praeventionsraete/${c.id}`}>{t('body.back', { name: c.name })}</Link></p>
      <PageTitle>{t('reports.titleOf', { name: c.name })}</PageTitle>
      <CouncilNav id={c.id} name={c.name} />
      <p>{t('reports.intro')}</p>
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : reports.length === 0 ? <p>{t('reports.none')}</p> : (
        <ul className="plain">{reports.map((r) => (
          <li key={r.id}><Link to={`/praeventionsraete/${c.id}/berichte/${r.id}`}>{r.title || t('reports.ofYear', { year: r.year })}</Link>
            <span className="muted"> · {r.stateLabel}{r.publishedAt ? ` ${formatDate(r.publishedAt, locale)}` : ''}</span></li>
        ))}</ul>
      )}
      {list.data?.can.manage && (
        <form className="stack card" onSubmit={submit} noValidate aria-labelledby="report-form">
          <h2 id="report-form">{t('reports.create')}</h2>
          <p>{t('reports.createHint')}</p>
          <Field label={t('reports.year')} error={fieldError(action.error, 'year')}>
            {(f) => <input id={f.id} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
          </Field>
          <div className="actions"><button className="btn" type="submit" disabled={action.busy}>{t('reports.createSubmit')}</button></div>
          <ActionStatus {...action.status} labels={{ year: t('reports.year') }} />
        </form>
      )}
    </>
  );
}

const share = (v: number | null, locale: string) => (v === null ? '–' : v.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { style: 'percent', maximumFractionDigits: 0 }));

/** The figures as generated (not edited here): meetings per body, attendance, decisions by state. */
function Figures({ figures }: { figures: TReportFigures }) {
  const { t, locale } = useText();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <section aria-labelledby="figures">
      <h2 id="figures">{t('report.figures')}</h2>
      <p>{t('report.figuresIntro', { count: figures.meetings.total, rate: share(figures.attendance.rate, locale) })}</p>
      <ScrollRegion label={t('report.meetingsByBody')}>
        <table>
          <caption>{t('report.meetingsByBody')}</caption>
          <thead><tr><th scope="col">{t('meeting.body')}</th><th scope="col" className="num">{t('report.held')}</th><th scope="col" className="num">{t('report.cancelled')}</th></tr></thead>
          <tbody>{figures.meetings.byBody.map((b) => <tr key={b.body}><th scope="row">{b.body}</th><td className="num">{n(b.held)}</td><td className="num">{n(b.cancelled)}</td></tr>)}</tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion label={t('report.decisionsByState')}>
        <table>
          <caption>{t('report.decisionsByState')}</caption>
          <thead><tr><th scope="col">{t('track.state')}</th><th scope="col" className="num">{t('report.count')}</th></tr></thead>
          <tbody>
            {figures.decisions.byState.map((s) => <tr key={s.state}><th scope="row">{s.label}</th><td className="num">{n(s.count)}</td></tr>)}
            <tr><th scope="row">{t('report.untracked')}</th><td className="num">{n(figures.decisions.untracked)}</td></tr>
          </tbody>
        </table>
      </ScrollRegion>
      {figures.decisions.nonPublic > 0 && <p className="muted">{t('report.nonPublic', { count: figures.decisions.nonPublic })}</p>}
    </section>
  );
}

/** The report editor: title, foreword and sections, saved with the version read; published; PDF and DOCX. */
export function ReportEditorPage() {
  const { id, reportId } = useParams();
  const { t } = useText();
  const council = useCouncil(id);
  const report = useApi<TCouncilReport>(`/councils/${id}/reports/${reportId}`);
  if (council.error || report.error) return <><PageTitle>{t('reports.title')}</PageTitle><ErrorAlert error={council.error ?? report.error} /></>;
  if (!council.data || !report.data) return <Loading />;
  return <ReportEditor key={report.data.id} councilId={council.data.id} councilName={council.data.name} manage={council.data.can.manage} initial={report.data} />;
}

function ReportEditor({ councilId, councilName, manage, initial }: { councilId: string; councilName: string; manage: boolean; initial: TCouncilReport }) {
  const { t, locale } = useText();
  const [report, setReport] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [foreword, setForeword] = useState(initial.foreword);
  const [sections, setSections] = useState(initial.sections);
  const save = useAction();
  const publish = useAction();
  const base = `/councils/${councilId}/reports/${report.id}`;
  const editable = manage && report.state === 'entwurf';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => setReport(await api<TCouncilReport>(base, { method: 'PUT', body: { title, foreword, sections, version: report.version } })), t('report.saved'));
  };
  const setSection = (i: number, patch: Partial<TCouncilReport['sections'][number]>) => setSections(sections.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const labels = { title: t('report.docTitle'), foreword: t('report.foreword'), 'sections.*.title': t('report.sectionTitle', { n: '{n}' }), 'sections.*.text': t('report.sectionText', { n: '{n}' }) };
  return (
    <>
      <p><Link to={`/praeventionsraete/${councilId}/berichte`}>{t('report.back')}</Link></p>
      <PageTitle>{report.title || t('reports.ofYear', { year: report.year })}</PageTitle>
      <CouncilNav id={councilId} name={councilName} />
      <p>{report.stateLabel}{report.publishedAt ? ` ${formatDate(report.publishedAt, locale)}` : ''} · {t('report.generatedAt', { date: formatDate(report.generatedAt, locale) })}</p>
      <p className="report-downloads">
        <a href={report.downloads.pdf} download>{t('report.pdf')}</a> <a href={report.downloads.docx} download>{t('report.docx')}</a>
      </p>
      {report.state === 'entwurf' && <p className="muted">{t('report.draftPreview')}</p>}
      <form className="stack wide" onSubmit={submit} noValidate aria-label={t('report.editor')}>
        <Field label={t('report.docTitle')} error={fieldError(save.error, 'title')}>
          {(f) => <input id={f.id} value={title} readOnly={!editable} onChange={(e) => setTitle(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <Field label={t('report.foreword')} error={fieldError(save.error, 'foreword')}>
          {(f) => <textarea id={f.id} rows={5} value={foreword} readOnly={!editable} onChange={(e) => setForeword(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        {sections.map((s, i) => (
          <fieldset key={s.key || i} className="field">
            <legend>{t('report.section', { n: i + 1, title: s.title })}</legend>
            <Field label={t('report.sectionTitle', { n: i + 1 })} error={fieldError(save.error, `sections.${i}.title`)}>
              {(f) => <input id={f.id} value={s.title} readOnly={!editable} onChange={(e) => setSection(i, { title: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
            </Field>
            <Field label={t('report.sectionText', { n: i + 1 })} error={fieldError(save.error, `sections.${i}.text`)}>
              {(f) => <textarea id={f.id} rows={6} value={s.text} readOnly={!editable} onChange={(e) => setSection(i, { text: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
            </Field>
          </fieldset>
        ))}
        {editable && <div className="actions"><button className="btn" type="submit" disabled={save.busy}>{t('report.save')}</button></div>}
        <ActionStatus {...save.status} labels={labels} />
      </form>
      <Figures figures={report.figures} />
      {manage && (<div className="stack">
        {report.state === 'entwurf' && <div className="actions"><button type="button" className="btn" disabled={publish.busy} onClick={() => {
          if (!window.confirm(t('report.publishConfirm'))) return;
          void publish.run(async () => setReport(await api<TCouncilReport>(`${base}/publish`, { method: 'POST', body: { version: report.version } })), t('report.publishedDone'));
        }}>{t('report.publish')}</button></div>}
        <ActionStatus {...publish.status} />
      </div>)}
    </>
  );
}
