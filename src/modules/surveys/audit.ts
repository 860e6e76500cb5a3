import { auditRecorder } from '../../server/audit/record.js';

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
