import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField, unprocessable } from '../../server/http/problem.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { questionnaires, type QuestionnaireElement } from './schema.js';
import { currentQuestionnaire, presentQuestionnaire, resolveDefinition } from './questionnaires.js';
import type { Text } from './standard-items.js';
import type { TQuestionnaire } from './surveys.types.js';

/** Codes must be unique across the questionnaire; custom codes must not clash with bank codes. */
function checkElements(elements: QuestionnaireElement[]) {
  const seen = new Set<string>();
  elements.forEach((el, i) => {
    if (el.type === 'page') return;
    if (seen.has(el.code)) throw invalidField(`elements.${i}.code`, `Die Frage ${el.code} kommt doppelt vor.`, `Element ${i + 1}: Kürzel`);
    seen.add(el.code);
    if (el.type === 'custom' && !/^X[A-Z0-9_]{1,19}$/.test(el.code)) throw invalidField(`elements.${i}.code`, 'Eigene Fragen haben ein Kürzel, das mit X beginnt (z. B. X01).', `Element ${i + 1}: Kürzel`);
  });
  if (!elements.some((e) => e.type !== 'page')) throw invalidField('elements', 'Der Fragebogen braucht mindestens eine Frage.');
}

/** Composes the draft: items from the bank (pinned versions), own questions, page breaks, order. */
export async function updateQuestionnaire(db: Db, ctx: AuditContext, project: AnalysisRow, input: { title: Text; intro: Text; elements: QuestionnaireElement[]; version: number }): Promise<TQuestionnaire> {
  checkElements(input.elements);
  return db.transaction(async (tx) => {
    const q = await currentQuestionnaire(tx, project.id);
    if (q.status === 'frozen') throw unprocessable('questionnaire_frozen', 'Der Fragebogen ist mit Beginn der Feldphase festgeschrieben und kann nicht mehr geändert werden.');
    const before = await presentQuestionnaire(tx, q);
    const row = await updateVersioned(tx, questionnaires, eq(questionnaires.id, q.id), input.version,
      { title: input.title, intro: input.intro, elements: input.elements, updatedAt: new Date() }, 'Der Fragebogen');
    await resolveDefinition(tx, row); // every referenced item version must exist
    const after = await presentQuestionnaire(tx, row);
    await recordSurveysAudit(tx, ctx, { action: 'questionnaire.updated', entityType: 'questionnaire', entityId: q.id, before: { elements: before.elements, title: before.title }, after: { elements: after.elements, title: after.title } });
    return after;
  });
}
