import { access } from '../../server/http/access.js';

/** Route rules of the crime statistics module; commune scope (own commune, own directorate, own analysis) is checked in the use cases. */
export const crimePolicy = {
  importFigures: access.roles('lpr_admin', 'lpr_staff', 'police'),
  listImports: access.roles('lpr_admin', 'lpr_staff', 'police'),
  /** Kreis and Land figures are published statistics: every signed-in role may read them. */
  readKreise: access.authenticated,
  readCommune: access.roles('lpr_admin', 'lpr_staff', 'police', 'commune', 'analyst'),
};
