import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Jobs } from '../../server/jobs.js';
import type { AuditContext } from '../../server/audit/record.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { analysisReports } from './schema.js';
import { recordEvaluationAudit } from './audit.js';
import { REPORT_JOB } from './report-job.js';
import { presentReport } from './present-report.js';
import type { TReportStatus } from './evaluation.types.js';

/** Queues the report; a worker (any app instance) renders PDF and DOCX and stores them. */
export async function requestReport(db: Db, jobs: Jobs, ctx: AuditContext, project: AnalysisRow): Promise<TReportStatus> {
  const row = await db.transaction(async (tx) => {
    const [r] = await tx.insert(analysisReports).values({ projectId: project.id, requestedBy: ctx.actorId }).returning();
    await recordEvaluationAudit(tx, ctx, { action: 'analysis_report.requested', entityType: 'analysis_project', entityId: project.id, after: { reportId: r!.id } });
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
