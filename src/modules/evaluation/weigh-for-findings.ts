import type { AnalysisInputs } from './analysis-inputs.js';
import { weighSurvey, WeightingError } from './weighting.js';

/** The weighting as configured, or design weights only with the reason when the configuration cannot be met. */
export function weighForFindings(inputs: AnalysisInputs) {
  try {
    return { ...weighSurvey(inputs.responses, inputs.sources, inputs.settings), warning: null as string | null };
  } catch (error) {
    if (!(error instanceof WeightingError)) throw error;
    const design = inputs.sources.strata.length ? inputs.settings.design : 'simple';
    const fallback = weighSurvey(inputs.responses, inputs.sources, { ...inputs.settings, design, calibration: 'none', trimLower: null, trimUpper: null });
    return { ...fallback, warning: `${error.message} Die Ergebnisse sind deshalb nur mit den Designgewichten berechnet.` };
  }
}
