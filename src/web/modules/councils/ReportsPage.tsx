import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, formatDate } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus, useAction } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import { CouncilNav } from './parts.js';
import { useCouncil } from './CouncilPage.js';
import type { Paged } from './types.js';

interface ReportListItem { id: string; year: number; title: string; state: 'entwurf' | 'veroeffentlicht'; publishedAt: string | null; version: number }
interface ReportDetail extends ReportListItem { content: { title: string; foreword: string; sections: { key: string; title: string; text: string }[]; figures: Record<string, unknown> } }
import { useText } from './messages.js';

const itemsOf = <T,>(d: Paged<T> | T[] | null) => (Array.isArray(d) ? d : d?.items ?? []);

/** The council's annual Präventionsberichte: one per year, generated from the year's records, then edited. */
export function ReportsPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const navigate = useNavigate();
  const council = useCouncil(id);
  const list = useApi<Paged<ReportListItem> | ReportListItem[]>(`/councils/${id}/reports`);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const action = useAction();
  if (council.error) return <><PageTitle>{t('reports.title')}</PageTitle><ErrorAlert error={council.error} /></>;
  if (!council.data) return <Loading />;
  const c = council.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const r = await api<ReportListItem>(`/councils/${c.id}/reports`, { method: 'POST', body: { year: Number(year) } });
      navigate(`/praeventionsraete/${c.id}/berichte/${r.id}`);
    });
  };
  const reports = itemsOf(list.data);
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
            <span className="muted"> · {r.state === 'veroeffentlicht' ? t('reports.published', { date: r.publishedAt ? formatDate(r.publishedAt, locale) : '' }) : t('reports.draft')}</span></li>
        ))}</ul>
      )}
      {c.can.manage && (
        <form className="stack card" onSubmit={submit} noValidate aria-labelledby="report-form">
          <h2 id="report-form">{t('reports.create')}</h2>
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

/** Figures of the report as generated: numbers and short lists as a table (they are not edited here). */
function Figures({ figures }: { figures: Record<string, unknown> }) {
  const { t } = useText();
  const rows = Object.entries(figures).filter(([, v]) => typeof v === 'number' || typeof v === 'string');
  if (!rows.length) return null;
  return (
    <ScrollRegion label={t('report.figures')}>
      <table>
        <caption>{t('report.figures')}</caption>
        <thead><tr><th scope="col">{t('report.figure')}</th><th scope="col" className="num">{t('report.value')}</th></tr></thead>
        <tbody>{rows.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td className="num">{String(v)}</td></tr>)}</tbody>
      </table>
    </ScrollRegion>
  );
}

/** The report editor: title, foreword and sections; saved with the version read; published; PDF and DOCX. */
export function ReportEditorPage() {
  const { id, reportId } = useParams();
  const { t } = useText();
  const council = useCouncil(id);
  const report = useApi<ReportDetail>(`/councils/${id}/reports/${reportId}`);
  if (council.error || report.error) return <><PageTitle>{t('reports.title')}</PageTitle><ErrorAlert error={council.error ?? report.error} /></>;
  if (!council.data || !report.data) return <Loading />;
  return <ReportEditor key={report.data.id} councilId={council.data.id} councilName={council.data.name} manage={council.data.can.manage} report={report.data} reload={report.reload} />;
}

function ReportEditor({ councilId, councilName, manage, report, reload }: { councilId: string; councilName: string; manage: boolean; report: ReportDetail; reload: () => void }) {
  const { t } = useText();
  const [content, setContent] = useState(report.content);
  const [version, setVersion] = useState(report.version);
  const save = useAction();
  const publish = useAction();
  const base = `/councils/${councilId}/reports/${report.id}`;
  const editable = manage;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const r = await api<ReportDetail>(base, { method: 'PUT', body: { content, version } });
      if (r?.version) setVersion(r.version);
    }, t('report.saved'));
  };
  const labels = { 'content.title': t('report.docTitle'), 'content.foreword': t('report.foreword'), 'content.sections.*.title': t('report.sectionTitle', { n: '{n}' }), 'content.sections.*.text': t('report.sectionText', { n: '{n}' }) };
  return (
    <>
      <p><Link to={`/praeventionsraete/${councilId}/berichte`}>{t('report.back')}</Link></p>
      <PageTitle>{content.title || t('reports.ofYear', { year: report.year })}</PageTitle>
      <CouncilNav id={councilId} name={councilName} />
      <p>{report.state === 'veroeffentlicht' ? t('reports.published', { date: '' }) : t('reports.draft')}</p>
      <p className="report-downloads">
        <a href={`/api${base}/report.pdf`} download>{t('report.pdf')}</a> <a href={`/api${base}/report.docx`} download>{t('report.docx')}</a>
      </p>
      <form className="stack wide" onSubmit={submit} noValidate aria-label={t('report.editor')}>
        <Field label={t('report.docTitle')} error={fieldError(save.error, 'content.title')}>
          {(f) => <input id={f.id} value={content.title} readOnly={!editable} onChange={(e) => setContent({ ...content, title: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
        </Field>
        <Field label={t('report.foreword')}>{(f) => <textarea id={f.id} rows={5} value={content.foreword} readOnly={!editable} onChange={(e) => setContent({ ...content, foreword: e.target.value })} />}</Field>
        {content.sections.map((s, i) => (
          <fieldset key={s.key || i} className="field">
            <legend>{t('report.section', { n: i + 1, title: s.title })}</legend>
            <Field label={t('report.sectionTitle', { n: i + 1 })} error={fieldError(save.error, `content.sections.${i}.title`)}>
              {(f) => <input id={f.id} value={s.title} readOnly={!editable} onChange={(e) => setContent({ ...content, sections: content.sections.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)) })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}
            </Field>
            <Field label={t('report.sectionText', { n: i + 1 })}>
              {(f) => <textarea id={f.id} rows={6} value={s.text} readOnly={!editable} onChange={(e) => setContent({ ...content, sections: content.sections.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />}
            </Field>
          </fieldset>
        ))}
        {editable && <div className="actions"><button className="btn" type="submit" disabled={save.busy}>{t('report.save')}</button></div>}
        <ActionStatus {...save.status} labels={labels} />
      </form>
      <Figures figures={content.figures} />
      {editable && report.state !== 'veroeffentlicht' && (<div className="stack">
        <div className="actions"><button type="button" className="btn" disabled={publish.busy} onClick={() => {
          if (!window.confirm(t('report.publishConfirm'))) return;
          void publish.run(async () => { await api(`${base}/publish`, { method: 'POST', body: { version } }); reload(); }, t('report.publishedDone'));
        }}>{t('report.publish')}</button></div>
        <ActionStatus {...publish.status} />
      </div>)}
    </>
  );
}
