import { auditRecorder } from '../../server/audit/record.js';

/** What the crime module writes to the audit log. */
export const CRIME_AUDIT_ACTIONS = ['crime_statistics.imported'] as const;
export type CrimeAuditAction = (typeof CRIME_AUDIT_ACTIONS)[number];

export const recordCrimeAudit = auditRecorder<CrimeAuditAction, 'crime_import'>();
