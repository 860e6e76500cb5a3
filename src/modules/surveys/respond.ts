import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { accessCodes, analysisPhases, analysisProjects, questionnaires, surveyDrafts, surveyResponses } from './schema.js';
import { hashCode, isWellFormedCode } from './access-codes.js';
import { checkAnswers, type Definition } from './questionnaire-definition.js';

/** Respondent-facing messages are German; the page shows them as they are. */
const unknownCode = () => new Problem(404, 'code_unknown', 'Diesen Zugangscode kennen wir nicht. Bitte prüfen Sie die Schreibweise auf Ihrem Brief (z. B. ABCD-EFGH).', { field: 'code' });
const usedCode = () => new Problem(409, 'code_used', 'Mit diesem Zugangscode wurde bereits teilgenommen. Jeder Code gilt für eine Teilnahme. Vielen Dank!', { field: 'code' });
const closed = () => new Problem(410, 'survey_closed', 'Die Befragung ist beendet oder hat noch nicht begonnen. Antworten können nicht mehr angenommen werden.');

/** The survey a code belongs to, if the field phase runs: its frozen questionnaire. */
async function openSurveyFor(db: Db, code: string, lock: boolean) {
  if (!isWellFormedCode(code)) throw unknownCode();
  const hash = hashCode(code);
  const query = db.select().from(accessCodes).where(eq(accessCodes.codeHash, hash));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw unknownCode();
  const [project] = await db.select().from(analysisProjects).where(eq(analysisProjects.id, row.projectId));
  const [field] = await db.select().from(analysisPhases).where(and(eq(analysisPhases.projectId, row.projectId), eq(analysisPhases.key, 'field')));
  const [q] = await db.select().from(questionnaires).where(and(eq(questionnaires.projectId, row.projectId), eq(questionnaires.status, 'frozen'))).orderBy(desc(questionnaires.revision)).limit(1);
  if (!project || project.status !== 'running' || field?.status !== 'in_progress' || !q) throw closed();
  return { code: row, project, questionnaire: q };
}

export async function openSurvey(db: Db, code: string) {
  const s = await openSurveyFor(db, code, false);
  if (s.code.used) throw usedCode();
  const [draft] = await db.select().from(surveyDrafts).where(eq(surveyDrafts.codeHash, s.code.codeHash));
  return { title: s.project.title, revision: s.questionnaire.revision, surveyJson: s.questionnaire.surveyJson as Record<string, unknown>, answers: draft?.answers ?? {} };
}

function rejectBadAnswers(definition: Definition, answers: Record<string, unknown>) {
  const errors = checkAnswers(definition, answers);
  if (errors.length) throw new Problem(422, 'answers_invalid', errors.length === 1 ? errors[0]!.message : `${errors.length} Antworten sind ungültig: ${errors[0]!.message}`, { field: errors[0]!.field, errors });
}

/** Save and resume: the unfinished answers, kept under the code until submitted. */
export async function saveDraft(db: Db, code: string, answers: Record<string, unknown>) {
  return db.transaction(async (tx) => {
    const s = await openSurveyFor(tx, code, true);
    if (s.code.used) throw usedCode();
    rejectBadAnswers(s.questionnaire.definition as Definition, answers);
    await tx.insert(surveyDrafts).values({ codeHash: s.code.codeHash, answers, savedOn: todayIso() })
      .onConflictDoUpdate({ target: surveyDrafts.codeHash, set: { answers, savedOn: todayIso() } });
    return { saved: true };
  });
}

/**
 * Stores the answers anonymously and marks the code used, in one transaction. Idempotent: the same
 * submission id again (a retry, a double click) answers "received" without a second response.
 */
export async function submitResponse(db: Db, input: { code: string; submissionId: string; answers: Record<string, unknown> }) {
  return db.transaction(async (tx) => {
    const s = await openSurveyFor(tx, input.code, true);
    const [existing] = await tx.select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.submissionKey, input.submissionId));
    if (existing) return { status: 'already_received' as const };
    if (s.code.used) throw usedCode();
    rejectBadAnswers(s.questionnaire.definition as Definition, input.answers);
    await tx.update(accessCodes).set({ used: true }).where(eq(accessCodes.codeHash, s.code.codeHash));
    await tx.delete(surveyDrafts).where(eq(surveyDrafts.codeHash, s.code.codeHash));
    await tx.insert(surveyResponses).values({
      projectId: s.project.id, questionnaireRevision: s.questionnaire.revision, mode: 'online', submittedOn: todayIso(), answers: input.answers, submissionKey: input.submissionId,
    });
    return { status: 'received' as const };
  });
}
