import { access } from '../../server/http/access.js';

export const communesPolicy = {
  /** The registry is public reference data. */
  read: access.public,
  manageGroups: access.roles('lpr_admin', 'lpr_staff'),
  updateRegistry: access.roles('lpr_admin'),
};
