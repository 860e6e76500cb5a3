import { access } from '../../server/http/access.js';

/** Route rules of the evaluation module; the analysis scope (own analysis, own commune) is checked with projectFor. */
export const evaluationPolicy = {
  read: access.roles('lpr_admin', 'lpr_staff', 'analyst', 'commune'),
  work: access.roles('lpr_admin', 'lpr_staff', 'analyst'),
  /** Priority and state of recommendations: the commune (and the LPR on its behalf). */
  manage: access.roles('lpr_admin', 'lpr_staff', 'commune'),
};
