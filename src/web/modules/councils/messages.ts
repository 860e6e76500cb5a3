import { defineMessages, useMessages } from '../../i18n/index.js';
import { councilsDe } from './de.js';
import { councilsEn } from './en.js';

export const messages = defineMessages(councilsDe, councilsEn);
/** `t` over the councils' own catalog and the common one. */
export const useText = () => useMessages(messages);
