import { commonDe } from './common.de.js';
import { authDe } from '../modules/auth/de.js';
import { auditDe } from '../modules/audit/de.js';
import { communesDe } from '../modules/communes/de.js';
import { allianceDe } from '../modules/alliance/de.js';
import { surveysDe } from '../modules/surveys/de.js';
import { evaluationDe } from '../modules/evaluation/de.js';
import { crimeDe } from '../modules/crime/de.js';

/** Every catalog merged (the shell's lookup); pages use their module's own typed catalog (see i18n/index.tsx). */
export const de = { ...commonDe, ...authDe, ...auditDe, ...communesDe, ...allianceDe, ...surveysDe, ...evaluationDe, ...crimeDe } as const;

export type MessageKey = keyof typeof de;
