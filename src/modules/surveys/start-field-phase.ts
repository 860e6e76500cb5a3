import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { unprocessable } from '../../server/http/problem.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisPhases, questionnaires } from './schema.js';
import { currentQuestionnaire, presentQuestionnaire, resolveDefinition } from './questionnaires.js';
import { toSurveyJson } from './questionnaire-definition.js';
import { fieldPhaseOf } from './survey-state.js';
import type { TQuestionnaire } from './surveys.types.js';

/**
 * Starts the field phase: the questionnaire is frozen with its resolved definition and SurveyJS JSON,
 * so later changes to the item bank never alter what respondents answered.
 */
export async function startFieldPhase(db: Db, ctx: AuditContext, project: AnalysisRow, input: { version: number }): Promise<TQuestionnaire> {
  return db.transaction(async (tx) => {
    const q = await currentQuestionnaire(tx, project.id);
    if (q.status === 'frozen') throw unprocessable('questionnaire_frozen', 'Die Feldphase läuft bereits.');
    const definition = await resolveDefinition(tx, q);
    if (definition.pages.some((p) => p.questions.some((x) => x.content.kind === 'district')) && !definition.districts.length) {
      throw unprocessable('districts_missing', 'Der Fragebogen fragt nach dem Ortsteil, aber die Analyse hat noch keine Ortsteile (aus dem Melderegister-Auszug oder von Hand).', 'districts');
    }
    const row = await updateVersioned(tx, questionnaires, eq(questionnaires.id, q.id), input.version,
      { status: 'frozen', definition, surveyJson: toSurveyJson(definition), frozenAt: new Date(), updatedAt: new Date() }, 'Der Fragebogen');
    await tx.update(analysisPhases).set({ status: 'in_progress' }).where(fieldPhaseOf(project.id));
    const after = await presentQuestionnaire(tx, row);
    await recordSurveysAudit(tx, ctx, { action: 'questionnaire.frozen', entityType: 'questionnaire', entityId: q.id, after: { revision: row.revision, frozenAt: after.frozenAt } });
    return after;
  });
}
