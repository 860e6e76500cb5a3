import type { PlatformModule } from '../server/modules.js';
import { platformModule } from '../server/platform.js';
import { auditModule } from '../server/audit/routes.js';
import { aggregatesModule } from '../server/aggregates/module.js';
import { authModule } from '../modules/auth/module.js';
import { communesModule } from '../modules/communes/module.js';
import { allianceModule } from '../modules/alliance/module.js';
import { surveysModule } from '../modules/surveys/module.js';
import { crimeModule } from '../modules/crime/module.js';
import { evaluationModule } from '../modules/evaluation/module.js';
import { councilsModule } from '../modules/councils/module.js';

/**
 * Every module of the platform, in dependency order (seeds run in this order): surveys before auth so that
 * the demo analyst's analysis exists, alliance after auth because its demo records name LPR staff; evaluation
 * last, since its demo report draws on the surveys, the alliance's fields of action and the crime figures.
 */
export const platformModules: PlatformModule[] = [platformModule, auditModule, aggregatesModule, communesModule, surveysModule, authModule, allianceModule, crimeModule, evaluationModule, councilsModule];
