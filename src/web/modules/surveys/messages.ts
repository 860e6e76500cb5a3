import { defineMessages, useMessages } from '../../i18n/index.js';
import { surveysDe } from './de.js';
import { surveysEn } from './en.js';

export const messages = defineMessages(surveysDe, surveysEn);
/** `t` over the surveys's own catalog and the common one. */
export const useText = () => useMessages(messages);
