import type { Db } from '../../server/db/client.js';
import { todayIso } from '../../lib/dates.js';
import type { FileStorage } from '../../server/files/storage.js';
import { mapBaseOfProject } from '../surveys/map-base.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { approvedCrest } from '../surveys/commune-crest.js';
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

/** The commune's approved crest (uploaded for the letters) as a data URL for the cover, or null. */
export async function coverCrest(db: Db, files: FileStorage, project: AnalysisRow): Promise<string | null> {
  const crest = await approvedCrest(db, files, project);
  return crest ? `data:${crest.mimetype};base64,${crest.data.toString('base64')}` : null;
}

/**
 * The report model for an analysis as it stands now, with the waves `audience` may read: the web page of a
 * running analysis, and what a new stored version is made of. With `files`, the cover carries the crest.
 */
export async function buildReport(db: Db, project: AnalysisRow, audience: WaveAudience, files?: FileStorage): Promise<{ model: TReportModel; respondents: number }> {
  const { findings, field, recommendations, map } = await reportInputs(db, project, audience);
  const crest = files ? await coverCrest(db, files, project) : null;
  return { model: buildReportModel(findings, field, recommendations, map, todayIso(), { crest, edition: null }), respondents: findings.responses };
}
