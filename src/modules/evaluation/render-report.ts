import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import { MIME } from '../../server/http/download.js';
import { todayIso } from '../../lib/dates.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { systemContext } from '../../server/audit/record.js';
import { analysisReports } from './schema.js';
import { recordEvaluationAudit } from './audit.js';
import { coverCrest, reportInputs } from './build-report.js';
import { buildReportModel } from './report-model.js';
import { reportDocx, reportPdf } from './report-documents.js';
import { reportBase, type ReportVersions } from './report-storage.js';

/**
 * Version `edition` of the report: the full report (every wave compared) as PDF and DOCX and as a model, and
 * the version without the comparison as a model. Everything live (other waves, crime figures, recommendations,
 * the crest) is read now and kept with the version, which never changes afterwards.
 */
async function renderReportFiles(db: Db, files: FileStorage, project: AnalysisRow, edition: number) {
  const today = todayIso();
  const { findings, field, recommendations, map } = await reportInputs(db, project, 'all');
  const cover = { crest: await coverCrest(db, files, project), edition };
  const model = buildReportModel(findings, field, recommendations, map, today, cover);
  const comparedWaves = findings.waves.map((w) => w.project.id);
  const withoutComparison = comparedWaves.length ? buildReportModel({ ...findings, waves: [], wavesWithheld: true }, field, recommendations, map, today, cover) : null;
  const [pdf, docx] = await Promise.all([reportPdf(model), reportDocx(model)]);
  const versions: ReportVersions = { comparedWaves, withoutComparison, full: model };
  return { respondents: findings.responses, pdf, docx, versions };
}

/** Renders the report, stores PDF and DOCX and marks the report row done (what the job does). */
export async function storeReport(db: Db, files: FileStorage, project: AnalysisRow, reportId: string) {
  const [row] = await db.select({ number: analysisReports.number }).from(analysisReports).where(eq(analysisReports.id, reportId));
  const { pdf, docx, respondents, versions } = await renderReportFiles(db, files, project, row?.number ?? 1);
  const base = reportBase(project.id, reportId);
  await files.put(`${base}.pdf`, pdf, MIME.pdf);
  await files.put(`${base}.docx`, docx, MIME.docx);
  await files.put(`${base}.versions.json`, Buffer.from(JSON.stringify(versions)), 'application/json');
  await db.transaction(async (tx) => {
    await tx.update(analysisReports).set({ status: 'done', finishedAt: new Date(), pdfKey: `${base}.pdf`, docxKey: `${base}.docx`, pdfBytes: pdf.length, docxBytes: docx.length, respondents, error: null })
      .where(eq(analysisReports.id, reportId));
    await recordEvaluationAudit(tx, systemContext('report-job'), { action: 'analysis_report.stored', entityType: 'analysis_project', entityId: project.id,
      after: { reportId, number: versions.full?.edition ?? null, pdfBytes: pdf.length, docxBytes: docx.length, comparedWaves: versions.comparedWaves } });
  });
  return { pdfBytes: pdf.length };
}
