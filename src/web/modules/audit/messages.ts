import { defineMessages, useMessages } from '../../i18n/index.js';
import { auditDe } from './de.js';
import { auditEn } from './en.js';

export const messages = defineMessages(auditDe, auditEn);
/** `t` over the audit's own catalog and the common one. */
export const useText = () => useMessages(messages);
