import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, formatDateTime, formatNumber } from '../../api.js';
import { ErrorAlert, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import type { TReportBlock, TReportList, TReportView } from '../../../modules/evaluation/evaluation.types.js';
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

/** The stored versions of the report, newest first; `onStored` runs when a version being generated is done. */
function ReportVersions({ projectId, onStored }: { projectId: string; onStored: () => void }) {
  const { t, locale } = useText();
  const list = useApi<TReportList>(`/analyses/${projectId}/reports`);
  const [error, setError] = useState<unknown>(null);
  const pending = list.data?.items.some((r) => r.status === 'queued' || r.status === 'running');
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) onStored();
    wasPending.current = !!pending;
    if (!pending) return;
    const timer = setInterval(list.reload, 1500);
    return () => clearInterval(timer);
  }, [pending, list.reload, onStored]);
  const generate = async () => {
    setError(null);
    try { await api(`/analyses/${projectId}/reports`, { method: 'POST' }); list.reload(); } catch (e) { setError(e); }
  };
  return (
    <section aria-labelledby="files">
      <h2 id="files">{t('report.files')}</h2>
      <p>{t('report.versionsHint')}</p>
      <ErrorAlert error={error} />
      {list.data?.can.generate && <p><button type="button" className="btn" onClick={generate} disabled={pending}>{t('report.generate')}</button></p>}
      <div role="status" aria-live="polite">{pending && <p>{t('report.pending')}</p>}</div>
      {list.data && list.data.items.length === 0 && <p>{t('report.noFiles')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ScrollRegion label={t('report.files')}>
          <table className="report-versions">
            <caption className="visually-hidden">{t('report.files')}</caption>
            <thead><tr><th scope="col">{t('report.version')}</th><th scope="col">{t('report.created')}</th><th scope="col">{t('report.download')}</th></tr></thead>
            <tbody>{list.data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">{t('report.versionNumber', { number: r.number })}</th>
                <td>{r.status === 'done' && r.finishedAt ? formatDateTime(r.finishedAt, locale) : `${t(`report.status.${r.status}`)}${r.error ? `: ${r.error}` : ''}`}</td>
                <td>{r.status === 'done' ? <span className="report-downloads">
                  <a href={`/api/analyses/${projectId}/reports/${r.id}/pdf`} download aria-label={t('report.pdfOf', { number: r.number, kb: formatNumber(Math.round((r.pdfBytes ?? 0) / 1024), locale) })}>{t('report.pdf', { kb: formatNumber(Math.round((r.pdfBytes ?? 0) / 1024), locale) })}</a>
                  <a href={`/api/analyses/${projectId}/reports/${r.id}/docx`} download aria-label={t('report.docxOf', { number: r.number, kb: formatNumber(Math.round((r.docxBytes ?? 0) / 1024), locale) })}>{t('report.docx', { kb: formatNumber(Math.round((r.docxBytes ?? 0) / 1024), locale) })}</a>
                </span> : '–'}</td>
              </tr>
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
  const model = useApi<TReportView>(`/analyses/${id}/report`);
  if (model.error) return <><PageTitle>{t('eval.report')}</PageTitle><ErrorAlert error={model.error} /></>;
  if (!model.data) return <Loading />;
  const m = model.data;
  const toc = m.blocks.filter((b): b is Extract<TReportBlock, { kind: 'heading' }> => b.kind === 'heading' && b.level === 1 && !!b.id);
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('eval.toProject')}</Link></p>
      <div className="report-cover">
        {m.crest && <img src={m.crest} alt={t('report.crest', { name: m.officialName ?? m.commune })} className="report-crest" />}
        <div>
          {m.officialName && <p className="report-official">{m.officialName}</p>}
          <PageTitle>{m.title}</PageTitle>
          <p className="report-subtitle">{m.subtitle}</p>
        </div>
      </div>
      <AnalysisSubnav id={id!} />
      <dl className="report-facts">
        <dt>{t('report.date')}</dt><dd>{m.date}</dd>
        <dt>{t('report.institute')}</dt><dd>{m.institute}</dd>
        {m.publisher && <><dt>{t('report.publisher')}</dt><dd>{m.publisher}</dd></>}
      </dl>
      <p className="report-state" data-testid="report-state">{m.frozen
        ? t('report.frozen', { number: m.frozen.number, date: m.date })
        : t('report.live')}</p>
      <ReportVersions projectId={id!} onStored={model.reload} />
      <nav aria-label={t('report.contents')}>
        <h2>{t('report.contents')}</h2>
        <ol>{toc.map((h) => <li key={h.id}><a href={`#${h.id}`}>{h.text}</a></li>)}</ol>
      </nav>
      <div className="report-doc">{m.blocks.map((b, i) => <ReportBlock key={i} block={b} index={i} />)}</div>
    </>
  );
}
