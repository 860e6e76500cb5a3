import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDateTime, formatNumber } from '../../api.js';
import { ErrorAlert, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import type { TReportBlock, TReportList, TReportModel } from '../../../modules/evaluation/evaluation.types.js';
import { AnalysisSubnav } from './FindingsPage.js';
import { useText } from './messages.js';

function ReportBlock({ block, index }: { block: TReportBlock; index: number }) {
  switch (block.kind) {
    case 'heading': {
      const Tag = (`h${Math.min(block.level + 1, 4)}`) as 'h2' | 'h3' | 'h4';
      return <Tag id={block.id}>{block.text}</Tag>;
    }
    case 'paragraph': return <p>{block.text}</p>;
    case 'bullets': return <ul>{block.items.map((x, i) => <li key={i}>{x}</li>)}</ul>;
    case 'note': return <p className="note">{block.text}</p>;
    case 'pagebreak': return null;
    // Our own server-rendered SVG (ECharts, escaped labels); the table that follows carries the same values.
    case 'chart': return <figure className="report-chart" role="img" aria-label={block.alt} dangerouslySetInnerHTML={{ __html: block.svg.replace(/<svg /, '<svg aria-hidden="true" focusable="false" ') }} />;
    case 'table': return (
      <ScrollRegion label={block.caption}>
        <table>
          <caption>{block.caption}</caption>
          <thead><tr>{block.columns.map((c, i) => <th key={i} scope="col" className={block.numeric?.[i] ? 'num' : undefined}>{c || <span className="visually-hidden">{`Spalte ${i + 1}`}</span>}</th>)}</tr></thead>
          <tbody>{block.rows.map((r, j) => <tr key={`${index}-${j}`}>{r.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i} className={block.numeric?.[i] ? 'num' : undefined}>{c}</td>))}</tr>)}</tbody>
        </table>
        {block.note && <p className="note">{block.note}</p>}
      </ScrollRegion>
    );
  }
}

function ReportFiles({ projectId }: { projectId: string }) {
  const { t, locale } = useText();
  const list = useApi<TReportList>(`/analyses/${projectId}/reports`);
  const [error, setError] = useState<unknown>(null);
  const pending = list.data?.items.some((r) => r.status === 'queued' || r.status === 'running');
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(list.reload, 1500);
    return () => clearInterval(timer);
  }, [pending, list.reload]);
  const generate = async () => {
    setError(null);
    try { await api(`/analyses/${projectId}/reports`, { method: 'POST' }); list.reload(); } catch (e) { setError(e); }
  };
  return (
    <section aria-labelledby="files">
      <h2 id="files">{t('report.files')}</h2>
      <ErrorAlert error={error} />
      {list.data?.can.generate && <p><button type="button" className="btn" onClick={generate} disabled={pending}>{t('report.generate')}</button></p>}
      <div role="status" aria-live="polite">{pending && <p>{t('report.pending')}</p>}</div>
      {list.data && list.data.items.length === 0 && <p>{t('report.noFiles')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ScrollRegion label={t('report.files')}>
          <table>
            <caption className="visually-hidden">{t('report.files')}</caption>
            <thead><tr><th scope="col">{t('report.requested')}</th><th scope="col">{t('report.status')}</th><th scope="col">{t('report.download')}</th></tr></thead>
            <tbody>{list.data.items.map((r) => (
              <tr key={r.id}><th scope="row">{formatDateTime(r.requestedAt, locale)}</th><td>{t(`report.status.${r.status}`)}{r.error ? `: ${r.error}` : ''}</td>
                <td>{r.status === 'done' ? <>
                  <a href={`/api/analyses/${projectId}/reports/${r.id}/pdf`} download>{t('report.pdf', { kb: formatNumber(Math.round((r.pdfBytes ?? 0) / 1024), locale) })}</a>{' · '}
                  <a href={`/api/analyses/${projectId}/reports/${r.id}/docx`} download>{t('report.docx', { kb: formatNumber(Math.round((r.docxBytes ?? 0) / 1024), locale) })}</a>
                </> : '–'}</td></tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

export function ReportPage() {
  const { id } = useParams();
  const { t } = useText();
  const model = useApi<TReportModel>(`/analyses/${id}/report`);
  if (model.error) return <><PageTitle>{t('eval.report')}</PageTitle><ErrorAlert error={model.error} /></>;
  if (!model.data) return <Loading />;
  const m = model.data;
  const toc = m.blocks.filter((b): b is Extract<TReportBlock, { kind: 'heading' }> => b.kind === 'heading' && b.level === 1 && !!b.id);
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('eval.toProject')}</Link></p>
      <PageTitle>{m.title}</PageTitle>
      <AnalysisSubnav id={id!} />
      <p>{m.subtitle} · {m.institute} · {t('report.asOf', { date: m.date })}</p>
      <ReportFiles projectId={id!} />
      <nav aria-label={t('report.contents')}>
        <h2>{t('report.contents')}</h2>
        <ol>{toc.map((h) => <li key={h.id}><a href={`#${h.id}`}>{h.text}</a></li>)}</ol>
      </nav>
      <div className="report-doc">{m.blocks.map((b, i) => <ReportBlock key={i} block={b} index={i} />)}</div>
    </>
  );
}
