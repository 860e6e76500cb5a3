import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { surveyDrafts } from './schema.js';
import { openSurveyFor, usedCode } from './respondent.js';
import { mapBaseOfProject, type BaseTiles } from './map-base.js';
import { analysisProjects } from './schema.js';
import type { TMapBase, TOpenedSurvey } from './surveys.types.js';

/**
 * The survey's title and map, per project, for a minute (a cache, not state: every open could rebuild it;
 * an Ortsteile upload shows to respondents at the latest a minute later).
 */
const surveyFrames = new Map<string, { at: number; frame: Promise<{ title: string; map: TMapBase }> }>();
function frameOf(db: Db, projectId: string, base: BaseTiles | undefined) {
  const hit = surveyFrames.get(projectId);
  if (hit && Date.now() - hit.at < 60_000) return hit.frame;
  const frame = (async () => {
    const [project] = await db.select({ title: analysisProjects.title }).from(analysisProjects).where(eq(analysisProjects.id, projectId));
    return { title: project!.title, map: await mapBaseOfProject(db, projectId, base) };
  })();
  frame.catch(() => surveyFrames.delete(projectId));
  if (surveyFrames.size > 200) surveyFrames.clear();
  surveyFrames.set(projectId, { at: Date.now(), frame });
  return frame;
}

/** Opens the survey with the code from the letter, with the answers saved so far and the page to continue on. */
export async function openSurvey(db: Db, code: string, base?: BaseTiles): Promise<TOpenedSurvey> {
  const s = await openSurveyFor(db, code);
  if (s.used) throw usedCode();
  const { title, map } = await frameOf(db, s.projectId, base);
  const [draft] = await db.select({ answers: surveyDrafts.answers, page: surveyDrafts.page }).from(surveyDrafts).where(eq(surveyDrafts.codeHash, s.codeHash));
  return { title, survey: s.projectId, revision: s.revision, surveyJson: s.surveyJson, answers: draft?.answers ?? {}, page: draft?.page ?? 0, map };
}
