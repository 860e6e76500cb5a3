import type { PlatformModule } from '../../server/modules.js';
import { surveysAudit } from './audit.js';
import { analysisScope } from './scopes.js';
import { surveysPolicies } from './policy.js';
import { surveysRoutes } from './routes/index.js';
import { surveyPublicRoutes } from './routes-public.js';
import { seedStandardItems } from './seed-standard-items.js';
import { seedSurveysDemo } from './seed-demo.js';
import { surveysTimeline } from './timeline.js';
import { mixJob, surveyPoolGauge } from './mixing.js';
import { surveysCommuneEvents, surveysFigures } from './figures.js';
import { surveysDashboard } from './dashboard.js';
import { analysisProjects } from './schema.js';

/** Security analyses: projects on the 20-week plan, the item bank, questionnaires and the citizen survey. */
export const surveysModule: PlatformModule = {
  name: 'surveys',
  dashboard: surveysDashboard,
  audit: surveysAudit,
  async routes(app) {
    await surveysRoutes(app);
    await surveyPublicRoutes(app);
  },
  seedReference: async (ctx) => seedStandardItems(ctx.db),
  seedDemo: seedSurveysDemo,
  timeline: surveysTimeline,
  figures: surveysFigures,
  communeEvents: surveysCommuneEvents,
  scopes: [analysisScope],
  /** Completed analyses count in the figures and the map. */
  publicSources: [analysisProjects],
  policies: [...surveysPolicies],
  jobs: [mixJob as never],
  gauges: [surveyPoolGauge],
};
