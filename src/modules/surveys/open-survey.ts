import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { analysisProjects, surveyDrafts } from './schema.js';
import { openSurveyFor, usedCode } from './respondent.js';
import type { TOpenedSurvey } from './surveys.types.js';

/** Opens the survey with the code from the letter, with the answers saved so far. */
export async function openSurvey(db: Db, code: string): Promise<TOpenedSurvey> {
  const s = await openSurveyFor(db, code);
  if (s.used) throw usedCode();
  const [project] = await db.select({ title: analysisProjects.title }).from(analysisProjects).where(eq(analysisProjects.id, s.projectId));
  const [draft] = await db.select().from(surveyDrafts).where(eq(surveyDrafts.codeHash, s.codeHash));
  return { title: project!.title, survey: s.projectId, revision: s.revision, surveyJson: s.surveyJson, answers: draft?.answers ?? {} };
}
