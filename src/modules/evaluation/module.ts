import type { PlatformModule } from '../../server/modules.js';
import { evaluationRoutes } from './routes.js';
import { reportJob } from './reports.js';
import { seedEvaluationDemo } from './seed-demo.js';
import { evaluationPolicies } from './policy.js';

/** Security analysis II: weighting, findings, recommendations and the report (PDF/DOCX as a background job). */
export const evaluationModule: PlatformModule = {
  name: 'evaluation',
  policies: [...evaluationPolicies],
  routes: evaluationRoutes,
  jobs: [reportJob as never],
  seedDemo: seedEvaluationDemo,
};
