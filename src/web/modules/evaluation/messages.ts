import { defineMessages, useMessages } from '../../i18n/index.js';
import { evaluationDe } from './de.js';
import { evaluationEn } from './en.js';

export type EvaluationKey = keyof typeof evaluationDe;
export const messages = defineMessages(evaluationDe, evaluationEn);
/** `t` over the evaluation's own catalog and the common one. */
export const useText = () => useMessages(messages);
