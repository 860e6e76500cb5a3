import type { Db } from '../../server/db/client.js';
import { definePolicy } from '../../server/auth/policy.js';
import type { Actor } from '../../server/auth/roles.js';
import { analysisSubject, type AnalysisRow } from '../surveys/policy.js';

/**
 * The evaluation of an analysis (findings, weighting, recommendations, report): read by the LPR, the analysts
 * assigned, the commune and the members of the commune's prevention council (the report's Interpretationshilfe is
 * written for them); worked on by the LPR and the analysts; recommendations managed by the commune
 * (and the LPR on its behalf). Others get a 404.
 */
export const evaluationPolicy = definePolicy('evaluation.analysis', {
  read: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'scope', commune: 'communes', council_member: 'communes' },
  work: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'scope' },
  manage: { lpr_admin: 'any', lpr_staff: 'any', commune: 'communes' },
}, analysisSubject, { denied: 'hide' });

export const evaluationPolicies = [evaluationPolicy] as const;

/**
 * The analyses among `others` whose evaluation the actor may read: a wave comparison (in the findings, the
 * web report and a stored report's download) shows another wave only to those who may read both.
 */
export async function readableAnalyses(db: Db, actor: Actor | null, others: readonly AnalysisRow[]): Promise<Set<string>> {
  const readable = new Set<string>();
  for (const other of others) if (await evaluationPolicy.allows(db, actor, 'read', other)) readable.add(other.id);
  return readable;
}
