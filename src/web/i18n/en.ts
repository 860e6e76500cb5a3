import type { MessageKey } from './de.js';
import { commonEn } from './common.en.js';
import { authEn } from '../modules/auth/en.js';
import { auditEn } from '../modules/audit/en.js';
import { communesEn } from '../modules/communes/en.js';
import { allianceEn } from '../modules/alliance/en.js';
import { surveysEn } from '../modules/surveys/en.js';
import { evaluationEn } from '../modules/evaluation/en.js';
import { crimeEn } from '../modules/crime/en.js';

export const en: Record<MessageKey, string> = { ...commonEn, ...authEn, ...auditEn, ...communesEn, ...allianceEn, ...surveysEn, ...evaluationEn, ...crimeEn };
