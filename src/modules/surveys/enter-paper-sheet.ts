import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem, unprocessable } from '../../server/http/problem.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { accessCodes, paperEntries, paperSheets, surveyDrafts, surveyPool, surveyUsedCodes } from './schema.js';
import { checkAnswers, normaliseAnswers, type Definition } from './questionnaire-definition.js';
import { hashCode, isWellFormedCode } from './access-codes.js';
import { latestFrozenQuestionnaire } from './survey-state.js';
import { mismatches } from './paper-mismatches.js';
import type { TPaperResult } from './surveys.types.js';

/** Marks the sheet (and its code) done and puts the answers into the mixing pool, like an online submission. */
async function store(db: Db, project: AnalysisRow, revision: number, sheetNo: string, answers: Record<string, unknown>, code: string | null) {
  let stratumKey: string | null = null;
  if (code) {
    if (!isWellFormedCode(code)) throw new Problem(422, 'code_unknown', `Der Code „${code}“ ist nicht lesbar.`, { field: 'code' });
    // No row lock on the code: it would leave the time of use on the code's row (docs/anonymity.md).
    const [c] = await db.select().from(accessCodes).where(and(eq(accessCodes.codeHash, hashCode(code)), eq(accessCodes.projectId, project.id)));
    if (!c) throw new Problem(422, 'code_unknown', `Den Code „${code}“ gibt es in dieser Befragung nicht.`, { field: 'code' });
    const marked = c.used ? [] : await db.insert(surveyUsedCodes).values({ codeHash: c.codeHash, projectId: project.id }).onConflictDoNothing().returning();
    if (!marked.length) throw new Problem(409, 'code_used', `Mit dem Code „${code}“ wurde bereits teilgenommen (online oder auf Papier).`, { field: 'code' });
    await db.delete(surveyDrafts).where(eq(surveyDrafts.codeHash, c.codeHash));
    stratumKey = c.stratumKey;
  }
  await db.insert(paperSheets).values({ projectId: project.id, sheetNo });
  await db.insert(surveyPool).values({ projectId: project.id, questionnaireRevision: revision, mode: 'paper', answers, stratumKey });
}

/**
 * Keys one returned paper questionnaire. Single entry stores it at once. With double entry the first keying
 * waits; the second is compared field by field: equal → stored; different → a mismatch report, and the
 * next keying of that sheet (the checked one) is stored.
 */
export async function enterPaperSheet(db: Db, ctx: AuditContext, project: AnalysisRow, input: { sheetNo: string; code?: string | null; answers: Record<string, unknown>; doubleEntry: boolean }): Promise<TPaperResult> {
  return db.transaction(async (tx) => {
    const q = await latestFrozenQuestionnaire(tx, project.id);
    if (!q) throw unprocessable('not_in_field', 'Die Feldphase hat noch nicht begonnen; es gibt keinen festgeschriebenen Fragebogen.');
    const errors = checkAnswers(q.definition as Definition, input.answers);
    if (errors.length) throw new Problem(422, 'answers_invalid', errors[0]!.message, { field: errors[0]!.field, errors });
    const [done] = await tx.select().from(paperSheets).where(and(eq(paperSheets.projectId, project.id), eq(paperSheets.sheetNo, input.sheetNo)));
    if (done) throw new Problem(409, 'sheet_already_entered', `Bogen ${input.sheetNo} ist bereits erfasst.`, { field: 'sheetNo' });
    const [pending] = await tx.select().from(paperEntries).where(and(eq(paperEntries.projectId, project.id), eq(paperEntries.sheetNo, input.sheetNo))).for('update');
    const code = input.code?.trim() || null;
    if (!pending && input.doubleEntry) {
      await tx.insert(paperEntries).values({ projectId: project.id, sheetNo: input.sheetNo, status: 'awaiting_second', firstAnswers: input.answers, code });
      await recordSurveysAudit(tx, ctx, { action: 'paper_entry.first_keyed', entityType: 'analysis_project', entityId: project.id, after: { sheetNo: input.sheetNo } });
      return { status: 'awaiting_second', mismatches: [] };
    }
    if (pending?.status === 'awaiting_second') {
      const diff = mismatches(pending.firstAnswers, input.answers);
      if ((pending.code ?? '') !== (code ?? '')) diff.unshift({ field: 'code', first: pending.code, second: code });
      if (diff.length) {
        await tx.update(paperEntries).set({ status: 'mismatch', secondAnswers: input.answers }).where(and(eq(paperEntries.projectId, project.id), eq(paperEntries.sheetNo, input.sheetNo)));
        await recordSurveysAudit(tx, ctx, { action: 'paper_entry.mismatch', entityType: 'analysis_project', entityId: project.id, after: { sheetNo: input.sheetNo, fields: diff.map((d) => d.field) } });
        return { status: 'mismatch', mismatches: diff };
      }
    }
    if (pending) await tx.delete(paperEntries).where(and(eq(paperEntries.projectId, project.id), eq(paperEntries.sheetNo, input.sheetNo)));
    await store(tx, project, q.revision, input.sheetNo, normaliseAnswers(q.definition as Definition, input.answers), code);
    await recordSurveysAudit(tx, ctx, { action: 'paper_entry.stored', entityType: 'analysis_project', entityId: project.id, after: { sheetNo: input.sheetNo, verified: !!pending } });
    return { status: 'stored', mismatches: [] };
  });
}
