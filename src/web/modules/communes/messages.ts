import { defineMessages, useMessages } from '../../i18n/index.js';
import { communesDe } from './de.js';
import { communesEn } from './en.js';

export const messages = defineMessages(communesDe, communesEn);
/** `t` over the communes's own catalog and the common one. */
export const useText = () => useMessages(messages);
