import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { questionnaires, surveyDrafts, surveyUsedCodes } from './schema.js';
import { hashCode, isWellFormedCode } from './access-codes.js';
import { checkAnswers, normaliseAnswers, type Definition } from './questionnaire-definition.js';
import { batcherFor } from './submit-batcher.js';

/** Respondent-facing messages are German; the page shows them as they are. */
const unknownCode = () => new Problem(404, 'code_unknown', 'Diesen Zugangscode kennen wir nicht. Bitte prüfen Sie die Schreibweise auf Ihrem Brief (z. B. ABCD-EFGH).', { field: 'code' });
const usedCode = () => new Problem(409, 'code_used', 'Mit diesem Zugangscode wurde bereits teilgenommen. Jeder Code gilt für eine Teilnahme. Vielen Dank!', { field: 'code' });
const closed = () => new Problem(410, 'survey_closed', 'Die Befragung ist beendet oder hat noch nicht begonnen. Antworten können nicht mehr angenommen werden.');

/**
 * Frozen questionnaires never change, so each process keeps their definitions once read (a cache, not
 * state: any instance can rebuild it from the database).
 */
const frozenCache = new Map<string, { definition: Definition; surveyJson: Record<string, unknown> }>();
async function frozenVersion(db: Db, projectId: string, revision: number) {
  const key = `${projectId}:${revision}`;
  let hit = frozenCache.get(key);
  if (!hit) {
    const [q] = await db.select({ definition: questionnaires.definition, surveyJson: questionnaires.surveyJson }).from(questionnaires)
      .where(and(eq(questionnaires.projectId, projectId), eq(questionnaires.revision, revision), eq(questionnaires.status, 'frozen')));
    if (!q) throw closed();
    hit = { definition: q.definition as Definition, surveyJson: q.surveyJson as Record<string, unknown> };
    if (frozenCache.size > 500) frozenCache.clear();
    frozenCache.set(key, hit);
  }
  return hit;
}

/**
 * The code, and whether its survey takes answers (project running, field phase in progress, a frozen
 * questionnaire), in one query. Reads only: a row lock would leave the time of use on the code's row.
 */
async function openSurveyFor(db: Db, code: string) {
  if (!isWellFormedCode(code)) throw unknownCode();
  const hash = hashCode(code);
  const result = await db.execute(sql`
    select c.code_hash, c.project_id, (c.used or exists (select 1 from survey_used_codes u where u.code_hash = c.code_hash)) as used,
      (p.status = 'running' and f.status = 'in_progress') as open,
      (select max(q.revision) from questionnaires q where q.project_id = c.project_id and q.status = 'frozen') as revision
    from access_codes c
    join analysis_projects p on p.id = c.project_id
    left join analysis_phases f on f.project_id = c.project_id and f.key = 'field'
    where c.code_hash = ${hash}`) as unknown as { rows: { code_hash: string; project_id: string; used: boolean; open: boolean | null; revision: number | null }[] };
  const row = result.rows[0];
  if (!row) throw unknownCode();
  if (!row.open || row.revision === null) throw closed();
  const frozen = await frozenVersion(db, row.project_id, Number(row.revision));
  return { codeHash: row.code_hash, projectId: row.project_id, used: row.used, revision: Number(row.revision), ...frozen };
}

export async function openSurvey(db: Db, code: string) {
  const s = await openSurveyFor(db, code);
  if (s.used) throw usedCode();
  const [project] = (await db.execute(sql`select title from analysis_projects where id = ${s.projectId}`) as unknown as { rows: { title: string }[] }).rows;
  const [draft] = await db.select().from(surveyDrafts).where(eq(surveyDrafts.codeHash, s.codeHash));
  return { title: project!.title, survey: s.projectId, revision: s.revision, surveyJson: s.surveyJson, answers: draft?.answers ?? {} };
}

function rejectBadAnswers(definition: Definition, answers: Record<string, unknown>) {
  const errors = checkAnswers(definition, answers);
  if (errors.length) throw new Problem(422, 'answers_invalid', errors.length === 1 ? errors[0]!.message : `${errors.length} Antworten sind ungültig: ${errors[0]!.message}`, { field: errors[0]!.field, errors });
}

/**
 * Save and resume: the unfinished answers, kept under the code until submitted. A draft that a racing
 * submission left behind is deleted by the next mix.
 */
export async function saveDraft(db: Db, code: string, answers: Record<string, unknown>) {
  const s = await openSurveyFor(db, code);
  if (s.used) throw usedCode();
  rejectBadAnswers(s.definition, answers);
  const stored = normaliseAnswers(s.definition, answers);
  await db.insert(surveyDrafts).values({ codeHash: s.codeHash, projectId: s.projectId, answers: stored, savedOn: todayIso() })
    .onConflictDoUpdate({ target: surveyDrafts.codeHash, set: { answers: stored, savedOn: todayIso() } });
  return { saved: true };
}

/** The receipt of a submission id: a hash, so not even the browser's random id is kept. */
export const receiptOf = (submissionId: string) => createHash('sha256').update(`asskomm-survey-receipt:${submissionId.toLowerCase()}`).digest('hex');

/**
 * Takes the answers anonymously and marks the code used. The answers are checked against the frozen
 * questionnaire the respondent was shown (`survey` and `revision` from opening it; looked up by the code if
 * missing) and kept only as it defines them; the write goes through the batcher (one statement per batch,
 * see submit-batcher.ts) into the mixing pool (mixing.ts), never straight into the responses.
 * Idempotent: the same submission id again answers "received", never a duplicate.
 */
export async function submitResponse(db: Db, input: { code: string; submissionId: string; answers: Record<string, unknown>; survey?: string; revision?: number }) {
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
  if (stored) return { status: 'received' as const, survey: target.projectId };
  // Not stored: say why (a retry of a stored submission, a used or unknown code, a closed survey).
  const [retry] = await db.select({ receipt: surveyUsedCodes.receipt }).from(surveyUsedCodes).where(eq(surveyUsedCodes.codeHash, codeHash));
  if (retry?.receipt === keyHash) return { status: 'already_received' as const, survey: target.projectId };
  const now = await openSurveyFor(db, input.code);
  if (now.projectId !== target.projectId) throw unknownCode();
  if (now.used) throw usedCode();
  throw new Problem(409, 'questionnaire_changed', 'Der Fragebogen wurde inzwischen geändert. Bitte laden Sie die Seite neu; Ihre gespeicherten Antworten bleiben erhalten.');
}
