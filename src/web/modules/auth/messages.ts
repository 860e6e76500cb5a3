import { defineMessages, useMessages } from '../../i18n/index.js';
import { authDe } from './de.js';
import { authEn } from './en.js';

export const messages = defineMessages(authDe, authEn);
/** `t` over the auth's own catalog and the common one. */
export const useText = () => useMessages(messages);
