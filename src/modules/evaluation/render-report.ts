import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import { MIME } from '../../server/http/download.js';
import { todayIso } from '../../lib/dates.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { analysisReports } from './schema.js';
import { reportInputs } from './build-report.js';
import { buildReportModel } from './report-model.js';
import { reportDocx, reportPdf } from './report-documents.js';
import { reportBase, type ReportVersions } from './report-storage.js';

/** The full report (every wave compared) as PDF and DOCX, and the version without the comparison as a model. */
async function renderReportFiles(db: Db, project: AnalysisRow) {
  const today = todayIso();
  const { findings, field, recommendations, map } = await reportInputs(db, project, 'all');
  const model = buildReportModel(findings, field, recommendations, map, today);
  const comparedWaves = findings.waves.map((w) => w.project.id);
  const withoutComparison = comparedWaves.length ? buildReportModel({ ...findings, waves: [], wavesWithheld: true }, field, recommendations, map, today) : null;
  const [pdf, docx] = await Promise.all([reportPdf(model), reportDocx(model)]);
  const versions: ReportVersions = { comparedWaves, withoutComparison };
  return { respondents: findings.responses, pdf, docx, versions };
}

/** Renders the report, stores PDF and DOCX and marks the report row done (what the job does). */
export async function storeReport(db: Db, files: FileStorage, project: AnalysisRow, reportId: string) {
  const { pdf, docx, respondents, versions } = await renderReportFiles(db, project);
  const base = reportBase(project.id, reportId);
  await files.put(`${base}.pdf`, pdf, MIME.pdf);
  await files.put(`${base}.docx`, docx, MIME.docx);
  await files.put(`${base}.versions.json`, Buffer.from(JSON.stringify(versions)), 'application/json');
  await db.update(analysisReports).set({ status: 'done', finishedAt: new Date(), pdfKey: `${base}.pdf`, docxKey: `${base}.docx`, pdfBytes: pdf.length, docxBytes: docx.length, respondents, error: null })
    .where(eq(analysisReports.id, reportId));
  return { pdfBytes: pdf.length };
}
