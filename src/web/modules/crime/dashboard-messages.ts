import { defineMessages } from '../../i18n/index.js';
import type { Text } from '../../i18n/index.js';

/** Texts of the crime statistics' start-page card. */
const de = {
  'dash.crime.title': 'Gemeinden ohne Fallzahlen für {year}',
  'dash.crime.import': 'Fallzahlen einspielen',
  'dash.crime.empty': 'Für alle Gemeinden Ihrer Polizeidirektion liegen Fallzahlen für {year} vor.',
} satisfies Record<string, Text>;

const en: Record<keyof typeof de, Text> = {
  'dash.crime.title': 'Communes without case figures for {year}',
  'dash.crime.import': 'Import case figures',
  'dash.crime.empty': 'Every commune of your police directorate has case figures for {year}.',
};

export const dashboardMessages = defineMessages(de, en);
