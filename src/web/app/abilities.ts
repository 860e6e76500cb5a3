import type { AbilityOf } from '../../server/auth/policy.js';
import type { auditPolicy } from '../../server/audit/routes.js';
import type { bilanzPolicy } from '../../server/aggregates/bilanz.js';
import type { alliancePolicies } from '../../modules/alliance/policy.js';
import type { authPolicies } from '../../modules/auth/policy.js';
import type { communesPolicies } from '../../modules/communes/policy.js';
import type { councilsPolicies } from '../../modules/councils/policy.js';
import type { crimePolicies } from '../../modules/crime/policy.js';
import type { evaluationPolicies } from '../../modules/evaluation/policy.js';
import type { surveysPolicies } from '../../modules/surveys/policy.js';

/**
 * The abilities the server's policies define (`policy.ability`, e.g. `surveys.analysis.read`), as the session
 * lists them for the signed-in user. Types only: the web never copies a role list.
 */
export type Ability =
  | AbilityOf<typeof auditPolicy>
  | AbilityOf<typeof bilanzPolicy>
  | AbilityOf<(typeof alliancePolicies)[number]>
  | AbilityOf<(typeof authPolicies)[number]>
  | AbilityOf<(typeof communesPolicies)[number]>
  | AbilityOf<(typeof councilsPolicies)[number]>
  | AbilityOf<(typeof crimePolicies)[number]>
  | AbilityOf<(typeof evaluationPolicies)[number]>
  | AbilityOf<(typeof surveysPolicies)[number]>;
