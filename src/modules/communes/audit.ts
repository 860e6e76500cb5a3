import { auditRecorder } from '../../server/audit/record.js';

/** What the communes module writes to the audit log. */
export const COMMUNES_AUDIT_ACTIONS = [
  'commune.created', 'commune.updated', 'commune.merged',
  'registry_import.previewed', 'registry_import.applied',
  'commune_group.created', 'commune_group.updated', 'commune_group.deleted',
  'commune_age_structure.saved',
] as const;
export type CommunesAuditAction = (typeof COMMUNES_AUDIT_ACTIONS)[number];
export type CommunesAuditEntity = 'commune' | 'commune_group' | 'registry_import';

export const recordCommunesAudit = auditRecorder<CommunesAuditAction, CommunesAuditEntity>();
