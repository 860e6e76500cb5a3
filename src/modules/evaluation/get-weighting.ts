import type { Db } from '../../server/db/client.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { loadAnalysisInputs } from './analysis-inputs.js';
import type { TWeighting } from './evaluation.types.js';

/** The analysis' weighting settings and last run, with the margins available for it. */
export async function getWeighting(db: Db, project: AnalysisRow): Promise<Omit<TWeighting, 'can'>> {
  const inputs = await loadAnalysisInputs(db, project);
  const row = inputs.weighting;
  const strataVariables = (['district', 'age_group', 'sex'] as const).filter((v) =>
    inputs.sources.strata.length > 0 && inputs.sources.strata.every((s) => (v === 'district' ? s.district : v === 'age_group' ? s.ageGroup : s.sex) !== null));
  return {
    settings: { ...inputs.settings, ...inputs.publication },
    result: row?.result ?? null,
    computedAt: row?.computedAt?.toISOString() ?? null,
    version: row?.version ?? 0,
    available: {
      strata: inputs.sources.strata.length,
      strataVariables,
      ageStructure: inputs.sources.ageStructure ? { source: inputs.sources.ageStructure.source, referenceDate: inputs.sources.ageStructure.referenceDate } : null,
      responses: inputs.responses.length,
    },
  };
}
