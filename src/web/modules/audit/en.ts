import type { auditDe } from './de.js';

export const auditEn: Record<keyof typeof auditDe, string> = {
  'nav.audit': 'Audit log',
  'audit.title': 'Audit log',
  'audit.entityType': 'Entity type',
  'audit.entityId': 'Entity id',
  'audit.actor': 'Person',
  'audit.action': 'Action',
  'audit.from': 'From',
  'audit.to': 'To',
  'audit.filter': 'Filter',
  'audit.when': 'When',
  'audit.what': 'Entity',
  'audit.changes': 'Changes',
  'audit.none': 'No entries.',
  'audit.count': '{count} entries',
};
