import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AnalysisRow } from './policy.js';
import { paperEntries, paperSheets } from './schema.js';
import { mismatches } from './paper-mismatches.js';
import type { TPaperStatus } from './surveys.types.js';

/** Sheets keyed so far, and those waiting for their second keying or with differences. */
export async function paperEntryStatus(db: Db, project: AnalysisRow): Promise<TPaperStatus> {
  const pending = await db.select().from(paperEntries).where(eq(paperEntries.projectId, project.id)).orderBy(asc(paperEntries.sheetNo));
  const [stored] = await db.select({ n: count() }).from(paperSheets).where(eq(paperSheets.projectId, project.id));
  return {
    stored: stored?.n ?? 0,
    pending: pending.map((p) => ({ sheetNo: p.sheetNo, status: p.status, mismatches: p.status === 'mismatch' ? mismatches(p.firstAnswers, p.secondAnswers ?? {}) : [] })),
  };
}
