import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { JobContext, JobDefinition, Jobs } from '../../server/jobs.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { notFound } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { communes } from '../communes/schema.js';
import { analysisProjects } from '../surveys/schema.js';
import { fieldMonitoring } from '../surveys/monitoring.js';
import { analysisReports } from './schema.js';
import { loadAnalysisInputs } from './analysis-inputs.js';
import { computeFindings } from './findings.js';
import { listRecommendations } from './recommendations.js';
import { buildReportModel, type FieldFigures } from './report-model.js';
import { reportDocx, reportPdf } from './report-documents.js';

type Project = typeof analysisProjects.$inferSelect;
export const REPORT_JOB = 'evaluation.generate-report';

export async function fieldFigures(db: Db, project: Project): Promise<FieldFigures> {
  const m = await fieldMonitoring(db, project);
  return {
    invited: m.invited, returned: m.returned, responseRate: m.responseRate, strata: m.byStratum.length,
    online: m.byDay.reduce((s, d) => s + d.online, 0), paper: m.byDay.reduce((s, d) => s + d.paper, 0),
    firstDay: m.byDay[0]?.date ?? null, lastDay: m.byDay.at(-1)?.date ?? null,
  };
}

/** The report model for an analysis, as it stands now (findings, field figures, recommendations, map). */
export async function buildReport(db: Db, project: Project, today = todayIso()) {
  const inputs = await loadAnalysisInputs(db, project);
  const findings = await computeFindings(db, inputs);
  const [commune] = await db.select({ geometry: communes.geometry }).from(communes).where(eq(communes.ags, project.ags));
  const model = buildReportModel(findings, await fieldFigures(db, project), await listRecommendations(db, project.id), commune?.geometry ?? null, today);
  return { model, respondents: findings.responses };
}

export async function renderReportFiles(db: Db, project: Project) {
  const { model, respondents } = await buildReport(db, project);
  const [pdf, docx] = await Promise.all([reportPdf(model), reportDocx(model)]);
  return { model, respondents, pdf, docx };
}

/** Renders the report, stores PDF and DOCX and marks the report row done (what the job does). */
export async function storeReport(db: Db, files: FileStorage, project: Project, reportId: string) {
  const { pdf, docx, respondents } = await renderReportFiles(db, project);
  const base = `reports/${project.id}/${reportId}`;
  await files.put(`${base}.pdf`, pdf, 'application/pdf');
  await files.put(`${base}.docx`, docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await db.update(analysisReports).set({ status: 'done', finishedAt: new Date(), pdfKey: `${base}.pdf`, docxKey: `${base}.docx`, pdfBytes: pdf.length, docxBytes: docx.length, respondents, error: null })
    .where(eq(analysisReports.id, reportId));
  return { pdfBytes: pdf.length };
}

function present(r: typeof analysisReports.$inferSelect) {
  return {
    id: r.id, status: r.status as 'queued' | 'running' | 'done' | 'failed', requestedAt: r.requestedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
    pdfBytes: r.pdfBytes, docxBytes: r.docxBytes, error: r.error, respondents: r.respondents,
  };
}

export async function listReports(db: Db, projectId: string) {
  return (await db.select().from(analysisReports).where(eq(analysisReports.projectId, projectId)).orderBy(desc(analysisReports.requestedAt)).limit(20)).map(present);
}

/** Queues the report; a worker (any app instance) renders PDF and DOCX and stores them. */
export async function requestReport(db: Db, jobs: Jobs, ctx: AuditContext, project: Project) {
  const row = await db.transaction(async (tx) => {
    const [r] = await tx.insert(analysisReports).values({ projectId: project.id, requestedBy: ctx.actorId }).returning();
    await recordAudit(tx, ctx, { action: 'analysis_report.requested', entityType: 'analysis_project', entityId: project.id, after: { reportId: r!.id } });
    return r!;
  });
  try {
    await jobs.send(REPORT_JOB, { reportId: row.id });
  } catch (error) {
    await db.update(analysisReports).set({ status: 'failed', finishedAt: new Date(), error: 'Der Auftrag konnte nicht eingereiht werden.' }).where(eq(analysisReports.id, row.id));
    throw error;
  }
  return present(row);
}

export async function readReportFile(db: Db, files: FileStorage, projectId: string, reportId: string, format: 'pdf' | 'docx') {
  const [r] = await db.select().from(analysisReports).where(and(eq(analysisReports.id, reportId), eq(analysisReports.projectId, projectId)));
  const key = format === 'pdf' ? r?.pdfKey : r?.docxKey;
  if (!r || r.status !== 'done' || !key) throw notFound('Dieser Bericht ist (noch) nicht fertig.');
  return { data: await files.get(key), requestedAt: r.requestedAt };
}

async function generate(ctx: JobContext, data: { reportId: string }) {
  const { db, files } = ctx;
  const [report] = await db.select().from(analysisReports).where(eq(analysisReports.id, data.reportId));
  if (!report || report.status === 'done') return;
  await db.update(analysisReports).set({ status: 'running' }).where(eq(analysisReports.id, report.id));
  try {
    const [project] = await db.select().from(analysisProjects).where(eq(analysisProjects.id, report.projectId));
    if (!project) throw new Error('Die Analyse gibt es nicht mehr.');
    await storeReport(db, files, project, report.id);
  } catch (error) {
    ctx.log('report generation failed', { reportId: report.id, error: (error as Error).message });
    await db.update(analysisReports).set({ status: 'failed', finishedAt: new Date(), error: (error as Error).message.slice(0, 500) }).where(eq(analysisReports.id, report.id));
  }
}

export const reportJob: JobDefinition<{ reportId: string }> = { name: REPORT_JOB, expireInSeconds: 600, retryLimit: 1, run: generate };
