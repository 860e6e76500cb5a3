import { auditRecorder } from '../../server/audit/record.js';

/** Every action the alliance module writes to the audit log. */
export const ALLIANCE_AUDIT_ACTIONS = [
  'consultation.logged', 'consultation.updated', 'consultation.deleted', 'consultation_task.done', 'consultation_task.reopened',
  'agreement.drafted', 'agreement.updated', 'agreement.amendment_started', 'agreement.agreed', 'agreement.reopened', 'agreement.signed', 'agreement.ended',
  'agreement.scan_uploaded', 'agreement.deleted',
  'coach.created', 'coach.updated',
  'coaching.requested', 'coaching.matched', 'coaching.started', 'coaching.completed', 'coaching.cancelled', 'coaching.session_logged', 'coaching.feedback_submitted',
  'field_of_action.created', 'field_of_action.updated', 'agreement_template.updated',
  'commune_milestone.recorded', 'commune_stage.corrected', 'commune_milestone.deleted',
] as const;
export type AllianceAuditAction = (typeof ALLIANCE_AUDIT_ACTIONS)[number];

export const ALLIANCE_AUDIT_ENTITIES = [
  'consultation', 'consultation_task', 'agreement', 'coach', 'coaching_process', 'field_of_action', 'agreement_template', 'commune_milestone',
] as const;
export type AllianceAuditEntity = (typeof ALLIANCE_AUDIT_ENTITIES)[number];

export const recordAllianceAudit = auditRecorder<AllianceAuditAction, AllianceAuditEntity>();
