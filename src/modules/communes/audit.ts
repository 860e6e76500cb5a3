import { auditRecorder } from '../../server/audit/record.js';
import { namesFrom, type AuditEntityType, type AuditLabel, type AuditVocabulary } from '../../server/audit/vocabulary.js';
import { communeGroups, communes, registryImports } from './schema.js';

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

/** Readable labels of the registry's audit actions; communes, groups and imports by their names. */
export const communesAudit = {
  actions: {
    'commune.created': { de: 'Gemeinde aufgenommen', en: 'Commune added' },
    'commune.updated': { de: 'Gemeinde geändert', en: 'Commune changed' },
    'commune.merged': { de: 'Gemeinde eingegliedert', en: 'Commune merged' },
    'registry_import.previewed': { de: 'Verzeichnis-Aktualisierung geprüft', en: 'Registry update previewed' },
    'registry_import.applied': { de: 'Verzeichnis aktualisiert', en: 'Registry updated' },
    'commune_group.created': { de: 'Gruppe angelegt', en: 'Group created' },
    'commune_group.updated': { de: 'Gruppe geändert', en: 'Group changed' },
    'commune_group.deleted': { de: 'Gruppe gelöscht', en: 'Group deleted' },
    'commune_age_structure.saved': { de: 'Altersstruktur gespeichert', en: 'Age structure saved' },
  } satisfies Record<CommunesAuditAction, AuditLabel>,
  entities: {
    commune: { label: { de: 'Gemeinde', en: 'Commune' }, names: namesFrom(communes, communes.ags, communes.name) },
    commune_group: { label: { de: 'Gruppe', en: 'Group' }, names: namesFrom(communeGroups, communeGroups.id, communeGroups.name, 'uuid') },
    registry_import: { label: { de: 'Verzeichnis-Aktualisierung', en: 'Registry update' }, names: namesFrom(registryImports, registryImports.id, registryImports.fileName, 'uuid') },
  } satisfies Record<CommunesAuditEntity, AuditEntityType>,
} satisfies AuditVocabulary;
