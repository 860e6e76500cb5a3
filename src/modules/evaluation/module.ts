import type { PlatformModule } from '../../server/modules.js';
import { evaluationAudit } from './audit.js';
import { weightingRoutes } from './routes-weighting.js';
import { findingsRoutes } from './routes-findings.js';
import { recommendationRoutes } from './routes-recommendations.js';
import { reportRoutes } from './routes-reports.js';
import { reportJob } from './report-job.js';
import { seedEvaluationDemo } from './seed-demo.js';
import { evaluationPolicies } from './policy.js';
import { evaluationDashboard } from './dashboard.js';

/** Security analysis II: weighting, findings, recommendations and the report (PDF/DOCX as a background job). */
export const evaluationModule: PlatformModule = {
  name: 'evaluation',
  dashboard: evaluationDashboard,
  audit: evaluationAudit,
  policies: [...evaluationPolicies],
  async routes(app) {
    await weightingRoutes(app);
    await findingsRoutes(app);
    await recommendationRoutes(app);
    await reportRoutes(app);
  },
  jobs: [reportJob as never],
  seedDemo: seedEvaluationDemo,
};
