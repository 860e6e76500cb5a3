import type { Db } from '../../server/db/client.js';
import { todayIso } from '../../lib/dates.js';
import { surveyDrafts } from './schema.js';
import { normaliseAnswers } from './questionnaire-definition.js';
import { openSurveyFor, rejectBadAnswers, usedCode } from './respondent.js';
import type { TDraftSaved } from './surveys.types.js';

/**
 * Save and resume: the unfinished answers and the page reached, kept under the code until submitted. A draft that a racing
 * submission left behind is deleted by the next mix.
 */
export async function saveDraft(db: Db, code: string, answers: Record<string, unknown>, page = 0): Promise<TDraftSaved> {
  const s = await openSurveyFor(db, code);
  if (s.used) throw usedCode();
  rejectBadAnswers(s.definition, answers);
  const stored = normaliseAnswers(s.definition, answers);
  await db.insert(surveyDrafts).values({ codeHash: s.codeHash, projectId: s.projectId, answers: stored, page, savedOn: todayIso() })
    .onConflictDoUpdate({ target: surveyDrafts.codeHash, set: { answers: stored, page, savedOn: todayIso() } });
  return { saved: true };
}
