import type { SeedContext } from '../../server/modules.js';
import { systemContext } from '../../server/audit/record.js';
import { createAnalysisProject } from './create-analysis-project.js';

export const DEMO_ANALYSIS_CODE = 'sa-schwarzenberg-2026';

/**
 * A second-wave analysis for Schwarzenberg (the first, of the Städtebund Silberberg, was completed in
 * 2023). Runs before the demo users so that the analyst's scope exists.
 */
export async function seedSurveysDemo(ctx: SeedContext) {
  const sys = systemContext('demo-seed');
  const project = await createAnalysisProject(ctx.db, sys, { ags: '14521550', institute: 'Forschungsinstitut (Demo)', startOn: '2026-09-07', code: DEMO_ANALYSIS_CODE, title: 'Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)' });
  ctx.log(`demo analysis: ${project.code}`);
}
