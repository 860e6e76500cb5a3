import { access } from '../../server/http/access.js';

export const communesPolicy = {
  /** The registry is public reference data. */
  read: access.public,
  manageGroups: access.roles('lpr_admin', 'lpr_staff'),
  updateRegistry: access.roles('lpr_admin'),
  /** Age × sex margins for weighting: read by whoever works with analyses, kept by LPR staff and analysts. */
  readAgeStructure: access.roles('lpr_admin', 'lpr_staff', 'analyst', 'commune'),
  editAgeStructure: access.roles('lpr_admin', 'lpr_staff', 'analyst'),
};
