import { access } from '../../server/http/access.js';

/** Route rules of the surveys module; project scope (own analysis, own commune) is checked in projects.ts. */
export const surveysPolicy = {
  commission: access.roles('lpr_admin', 'lpr_staff'),
  readProject: access.roles('lpr_admin', 'lpr_staff', 'analyst', 'commune'),
  work: access.roles('lpr_admin', 'lpr_staff', 'analyst'),
  communeTasks: access.roles('lpr_admin', 'lpr_staff', 'analyst', 'commune'),
  readItems: access.roles('lpr_admin', 'lpr_staff', 'analyst'),
  maintainItems: access.roles('lpr_admin', 'lpr_staff'),
  respond: access.public,
};
