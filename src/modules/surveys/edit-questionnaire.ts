import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField, unprocessable } from '../../server/http/problem.js';
import { analysisPhases, analysisProjects, questionnaires, type QuestionnaireElement } from './schema.js';
import { currentQuestionnaire, presentQuestionnaire, resolveDefinition } from './questionnaires.js';
import { toSurveyJson } from './questionnaire-definition.js';
import type { Text } from './standard-items.js';
import { presentProject } from './projects.js';
import { todayIso } from '../../lib/dates.js';

type Project = typeof analysisProjects.$inferSelect;

/** Codes must be unique across the questionnaire; custom codes must not clash with bank codes. */
function checkElements(elements: QuestionnaireElement[]) {
  const seen = new Set<string>();
  elements.forEach((el, i) => {
    if (el.type === 'page') return;
    if (seen.has(el.code)) throw invalidField(`elements.${i}.code`, `Die Frage ${el.code} kommt doppelt vor.`);
    seen.add(el.code);
    if (el.type === 'custom' && !/^X[A-Z0-9_]{1,19}$/.test(el.code)) throw invalidField(`elements.${i}.code`, 'Eigene Fragen haben ein Kürzel, das mit X beginnt (z. B. X01).');
  });
  if (!elements.some((e) => e.type !== 'page')) throw invalidField('elements', 'Der Fragebogen braucht mindestens eine Frage.');
}

/** Composes the draft: items from the bank (pinned versions), own questions, page breaks, order. */
export async function updateQuestionnaire(db: Db, ctx: AuditContext, project: Project, input: { title: Text; intro: Text; elements: QuestionnaireElement[]; version: number }) {
  checkElements(input.elements);
  return db.transaction(async (tx) => {
    const q = await currentQuestionnaire(tx, project.id);
    if (q.status === 'frozen') throw unprocessable('questionnaire_frozen', 'Der Fragebogen ist mit Beginn der Feldphase festgeschrieben und kann nicht mehr geändert werden.');
    const before = await presentQuestionnaire(tx, q);
    const row = await updateVersioned(tx, questionnaires, eq(questionnaires.id, q.id), input.version,
      { title: input.title, intro: input.intro, elements: input.elements, updatedAt: new Date() }, 'Der Fragebogen');
    await resolveDefinition(tx, row); // every referenced item version must exist
    const after = await presentQuestionnaire(tx, row);
    await recordAudit(tx, ctx, { action: 'questionnaire.updated', entityType: 'questionnaire', entityId: q.id, before: { elements: before.elements, title: before.title }, after: { elements: after.elements, title: after.title } });
    return after;
  });
}

/**
 * Starts the field phase: the questionnaire is frozen with its resolved definition and SurveyJS JSON,
 * so later changes to the item bank never alter what respondents answered.
 */
export async function startFieldPhase(db: Db, ctx: AuditContext, project: Project, input: { version: number }) {
  return db.transaction(async (tx) => {
    const q = await currentQuestionnaire(tx, project.id);
    if (q.status === 'frozen') throw unprocessable('questionnaire_frozen', 'Die Feldphase läuft bereits.');
    const definition = await resolveDefinition(tx, q);
    if (definition.pages.some((p) => p.questions.some((x) => x.content.kind === 'district')) && !definition.districts.length) {
      throw unprocessable('districts_missing', 'Der Fragebogen fragt nach dem Ortsteil, aber die Analyse hat noch keine Ortsteile (aus dem Melderegister-Auszug oder von Hand).', 'districts');
    }
    const row = await updateVersioned(tx, questionnaires, eq(questionnaires.id, q.id), input.version,
      { status: 'frozen', definition, surveyJson: toSurveyJson(definition), frozenAt: new Date(), updatedAt: new Date() }, 'Der Fragebogen');
    await tx.update(analysisPhases).set({ status: 'in_progress' }).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, 'field')));
    const after = await presentQuestionnaire(tx, row);
    await recordAudit(tx, ctx, { action: 'questionnaire.frozen', entityType: 'questionnaire', entityId: q.id, after: { revision: row.revision, frozenAt: after.frozenAt } });
    return after;
  });
}

/** Ends the field phase: the survey accepts no more answers and the evaluation begins. */
export async function closeFieldPhase(db: Db, ctx: AuditContext, project: Project) {
  return db.transaction(async (tx) => {
    const [field] = await tx.select().from(analysisPhases).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, 'field')));
    if (field?.status !== 'in_progress') throw unprocessable('field_not_running', 'Die Feldphase läuft nicht.');
    await tx.update(analysisPhases).set({ status: 'done', doneOn: todayIso(), version: field.version + 1 }).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, 'field')));
    await tx.update(analysisPhases).set({ status: 'in_progress' }).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, 'evaluation'), eq(analysisPhases.status, 'open')));
    await recordAudit(tx, ctx, { action: 'field_phase.closed', entityType: 'analysis_project', entityId: project.id, after: { closedOn: todayIso() } });
    return presentProject(tx, project);
  });
}
