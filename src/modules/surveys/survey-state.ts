/**
 * What the survey's state is, written once against the tables (so a renamed column fails the type check):
 * whether a survey takes answers, which questionnaire respondents answer, whether a code has been used. The
 * SQL fragments go into the submit path's single statement and into the other queries alike. (Columns
 * sit inside nested fragments, so drizzle always qualifies them with their table.)
 */
import { and, desc, eq, max, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client.js';
import { accessCodes, analysisPhases, analysisProjects, questionnaires, surveyUsedCodes } from './schema.js';

/**
 * A project in a fragment: a column of the surrounding query (the fragment is correlated with it) or an id.
 * A column of analysis_projects itself cannot be correlated (the fragment's own analysis_projects hides it).
 */
type ProjectRef = AnyPgColumn | SQL | string;

/** The project's field phase in its plan (a condition on analysis_phases). */
export const fieldPhaseOf = (projectId: ProjectRef) => and(eq(analysisPhases.projectId, projectId), eq(analysisPhases.key, 'field'))!;

/**
 * The survey takes answers: its project runs and its field phase is in progress. Starting the field phase
 * freezes the questionnaire, so there is then a frozen revision (`latestFrozenRevision`).
 */
export const takesAnswers = (projectId: ProjectRef) => sql<boolean>`exists (select 1 from ${analysisProjects}
  join ${analysisPhases} on ${fieldPhaseOf(analysisProjects.id)} and ${eq(analysisPhases.status, 'in_progress')}
  where ${eq(analysisProjects.id, projectId)} and ${eq(analysisProjects.status, 'running')})`;

/** A questionnaire frozen when its field phase began: answers refer to its revision. */
export const isFrozen = eq(questionnaires.status, 'frozen');

/** The revision respondents answer: the project's latest frozen questionnaire (null before the field phase). */
export const latestFrozenRevision = (projectId: ProjectRef) =>
  sql<number | null>`(select ${max(questionnaires.revision)} from ${questionnaires} where ${and(eq(questionnaires.projectId, projectId), isFrozen)})`;

/** The project's latest frozen questionnaire, or undefined before the field phase. */
export async function latestFrozenQuestionnaire(db: Db, projectId: string) {
  const [q] = await db.select().from(questionnaires).where(and(eq(questionnaires.projectId, projectId), isFrozen)).orderBy(desc(questionnaires.revision)).limit(1);
  return q;
}

/** The code (by its hash) was used while the field phase runs: it has its row in survey_used_codes. */
export const usedInFieldPhase = (codeHash: AnyPgColumn | SQL) => sql<boolean>`exists (select 1 from ${surveyUsedCodes} where ${eq(surveyUsedCodes.codeHash, codeHash)})`;

/** A code of access_codes is used once it is in survey_used_codes (field phase running) or marked used (closed). */
export const codeIsUsed = or(sql`${accessCodes.used}`, usedInFieldPhase(accessCodes.codeHash))!;
