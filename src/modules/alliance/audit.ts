import { auditRecorder } from '../../server/audit/record.js';

/** The alliance's audited actions. */
export const ALLIANCE_AUDIT_ACTIONS = [
  // Stages and milestones
  'commune_milestone.recorded', 'commune_stage.corrected', 'commune_milestone.deleted',
] as const;
export type AllianceAuditAction = (typeof ALLIANCE_AUDIT_ACTIONS)[number];
export type AllianceAuditEntity = 'commune_milestone';

export const recordAllianceAudit = auditRecorder<AllianceAuditAction, AllianceAuditEntity>();
