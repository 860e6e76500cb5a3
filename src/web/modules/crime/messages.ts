import { defineMessages, useMessages } from '../../i18n/index.js';
import { crimeDe } from './de.js';
import { crimeEn } from './en.js';

export const messages = defineMessages(crimeDe, crimeEn);
/** `t` over the crime's own catalog and the common one. */
export const useText = () => useMessages(messages);
