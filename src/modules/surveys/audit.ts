import { auditRecorder } from '../../server/audit/record.js';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { isUuid, namesFrom, type AuditEntityType, type AuditLabel, type AuditVocabulary } from '../../server/audit/vocabulary.js';
import { analysisProjects, questionnaires } from './schema.js';

/** Every action the surveys module writes to the audit log. */
export const SURVEYS_AUDIT_ACTIONS = [
  'analysis_project.created', 'analysis_project.completed', 'analysis_project.districts_updated', 'analysis_project.district_areas_updated', 'analysis_project.mix_threshold_updated',
  'analysis_phase.updated', 'analysis_task.done', 'analysis_task.reopened',
  'questionnaire.updated', 'questionnaire.frozen', 'field_phase.closed',
  'survey_item.created', 'survey_item.revised', 'survey_item.retired', 'survey_item.reactivated',
  'survey_sample.drawn', 'survey_sample.personal_data_deleted',
  'survey_letter.updated', 'survey_letter.crest_uploaded', 'survey_letters.invitation_produced', 'survey_letters.reminder_produced',
  'paper_entry.first_keyed', 'paper_entry.mismatch', 'paper_entry.stored',
  'survey_responses.mixed', 'survey_responses.folded',
] as const;
export type SurveysAuditAction = (typeof SURVEYS_AUDIT_ACTIONS)[number];
export type SurveysAuditEntity = 'analysis_project' | 'questionnaire' | 'survey_item';

export const recordSurveysAudit = auditRecorder<SurveysAuditAction, SurveysAuditEntity>();

/** Readable labels of the surveys' audit actions; analyses by their titles, questionnaires by their analysis, items by code. */
export const surveysAudit = {
  actions: {
    'analysis_project.created': { de: 'Sicherheitsanalyse angelegt', en: 'Safety analysis created' },
    'analysis_project.completed': { de: 'Sicherheitsanalyse abgeschlossen', en: 'Safety analysis completed' },
    'analysis_project.districts_updated': { de: 'Ortsteile geändert', en: 'Districts changed' },
    'analysis_project.district_areas_updated': { de: 'Ortsteilgrenzen geändert', en: 'District boundaries changed' },
    'analysis_project.mix_threshold_updated': { de: 'Mischschwelle geändert', en: 'Mixing threshold changed' },
    'analysis_phase.updated': { de: 'Phase fortgeschrieben', en: 'Phase updated' },
    'analysis_task.done': { de: 'Aufgabe erledigt', en: 'Task done' },
    'analysis_task.reopened': { de: 'Aufgabe wieder geöffnet', en: 'Task reopened' },
    'questionnaire.updated': { de: 'Fragebogen geändert', en: 'Questionnaire changed' },
    'questionnaire.frozen': { de: 'Fragebogen festgeschrieben', en: 'Questionnaire frozen' },
    'field_phase.closed': { de: 'Feldphase beendet', en: 'Field phase closed' },
    'survey_item.created': { de: 'Frage angelegt', en: 'Item created' },
    'survey_item.revised': { de: 'Frage überarbeitet', en: 'Item revised' },
    'survey_item.retired': { de: 'Frage zurückgezogen', en: 'Item retired' },
    'survey_item.reactivated': { de: 'Frage wieder aufgenommen', en: 'Item reactivated' },
    'survey_sample.drawn': { de: 'Stichprobe gezogen', en: 'Sample drawn' },
    'survey_sample.personal_data_deleted': { de: 'Personendaten der Stichprobe gelöscht', en: 'Sample personal data deleted' },
    'survey_letter.updated': { de: 'Anschreiben geändert', en: 'Letter changed' },
    'survey_letter.crest_uploaded': { de: 'Wappen hochgeladen', en: 'Crest uploaded' },
    'survey_letters.invitation_produced': { de: 'Einladungsschreiben erzeugt', en: 'Invitation letters produced' },
    'survey_letters.reminder_produced': { de: 'Erinnerungsschreiben erzeugt', en: 'Reminder letters produced' },
    'paper_entry.first_keyed': { de: 'Papierbogen erfasst (1. Eingabe)', en: 'Paper form keyed (1st entry)' },
    'paper_entry.mismatch': { de: 'Papierbogen: Eingaben weichen ab', en: 'Paper form: entries differ' },
    'paper_entry.stored': { de: 'Papierbogen gespeichert', en: 'Paper form stored' },
    'survey_responses.mixed': { de: 'Antworten gemischt und gespeichert', en: 'Responses mixed and stored' },
    'survey_responses.folded': { de: 'Antworten zusammengeführt', en: 'Responses folded' },
  } satisfies Record<SurveysAuditAction, AuditLabel>,
  entities: {
    analysis_project: { label: { de: 'Sicherheitsanalyse', en: 'Safety analysis' }, names: namesFrom(analysisProjects, analysisProjects.id, analysisProjects.title, 'uuid') },
    questionnaire: { label: { de: 'Fragebogen', en: 'Questionnaire' }, names: questionnaireNames },
    survey_item: { label: { de: 'Frage', en: 'Item' } },
  } satisfies Record<SurveysAuditEntity, AuditEntityType>,
} satisfies AuditVocabulary;

/** A questionnaire by its analysis and revision. */
async function questionnaireNames(db: Db, ids: string[]) {
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Map<string, string>();
  const rows = await db.select({ id: questionnaires.id, title: analysisProjects.title, revision: questionnaires.revision }).from(questionnaires)
    .innerJoin(analysisProjects, eq(analysisProjects.id, questionnaires.projectId)).where(inArray(questionnaires.id, valid));
  return new Map(rows.map((r) => [r.id, `${r.title} (${r.revision})`]));
}
