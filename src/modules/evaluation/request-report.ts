import { eq, max } from 'drizzle-orm';
import { analysisProjects } from '../surveys/schema.js';
import type { Db } from '../../server/db/client.js';
import type { Jobs } from '../../server/jobs.js';
import type { AuditContext } from '../../server/audit/record.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { analysisReports } from './schema.js';
import { recordEvaluationAudit } from './audit.js';
import { REPORT_JOB } from './report-job.js';
import { presentReport } from './present-report.js';
import type { TReportStatus } from './evaluation.types.js';

/**
 * Queues a new version of the report (number = last + 1); a worker (any app instance) renders PDF and DOCX and
 * stores them. Earlier versions stay as they are.
 */
export async function requestReport(db: Db, jobs: Jobs, ctx: AuditContext, project: AnalysisRow): Promise<TReportStatus> {
  const row = await db.transaction(async (tx) => {
    // The analysis row is locked so that two requests at once get different version numbers.
    await tx.select({ id: analysisProjects.id }).from(analysisProjects).where(eq(analysisProjects.id, project.id)).for('update');
    const [last] = await tx.select({ n: max(analysisReports.number) }).from(analysisReports).where(eq(analysisReports.projectId, project.id));
    const [r] = await tx.insert(analysisReports).values({ projectId: project.id, number: (last?.n ?? 0) + 1, requestedBy: ctx.actorId }).returning();
    await recordEvaluationAudit(tx, ctx, { action: 'analysis_report.requested', entityType: 'analysis_project', entityId: project.id, after: { reportId: r!.id, number: r!.number } });
    return r!;
  });
  try {
    await jobs.send(REPORT_JOB, { reportId: row.id });
  } catch (error) {
    await db.update(analysisReports).set({ status: 'failed', finishedAt: new Date(), error: 'Der Auftrag konnte nicht eingereiht werden.' }).where(eq(analysisReports.id, row.id));
    throw error;
  }
  return presentReport(row);
}
