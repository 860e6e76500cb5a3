import type { Db } from '../../server/db/client.js';
import { todayIso } from '../../lib/dates.js';
import { mapBaseOfProject } from '../surveys/map-base.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { loadAnalysisInputs } from './analysis-inputs.js';
import { computeFindings } from './findings.js';
import type { WaveAudience } from './wave-comparisons.js';
import { listRecommendations } from './list-recommendations.js';
import { fieldFigures } from './field-figures.js';
import { buildReportModel } from './report-model.js';
import type { TReportModel } from './evaluation.types.js';

/** What the report is built from: findings (with the waves `audience` may read), field figures, recommendations, the map (commune, neighbours, Ortsteile). */
export async function reportInputs(db: Db, project: AnalysisRow, audience: WaveAudience) {
  const inputs = await loadAnalysisInputs(db, project);
  const findings = await computeFindings(db, inputs, audience);
  // Documents carry no base map tiles: the outlines are drawn as vectors.
  return { findings, field: await fieldFigures(db, project), recommendations: await listRecommendations(db, project.id), map: await mapBaseOfProject(db, project.id, undefined) };
}

/** The report model for an analysis as it stands now (the web version), with the waves `audience` may read. */
export async function buildReport(db: Db, project: AnalysisRow, audience: WaveAudience): Promise<{ model: TReportModel; respondents: number }> {
  const { findings, field, recommendations, map } = await reportInputs(db, project, audience);
  return { model: buildReportModel(findings, field, recommendations, map, todayIso()), respondents: findings.responses };
}
