import { access } from '../../server/http/access.js';

export const communesPolicy = {
  /** The registry is public reference data. */
  read: access.public,
  manageGroups: access.roles('lpr_admin', 'lpr_staff'),
  updateRegistry: access.roles('lpr_admin'),
  /** Age × sex margins for weighting: kept by LPR staff and the commune's analysts, read also by the commune itself (scope in age-structure.ts). */
  readAgeStructure: access.roles('lpr_admin', 'lpr_staff', 'analyst', 'commune'),
  editAgeStructure: access.roles('lpr_admin', 'lpr_staff', 'analyst'),
};
