import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { MIME } from '../../server/http/download.js';
import { staleVersion } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { formatLongDateDe } from '../evaluation/report-model.js';
import { councilReports } from './schema.js';
import { recordCouncilsAudit } from './audit.js';
import type { CouncilRow } from './policy.js';
import type { TCouncilReport } from './documents.types.js';
import { councilReportOf, publishedReport, type CouncilReportRow } from './council-report-records.js';
import { presentCouncilReport } from './present-council-report.js';
import { councilLetterhead } from './letterhead.js';
import { councilReportDocx, councilReportPdf, type CouncilReportDocument } from './render-council-report.js';

/** What a report renders from: a draft is labelled as such with the day it was generated. */
export async function reportDocument(db: Db, files: FileStorage, council: CouncilRow, row: CouncilReportRow, publishedOn?: string): Promise<CouncilReportDocument> {
  const draft = row.state !== 'veroeffentlicht' && !publishedOn;
  const day = publishedOn ?? row.publishedAt?.toISOString().slice(0, 10) ?? row.generatedAt.toISOString().slice(0, 10);
  return {
    letterhead: await councilLetterhead(db, files, council),
    council: council.name,
    content: row.content,
    draft,
    stand: draft ? `Entwurf, erzeugt am ${formatLongDateDe(day)}` : `Veröffentlicht am ${formatLongDateDe(day)}`,
  };
}

export const reportFileKey = (councilId: string, reportId: string, format: 'pdf' | 'docx') => `councils/${councilId}/reports/${reportId}.${format}`;

/**
 * Publishes a draft: renders PDF and DOCX (charts on the server) into file storage, then marks the report
 * veröffentlicht. From then on the stored files are what everyone downloads, and the report is final.
 */
export async function publishCouncilReport(db: Db, files: FileStorage, ctx: AuditContext, council: CouncilRow, id: string, version: number): Promise<TCouncilReport> {
  const row = await councilReportOf(db, council.id, id);
  if (row.state === 'veroeffentlicht') throw publishedReport(row.year);
  if (row.version !== version) throw staleVersion('Der Präventionsbericht');
  const doc = await reportDocument(db, files, council, row, todayIso());
  const [pdf, docx] = await Promise.all([councilReportPdf(doc), councilReportDocx(doc)]);
  const pdfKey = reportFileKey(council.id, row.id, 'pdf');
  const docxKey = reportFileKey(council.id, row.id, 'docx');
  await files.put(pdfKey, pdf, MIME.pdf);
  await files.put(docxKey, docx, MIME.docx);
  return db.transaction(async (tx) => {
    const before = await councilReportOf(tx, council.id, id, { forUpdate: true });
    if (before.state === 'veroeffentlicht') throw publishedReport(before.year);
    const now = new Date();
    const published = await updateVersioned(tx, councilReports, eq(councilReports.id, id), version, { state: 'veroeffentlicht', publishedAt: now, pdfKey, docxKey, updatedAt: now }, 'Der Präventionsbericht');
    await recordCouncilsAudit(tx, ctx, { action: 'council_report.published', entityType: 'council_report', entityId: id,
      before: { state: before.state, version: before.version }, after: { state: published.state, version: published.version, year: published.year, pdfBytes: pdf.length, docxBytes: docx.length } });
    return presentCouncilReport(published);
  });
}
