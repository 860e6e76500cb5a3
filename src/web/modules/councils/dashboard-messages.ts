import { defineMessages } from '../../i18n/index.js';
import type { Text } from '../../i18n/index.js';

/** Texts of the councils' start-page cards (keys the server's dashboard contribution names). */
const de = {
  'dash.decisions.title': 'Ihre Aufgaben aus Beschlüssen',
  'dash.decisions.empty': 'Kein offener Beschluss wartet auf Sie.',
  'dash.decisions.all': 'Zur Beschlusskontrolle',
  'dash.decisions.state.offen': 'offen',
  'dash.decisions.state.in_arbeit': 'in Arbeit',
  'dash.meetings.title': 'Nächste Sitzungen',
  'dash.meetings.empty': 'Keine Sitzung geplant.',
  'dash.meetings.all': 'Zum Präventionsrat',
  'dash.meetings.item': '{body} am {date}',
  'dash.meetings.state.geplant': 'geplant',
  'dash.meetings.state.eingeladen': 'eingeladen',
  'dash.minutes.title': 'Protokolle im Entwurf',
  'dash.minutes.empty': 'Kein Protokoll wartet auf die Genehmigung.',
  'dash.minutes.item': 'Protokoll {body} vom {date}',
  'dash.councils.title': 'Präventionsräte',
  'dash.councils.all': 'Alle Präventionsräte',
  'dash.councils.detail': { one: 'offener Beschluss in allen Räten', other: 'offene Beschlüsse in allen Räten' },
  'dash.overdue.title': 'Überfällige Beschlüsse',
  'dash.overdue.empty': 'Kein Beschluss ist überfällig.',
} satisfies Record<string, Text>;

const en: Record<keyof typeof de, Text> = {
  'dash.decisions.title': 'Your tasks from decisions',
  'dash.decisions.empty': 'No open decision is waiting for you.',
  'dash.decisions.all': 'To decision tracking',
  'dash.decisions.state.offen': 'open',
  'dash.decisions.state.in_arbeit': 'in progress',
  'dash.meetings.title': 'Next meetings',
  'dash.meetings.empty': 'No meeting scheduled.',
  'dash.meetings.all': 'To the prevention council',
  'dash.meetings.item': '{body} on {date}',
  'dash.meetings.state.geplant': 'planned',
  'dash.meetings.state.eingeladen': 'invited',
  'dash.minutes.title': 'Draft minutes',
  'dash.minutes.empty': 'No minutes are waiting for approval.',
  'dash.minutes.item': 'Minutes of {body} of {date}',
  'dash.councils.title': 'Prevention councils',
  'dash.councils.all': 'All prevention councils',
  'dash.councils.detail': { one: 'open decision across all councils', other: 'open decisions across all councils' },
  'dash.overdue.title': 'Overdue decisions',
  'dash.overdue.empty': 'No decision is overdue.',
};

export const dashboardMessages = defineMessages(de, en);
