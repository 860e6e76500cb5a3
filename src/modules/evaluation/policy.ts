import { definePolicy } from '../../server/auth/policy.js';
import { analysisSubject } from '../surveys/policy.js';

/**
 * The evaluation of an analysis (findings, weighting, recommendations, report): read by the LPR, the analysts
 * assigned and the commune; worked on by the LPR and the analysts; recommendations managed by the commune
 * (and the LPR on its behalf). Others get a 404.
 */
export const evaluationPolicy = definePolicy('evaluation.analysis', {
  read: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'scope', commune: 'communes' },
  work: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'scope' },
  manage: { lpr_admin: 'any', lpr_staff: 'any', commune: 'communes' },
}, analysisSubject, { denied: 'hide' });

export const evaluationPolicies = [evaluationPolicy] as const;
