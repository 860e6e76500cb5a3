import { auditRecorder } from '../../server/audit/record.js';
import { namesFrom, type AuditLabel, type AuditVocabulary } from '../../server/audit/vocabulary.js';
import { crimeImports } from './schema.js';

/** What the crime module writes to the audit log. */
export const CRIME_AUDIT_ACTIONS = ['crime_statistics.imported'] as const;
export type CrimeAuditAction = (typeof CRIME_AUDIT_ACTIONS)[number];

export const recordCrimeAudit = auditRecorder<CrimeAuditAction, 'crime_import'>();

/** Readable labels of the crime statistics' audit actions; imports by their file names. */
export const crimeAudit = {
  actions: { 'crime_statistics.imported': { de: 'Kriminalstatistik eingespielt', en: 'Crime statistics imported' } } satisfies Record<CrimeAuditAction, AuditLabel>,
  entities: { crime_import: { label: { de: 'PKS-Datei', en: 'Crime statistics file' }, names: namesFrom(crimeImports, crimeImports.id, crimeImports.fileName, 'uuid') } },
} satisfies AuditVocabulary;
