import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notFound, Problem } from '../../server/http/problem.js';
import { councilReports } from './schema.js';

export type CouncilReportRow = typeof councilReports.$inferSelect;

const MISSING = 'Diesen Präventionsbericht gibt es nicht.';

/** A council's report (published only, for the public), or 404. */
export async function councilReportOf(db: Db, councilId: string, id: string, options: { publishedOnly?: boolean; forUpdate?: boolean } = {}): Promise<CouncilReportRow> {
  const query = db.select().from(councilReports).where(and(eq(councilReports.id, id), eq(councilReports.councilId, councilId), isNull(councilReports.deletedAt)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row || (options.publishedOnly && row.state !== 'veroeffentlicht')) throw notFound(MISSING);
  return row;
}

/** The council's reports, newest year first. */
export async function listCouncilReports(db: Db, councilId: string, options: { publishedOnly?: boolean } = {}): Promise<CouncilReportRow[]> {
  return db.select().from(councilReports)
    .where(and(eq(councilReports.councilId, councilId), isNull(councilReports.deletedAt), ...(options.publishedOnly ? [eq(councilReports.state, 'veroeffentlicht')] : [])))
    .orderBy(desc(councilReports.year));
}

/** A published report is final: it is neither edited nor generated again. */
export const publishedReport = (year: number) =>
  new Problem(409, 'report_published', `Der Präventionsbericht ${year} ist bereits veröffentlicht und kann nicht mehr geändert oder neu erzeugt werden.`);
