import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { surveyUsedCodes } from './schema.js';
import { hashCode, isWellFormedCode } from './access-codes.js';
import { normaliseAnswers } from './questionnaire-definition.js';
import { frozenVersion, openSurveyFor, rejectBadAnswers, unknownCode, usedCode } from './respondent.js';
import { batcherFor } from './submit-batcher.js';
import type { TSubmitStatus } from './surveys.types.js';

/** The receipt of a submission id: a hash, so not even the browser's random id is kept. */
export const receiptOf = (submissionId: string) => createHash('sha256').update(`asskomm-survey-receipt:${submissionId.toLowerCase()}`).digest('hex');

/**
 * Takes the answers anonymously and marks the code used. The answers are checked against the frozen
 * questionnaire the respondent was shown (`survey` and `revision` from opening it; looked up by the code if
 * missing) and kept only as it defines them; the write goes through the batcher (one statement per batch,
 * see submit-batcher.ts) into the mixing pool (mixing.ts), never straight into the responses.
 * Idempotent: the same submission id again answers "received", never a duplicate.
 */
export async function submitResponse(db: Db, input: { code: string; submissionId: string; answers: Record<string, unknown>; survey?: string; revision?: number }): Promise<{ status: TSubmitStatus; survey: string }> {
  if (!isWellFormedCode(input.code)) throw unknownCode();
  const target = input.survey && input.revision
    ? { projectId: input.survey, revision: input.revision, ...(await frozenVersion(db, input.survey, input.revision)) }
    : await openSurveyFor(db, input.code);
  rejectBadAnswers(target.definition, input.answers);
  const codeHash = hashCode(input.code);
  const keyHash = receiptOf(input.submissionId);
  const stored = await batcherFor(db).submit({
    codeHash, projectId: target.projectId, revision: target.revision,
    answers: JSON.stringify(normaliseAnswers(target.definition, input.answers)), keyHash,
  });
  if (stored) return { status: 'received', survey: target.projectId };
  // Not stored: say why (a retry of a stored submission, a used or unknown code, a closed survey).
  const [retry] = await db.select({ receipt: surveyUsedCodes.receipt }).from(surveyUsedCodes).where(eq(surveyUsedCodes.codeHash, codeHash));
  if (retry?.receipt === keyHash) return { status: 'already_received', survey: target.projectId };
  const now = await openSurveyFor(db, input.code);
  if (now.projectId !== target.projectId) throw unknownCode();
  if (now.used) throw usedCode();
  throw new Problem(409, 'questionnaire_changed', 'Der Fragebogen wurde inzwischen geändert. Bitte laden Sie die Seite neu; Ihre gespeicherten Antworten bleiben erhalten.');
}
