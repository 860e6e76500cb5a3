import { defineMessages } from '../../i18n/index.js';
import type { Text } from '../../i18n/index.js';

/** Texts of the accounts' start-page card. */
const de = {
  'dash.invitations.title': 'Offene Einladungen',
  'dash.invitations.open': 'Benutzer und Rollen',
  'dash.invitations.detail': { one: 'Einladung ist noch nicht angenommen.', other: 'Einladungen sind noch nicht angenommen.' },
} satisfies Record<string, Text>;

const en: Record<keyof typeof de, Text> = {
  'dash.invitations.title': 'Open invitations',
  'dash.invitations.open': 'Users and roles',
  'dash.invitations.detail': { one: 'invitation has not been accepted yet.', other: 'invitations have not been accepted yet.' },
};

export const dashboardMessages = defineMessages(de, en);
