import type { WebModule } from './module.js';
import { authWeb } from '../modules/auth/index.js';
import { auditWeb } from '../modules/audit/index.js';
import { communesWeb } from '../modules/communes/index.js';
import { allianceWeb } from '../modules/alliance/index.js';
import { surveysWeb } from '../modules/surveys/index.js';
import { evaluationWeb } from '../modules/evaluation/index.js';
import { crimeWeb } from '../modules/crime/index.js';
import { councilsWeb } from '../modules/councils/index.js';

/** Every module of the web app (the web's composition root, like src/platform/modules.ts on the server). */
export const webModules: readonly WebModule[] = [authWeb, auditWeb, communesWeb, allianceWeb, surveysWeb, evaluationWeb, crimeWeb, councilsWeb];
