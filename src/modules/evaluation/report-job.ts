import { eq } from 'drizzle-orm';
import type { JobContext, JobDefinition } from '../../server/jobs.js';
import { analysisProjects } from '../surveys/schema.js';
import { analysisReports } from './schema.js';
import { storeReport } from './render-report.js';

export const REPORT_JOB = 'evaluation.generate-report';

/** The background job: queued → running → done (PDF and DOCX stored) or failed (with the reason). */
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
