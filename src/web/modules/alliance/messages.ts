import { defineMessages, useMessages } from '../../i18n/index.js';
import { allianceDe } from './de.js';
import { allianceEn } from './en.js';

export const messages = defineMessages(allianceDe, allianceEn);
/** `t` over the alliance's own catalog and the common one. */
export const useText = () => useMessages(messages);
