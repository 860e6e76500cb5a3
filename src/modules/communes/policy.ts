import { definePolicy } from '../../server/auth/policy.js';
import { communeSubject } from './subject.js';

const LPR = { lpr_admin: 'any', lpr_staff: 'any' } as const;

/** The registry is public reference data; the LPR keeps groups, the LPR administration updates the registry. */
export const registryPolicy = definePolicy('communes.registry', {
  read: 'public',
  manageGroups: LPR,
  update: { lpr_admin: 'any' },
});

/** Age × sex margins for weighting: kept by the LPR and the commune's analysts, read also by the commune itself. */
export const ageStructurePolicy = definePolicy('communes.ageStructure', {
  read: { ...LPR, analyst: 'communes', commune: 'communes' },
  edit: { ...LPR, analyst: 'communes' },
}, communeSubject, { denied: 'forbid', detail: 'Sie können die Altersstruktur nur für Ihre Gemeinde oder die Gemeinden Ihrer Analysen einsehen.' });

export const communesPolicies = [registryPolicy, ageStructurePolicy] as const;

/** @deprecated door rules of routes not yet converted. */
export const communesPolicy = {
  read: registryPolicy.door('read'),
  manageGroups: registryPolicy.door('manageGroups'),
  updateRegistry: registryPolicy.door('update'),
  readAgeStructure: ageStructurePolicy.door('read'),
  editAgeStructure: ageStructurePolicy.door('edit'),
};
