import type { PlatformModule } from '../../server/modules.js';
import { crimeAudit } from './audit.js';
import { crimeImportRoutes } from './routes-imports.js';
import { crimeFigureRoutes } from './routes-figures.js';
import { seedCrimeDemo } from './seed-demo.js';
import { crimePolicies } from './policy.js';
import { crimeDashboard } from './dashboard.js';

/** Police crime statistics (PKS): imports of BKA Kreis tables and the directorates' commune tables, key figures and comparisons. */
export const crimeModule: PlatformModule = {
  name: 'crime',
  dashboard: crimeDashboard,
  audit: crimeAudit,
  policies: [...crimePolicies],
  async routes(app) {
    await crimeImportRoutes(app);
    await crimeFigureRoutes(app);
  },
  seedDemo: seedCrimeDemo,
};
