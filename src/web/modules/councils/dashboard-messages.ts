import { defineMessages } from '../../i18n/index.js';
import type { Text } from '../../i18n/index.js';

/** Texts of the councils' start-page cards (keys the server's dashboard contribution, councils/dashboard.ts, names). */
const de = {
  'dash.myDecisions.title': 'Ihre Aufgaben aus Beschlüssen',
  'dash.myDecisions.empty': 'Kein offener Beschluss wartet auf Sie.',
  'dash.myDecisions.item': 'Beschluss {number}: {text}',
  'dash.decisions.title': 'Offene Beschlüsse (Beschlusskontrolle)',
  'dash.decisions.all': 'Zur Beschlusskontrolle',
  'dash.decisions.empty': 'Kein Beschluss ist offen.',
  'dash.decisions.item': 'Beschluss {number}, verantwortlich: {owner}',
  'dash.meetings.title': 'Nächste Termine im Präventionsrat',
  'dash.meetings.empty': 'Kein Termin geplant.',
  'dash.meetings.state.geplant': 'geplant',
  'dash.meetings.state.eingeladen': 'eingeladen',
  'dash.meetings.when': 'am {at}',
  'dash.minutes.title': 'Protokolle im Entwurf',
  'dash.minutes.empty': 'Kein Protokoll wartet auf die Genehmigung.',
  'dash.minutes.draft': 'Entwurf',
} satisfies Record<string, Text>;

const en: Record<keyof typeof de, Text> = {
  'dash.myDecisions.title': 'Your tasks from decisions',
  'dash.myDecisions.empty': 'No open decision is waiting for you.',
  'dash.myDecisions.item': 'Decision {number}: {text}',
  'dash.decisions.title': 'Open decisions (decision tracking)',
  'dash.decisions.all': 'To decision tracking',
  'dash.decisions.empty': 'No decision is open.',
  'dash.decisions.item': 'Decision {number}, owner: {owner}',
  'dash.meetings.title': 'Next dates of the prevention council',
  'dash.meetings.empty': 'No date scheduled.',
  'dash.meetings.state.geplant': 'planned',
  'dash.meetings.state.eingeladen': 'invited',
  'dash.meetings.when': 'on {at}',
  'dash.minutes.title': 'Draft minutes',
  'dash.minutes.empty': 'No minutes are waiting for approval.',
  'dash.minutes.draft': 'draft',
};

export const dashboardMessages = defineMessages(de, en);
