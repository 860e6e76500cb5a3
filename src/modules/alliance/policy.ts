import { access } from '../../server/http/access.js';

/**
 * Route-level rules of the alliance module. Scope rules follow in the use cases (visibility.ts):
 * a commune sees its own records, police those of their directorate, a coach only their processes.
 */
export const alliancePolicy = {
  /** Figures, map and signed agreements' headline facts. */
  public: access.public,
  readInternal: access.roles('lpr_admin', 'lpr_staff', 'commune', 'police'),
  manage: access.roles('lpr_admin', 'lpr_staff'),
  readCoaching: access.roles('lpr_admin', 'lpr_staff', 'commune', 'coach'),
  requestCoaching: access.roles('lpr_admin', 'lpr_staff', 'commune'),
  runCoaching: access.roles('lpr_admin', 'lpr_staff', 'coach'),
  coachingFeedback: access.roles('lpr_admin', 'lpr_staff', 'commune'),
  readCoachPool: access.roles('lpr_admin', 'lpr_staff', 'coach'),
};
