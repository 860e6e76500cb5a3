import { auditRecorder } from '../../server/audit/record.js';

/** What the evaluation module writes to the audit log. */
export const EVALUATION_AUDIT_ACTIONS = [
  'analysis_weighting.computed',
  'recommendation.created', 'recommendation.updated', 'recommendation.managed', 'recommendation.deleted',
  'analysis_report.requested', 'analysis_report.stored',
] as const;
export type EvaluationAuditAction = (typeof EVALUATION_AUDIT_ACTIONS)[number];

export const recordEvaluationAudit = auditRecorder<EvaluationAuditAction, 'analysis_project' | 'recommendation'>();
