import { definePolicy } from '../../server/auth/policy.js';
import { isAllowed } from '../../server/http/access.js';
import type { Actor } from '../../server/auth/roles.js';
import { communeSubject } from './subject.js';

const LPR = { lpr_admin: 'any', lpr_staff: 'any' } as const;

/** The registry is public reference data; the LPR keeps groups, the LPR administration updates the registry. */
export const registryPolicy = definePolicy('communes.registry', {
  read: 'public',
  manageGroups: LPR,
  update: { lpr_admin: 'any' },
});

/**
 * Age × sex margins for weighting: kept by the LPR and the analysts of the commune's analyses (an analysis
 * scope covers its commune), read also by the commune itself.
 */
export const ageStructurePolicy = definePolicy('communes.ageStructure', {
  read: { ...LPR, analyst: 'communes', commune: 'communes' },
  edit: { ...LPR, analyst: 'communes' },
}, communeSubject, {
  denied: 'forbid',
  detail: {
    read: 'Sie können die Altersstruktur nur für Ihre Gemeinde oder die Gemeinden Ihrer Analysen einsehen.',
    edit: 'Sie können die Altersstruktur nur für Gemeinden Ihrer Analysen pflegen.',
  },
});

export const communesPolicies = [registryPolicy, ageStructurePolicy] as const;

/** What the viewer may do with a commune group (groups are statewide: the LPR keeps all of them). */
export function groupAbilities(actor: Actor | null) {
  const manage = isAllowed(registryPolicy.door('manageGroups'), actor);
  return { update: manage, delete: manage };
}
