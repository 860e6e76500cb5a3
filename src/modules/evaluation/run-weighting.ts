import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { staleVersion, unprocessable } from '../../server/http/problem.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { analysisWeightings } from './schema.js';
import { loadAnalysisInputs, settingsOf } from './analysis-inputs.js';
import { weighSurvey, WeightingError } from './weighting.js';
import { getWeighting } from './get-weighting.js';
import { recordEvaluationAudit } from './audit.js';
import type { TCalibrationSettings, TWeighting, TWeightingSettingsInput } from './evaluation.types.js';

/**
 * Saves the analyst's choice and runs the weighting with it. A choice that cannot be met (a margin
 * category without respondents, no margins for a variable) is refused with the reason and nothing changes.
 */
export async function runWeighting(db: Db, ctx: AuditContext, project: AnalysisRow, input: TWeightingSettingsInput): Promise<Omit<TWeighting, 'can'>> {
  const inputs = await loadAnalysisInputs(db, project);
  const settings: TCalibrationSettings = {
    design: input.design, calibration: input.calibration, variables: [...new Set(input.variables)], epsilon: input.epsilon,
    maxIterations: input.maxIterations, trimLower: input.trimLower, trimUpper: input.trimUpper,
  };
  if (settings.trimLower !== null && settings.trimUpper !== null && settings.trimLower >= settings.trimUpper) {
    throw unprocessable('trim_bounds', 'Die untere Kappungsgrenze muss kleiner als die obere sein.', 'trimLower');
  }
  let result;
  try {
    result = weighSurvey(inputs.responses, inputs.sources, settings).result;
  } catch (error) {
    if (error instanceof WeightingError) throw unprocessable('weighting_failed', error.message, error.field);
    throw error;
  }
  if (!result.converged) throw unprocessable('not_converged', `Das Raking ist nach ${result.iterations} Iterationen nicht konvergiert (größte Abweichung ${result.maxMarginDeviation.toFixed(2)}). Erhöhen Sie die Iterationszahl oder wählen Sie andere Merkmale.`, 'maxIterations');
  return db.transaction(async (tx) => {
    const before = inputs.weighting;
    const values = {
      ...settings, minRespondents: input.minRespondents, minClusterSize: input.minClusterSize, clusterRadiusM: input.clusterRadiusM,
      result, computedAt: new Date(), updatedBy: ctx.actorId,
    };
    if (input.version === 0) {
      if (before) throw staleVersion('Die Gewichtung');
      await tx.insert(analysisWeightings).values({ projectId: project.id, ...values });
    } else {
      await updateVersioned(tx, analysisWeightings, eq(analysisWeightings.projectId, project.id), input.version, values, 'Die Gewichtung');
    }
    await recordEvaluationAudit(tx, ctx, {
      action: 'analysis_weighting.computed', entityType: 'analysis_project', entityId: project.id,
      before: before ? { ...settingsOf(before, true), minRespondents: before.minRespondents, minClusterSize: before.minClusterSize } : null,
      after: { ...settings, minRespondents: input.minRespondents, minClusterSize: input.minClusterSize, iterations: result.iterations, converged: result.converged, minWeight: result.minWeight, maxWeight: result.maxWeight },
    });
    return getWeighting(tx, project);
  });
}

