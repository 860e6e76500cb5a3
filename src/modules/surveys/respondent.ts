import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { accessCodes, questionnaires } from './schema.js';
import { hashCode, isDemoCode, isWellFormedCode } from './access-codes.js';
import { checkAnswers, type Definition } from './questionnaire-definition.js';
import { codeIsUsed, isFrozen, latestFrozenRevision, takesAnswers } from './survey-state.js';

/** Respondent-facing messages are German; the page shows them as they are. */
export const unknownCode = () => new Problem(404, 'code_unknown', 'Diesen Zugangscode kennen wir nicht. Bitte prüfen Sie die Schreibweise auf Ihrem Brief (z. B. ABCD-EFGH).', { field: 'code' });
export const usedCode = () => new Problem(409, 'code_used', 'Mit diesem Zugangscode wurde bereits teilgenommen. Jeder Code gilt für eine Teilnahme. Vielen Dank!', { field: 'code' });
/** The demo survey's known codes (README) work locally only: in production they are unknown. */
export function refuseDemoCodeInProduction(production: boolean, code: string) {
  if (production && isDemoCode(code)) throw unknownCode();
}
const closed = () => new Problem(410, 'survey_closed', 'Die Befragung ist beendet oder hat noch nicht begonnen. Antworten können nicht mehr angenommen werden.');

/**
 * Frozen questionnaires never change, so each process keeps their definitions once read (a cache, not
 * state: any instance can rebuild it from the database).
 */
const frozenCache = new Map<string, { definition: Definition; surveyJson: Record<string, unknown> }>();
export async function frozenVersion(db: Db, projectId: string, revision: number) {
  const key = `${projectId}:${revision}`;
  let hit = frozenCache.get(key);
  if (!hit) {
    const [q] = await db.select({ definition: questionnaires.definition, surveyJson: questionnaires.surveyJson }).from(questionnaires)
      .where(and(eq(questionnaires.projectId, projectId), eq(questionnaires.revision, revision), isFrozen));
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
export async function openSurveyFor(db: Db, code: string) {
  if (!isWellFormedCode(code)) throw unknownCode();
  const [row] = await db.select({
    codeHash: accessCodes.codeHash, projectId: accessCodes.projectId, used: codeIsUsed,
    open: takesAnswers(accessCodes.projectId), revision: latestFrozenRevision(accessCodes.projectId),
  }).from(accessCodes).where(eq(accessCodes.codeHash, hashCode(code)));
  if (!row) throw unknownCode();
  if (!row.open || row.revision === null) throw closed();
  const revision = Number(row.revision);
  const frozen = await frozenVersion(db, row.projectId, revision);
  return { codeHash: row.codeHash, projectId: row.projectId, used: row.used, revision, ...frozen };
}

export function rejectBadAnswers(definition: Definition, answers: Record<string, unknown>) {
  const errors = checkAnswers(definition, answers);
  if (errors.length) throw new Problem(422, 'answers_invalid', errors.length === 1 ? errors[0]!.message : `${errors.length} Antworten sind ungültig: ${errors[0]!.message}`, { field: errors[0]!.field, errors });
}
