import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { surveyDrafts } from './schema.js';
import { openSurveyFor, usedCode } from './respondent.js';
import { mapBaseOfProject, type BaseTiles } from './map-base.js';
import { analysisProjects } from './schema.js';
import type { TMapBase, TOpenedSurvey } from './surveys.types.js';

/**
 * The survey's map per project version: the project row is read on every open (one primary-key read), the
 * map is rebuilt only when the project's version changed (an Ortsteile upload bumps it), so every app process
 * shows the same map at once.
 */
const surveyMaps = new Map<string, { version: number; map: Promise<TMapBase> }>();
async function frameOf(db: Db, projectId: string, base: BaseTiles | undefined) {
  const [project] = await db.select({ title: analysisProjects.title, version: analysisProjects.version }).from(analysisProjects).where(eq(analysisProjects.id, projectId));
  const hit = surveyMaps.get(projectId);
  if (hit && hit.version === project!.version) return { title: project!.title, map: await hit.map };
  const map = mapBaseOfProject(db, projectId, base);
  map.catch(() => surveyMaps.delete(projectId));
  if (surveyMaps.size > 200) surveyMaps.clear();
  surveyMaps.set(projectId, { version: project!.version, map });
  return { title: project!.title, map: await map };
}

/** Opens the survey with the code from the letter, with the answers saved so far and the page to continue on. */
export async function openSurvey(db: Db, code: string, base?: BaseTiles): Promise<TOpenedSurvey> {
  const s = await openSurveyFor(db, code);
  if (s.used) throw usedCode();
  const { title, map } = await frameOf(db, s.projectId, base);
  const [draft] = await db.select({ answers: surveyDrafts.answers, page: surveyDrafts.page }).from(surveyDrafts).where(eq(surveyDrafts.codeHash, s.codeHash));
  return { title, survey: s.projectId, revision: s.revision, surveyJson: s.surveyJson, answers: draft?.answers ?? {}, page: draft?.page ?? 0, map };
}
