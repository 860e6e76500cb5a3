/** German texts of the audit log page. */
export const auditDe = {
  'nav.audit': 'Protokoll',
  'audit.title': 'Änderungsprotokoll',
  'audit.entityType': 'Objektart',
  'audit.entityId': 'Objekt-ID',
  'audit.actor': 'Person',
  'audit.action': 'Aktion',
  'audit.from': 'Von',
  'audit.to': 'Bis',
  'audit.filter': 'Filtern',
  'audit.when': 'Zeitpunkt',
  'audit.what': 'Objekt',
  'audit.changes': 'Änderungen',
  'audit.none': 'Keine Einträge.',
  'audit.count': { one: '{count} Eintrag', other: '{count} Einträge' },
  'about.log': 'Hier steht das Änderungsprotokoll der Plattform: wer wann was geändert hat.',
} as const;
