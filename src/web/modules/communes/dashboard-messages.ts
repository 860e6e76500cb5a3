import { defineMessages } from '../../i18n/index.js';
import type { Text } from '../../i18n/index.js';

/** Texts of the registry's start-page card. */
const de = {
  'dash.registry.title': 'Gemeindeverzeichnis',
  'dash.registry.open': 'Verzeichnis aktualisieren',
  'dash.registry.asOf': 'Gemeinden, Gebietsstand {date}',
  'dash.registry.pending': { one: 'Gemeinden; {count} geprüfte Aktualisierung wartet auf die Übernahme', other: 'Gemeinden; {count} geprüfte Aktualisierungen warten auf die Übernahme' },
} satisfies Record<string, Text>;

const en: Record<keyof typeof de, Text> = {
  'dash.registry.title': 'Commune registry',
  'dash.registry.open': 'Update the registry',
  'dash.registry.asOf': 'communes, territorial status {date}',
  'dash.registry.pending': { one: 'communes; {count} previewed update is waiting to be applied', other: 'communes; {count} previewed updates are waiting to be applied' },
};

export const dashboardMessages = defineMessages(de, en);
