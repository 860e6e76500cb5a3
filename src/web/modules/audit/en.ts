import type { auditDe } from './de.js';
import type { Text } from '../../i18n/text.js';

export const auditEn: Record<keyof typeof auditDe, Text> = {
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
  'audit.count': { one: '{count} entry', other: '{count} entries' },
  'about.log': 'Here is the change log of the platform: who changed what and when.',
};
