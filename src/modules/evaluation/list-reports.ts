import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { analysisReports } from './schema.js';
import { presentReport } from './present-report.js';
import type { TReportStatus } from './evaluation.types.js';

/** The versions of the analysis' report (the last 50), newest first, with their state. */
export async function listReports(db: Db, projectId: string): Promise<TReportStatus[]> {
  return (await db.select().from(analysisReports).where(eq(analysisReports.projectId, projectId)).orderBy(desc(analysisReports.number)).limit(50)).map(presentReport);
}
