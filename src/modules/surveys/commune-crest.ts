import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { AnalysisRow } from './policy.js';
import { analysisProjects, analysisTasks, surveyLetters } from './schema.js';

/**
 * The commune's crest as uploaded for the cover letters, once the commune approved the letter (the
 * `approve_letter` task is done): this analysis's crest, else the one of the commune's latest other
 * analysis. Null when there is none, so a document prints no crest (and no placeholder).
 * Other modules (the evaluation's report cover) read the crest only through this.
 */
export async function approvedCrest(db: Db, files: FileStorage, project: AnalysisRow): Promise<{ data: Buffer; mimetype: string } | null> {
  const [row] = await db.select({ key: surveyLetters.crestKey, type: surveyLetters.crestType })
    .from(surveyLetters)
    .innerJoin(analysisProjects, eq(analysisProjects.id, surveyLetters.projectId))
    .innerJoin(analysisTasks, and(eq(analysisTasks.projectId, surveyLetters.projectId), eq(analysisTasks.key, 'approve_letter')))
    .where(and(eq(analysisProjects.ags, project.ags), isNotNull(surveyLetters.crestKey), isNotNull(surveyLetters.crestType), isNotNull(analysisTasks.doneOn)))
    .orderBy(desc(sql`${analysisProjects.id} = ${project.id}`), desc(analysisProjects.startOn))
    .limit(1);
  if (!row?.key || !row.type) return null;
  const data = await files.get(row.key).catch(() => null);
  return data ? { data, mimetype: row.type } : null;
}
