import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { JobContext, JobDefinition, Jobs } from '../../server/jobs.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import type { Actor } from '../../server/auth/roles.js';
import { forbidden, notFound } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { communes } from '../communes/schema.js';
import { analysisProjects } from '../surveys/schema.js';
import { fieldMonitoring } from '../surveys/monitoring.js';
import { accessibleProjectIds } from '../surveys/projects.js';
import { analysisReports } from './schema.js';
import { loadAnalysisInputs } from './analysis-inputs.js';
import { computeFindings, type WaveAudience } from './findings.js';
import { listRecommendations } from './recommendations.js';
import { buildReportModel, type FieldFigures, type ReportModel } from './report-model.js';
import { reportDocx, reportPdf } from './report-documents.js';

type Project = typeof analysisProjects.$inferSelect;
export const REPORT_JOB = 'evaluation.generate-report';
const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

export async function fieldFigures(db: Db, project: Project): Promise<FieldFigures> {
  const m = await fieldMonitoring(db, project);
  return {
    invited: m.invited, returned: m.returned, responseRate: m.responseRate, strata: m.byStratum.length,
    online: m.byDay.reduce((s, d) => s + d.online, 0), paper: m.byDay.reduce((s, d) => s + d.paper, 0),
    firstDay: m.byDay[0]?.date ?? null, lastDay: m.byDay.at(-1)?.date ?? null,
  };
}

async function reportInputs(db: Db, project: Project, audience: WaveAudience) {
  const inputs = await loadAnalysisInputs(db, project);
  const findings = await computeFindings(db, inputs, audience);
  const [commune] = await db.select({ geometry: communes.geometry }).from(communes).where(eq(communes.ags, project.ags));
  return { findings, field: await fieldFigures(db, project), recommendations: await listRecommendations(db, project.id), geometry: commune?.geometry ?? null };
}

/** The report model for an analysis, as it stands now (findings, field figures, recommendations, map), with the waves `audience` may read. */
export async function buildReport(db: Db, project: Project, audience: WaveAudience, today = todayIso()) {
  const { findings, field, recommendations, geometry } = await reportInputs(db, project, audience);
  return { model: buildReportModel(findings, field, recommendations, geometry, today), respondents: findings.responses };
}

/**
 * What a stored report's download needs to choose its version per requester: the analyses compared in the
 * full version, and the model without that comparison (rendered to PDF/DOCX on the first download that needs it).
 */
interface ReportVersions { comparedWaves: string[]; withoutComparison: ReportModel | null }

/** The full report (every wave compared) as PDF and DOCX, and the version without the comparison as a model. */
export async function renderReportFiles(db: Db, project: Project, today = todayIso()) {
  const { findings, field, recommendations, geometry } = await reportInputs(db, project, 'all');
  const model = buildReportModel(findings, field, recommendations, geometry, today);
  const comparedWaves = findings.waves.map((w) => w.project.id);
  const withoutComparison = comparedWaves.length ? buildReportModel({ ...findings, waves: [], wavesWithheld: true }, field, recommendations, geometry, today) : null;
  const [pdf, docx] = await Promise.all([reportPdf(model), reportDocx(model)]);
  const versions: ReportVersions = { comparedWaves, withoutComparison };
  return { model, respondents: findings.responses, pdf, docx, versions };
}

const reportBase = (projectId: string, reportId: string) => `reports/${projectId}/${reportId}`;

/** Renders the report, stores PDF and DOCX and marks the report row done (what the job does). */
export async function storeReport(db: Db, files: FileStorage, project: Project, reportId: string) {
  const { pdf, docx, respondents, versions } = await renderReportFiles(db, project);
  const base = reportBase(project.id, reportId);
  await files.put(`${base}.pdf`, pdf, MIME.pdf);
  await files.put(`${base}.docx`, docx, MIME.docx);
  await files.put(`${base}.versions.json`, Buffer.from(JSON.stringify(versions)), 'application/json');
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

/**
 * A stored report for one requester. The job stores the full version (every wave compared); whoever may
 * not read every compared analysis (checked now, with the rule of projectFor) gets the version without the
 * comparison, which says why instead. A report stored before versions were kept, whose comparison the
 * requester may not read, is refused: it has to be generated again.
 */
export async function readReportFile(db: Db, files: FileStorage, project: Project, actor: Actor | null, reportId: string, format: 'pdf' | 'docx') {
  const [r] = await db.select().from(analysisReports).where(and(eq(analysisReports.id, reportId), eq(analysisReports.projectId, project.id)));
  const key = format === 'pdf' ? r?.pdfKey : r?.docxKey;
  if (!r || r.status !== 'done' || !key) throw notFound('Dieser Bericht ist (noch) nicht fertig.');
  const base = reportBase(project.id, r.id);
  const versions = await files.get(`${base}.versions.json`).then((b) => JSON.parse(b.toString('utf8')) as ReportVersions, () => null);
  const compared = versions?.comparedWaves
    ?? (await db.select({ id: analysisProjects.id }).from(analysisProjects).where(and(eq(analysisProjects.ags, project.ags), ne(analysisProjects.id, project.id)))).map((p) => p.id);
  const readable = await accessibleProjectIds(db, actor, compared);
  if (compared.every((id) => readable.has(id))) return { data: await files.get(key), requestedAt: r.requestedAt };
  if (!versions?.withoutComparison) throw forbidden('Dieser Bericht enthält einen Vergleich mit einer Befragungswelle, die Sie nicht einsehen dürfen. Bitte lassen Sie den Bericht neu erzeugen.');
  const restrictedKey = `${base}.ohne-wellenvergleich.${format}`;
  const stored = await files.get(restrictedKey).catch(() => null);
  if (stored) return { data: stored, requestedAt: r.requestedAt };
  const data = format === 'pdf' ? await reportPdf(versions.withoutComparison) : await reportDocx(versions.withoutComparison);
  await files.put(restrictedKey, data, MIME[format]);
  return { data, requestedAt: r.requestedAt };
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
