import type { PlatformModule } from '../../server/modules.js';
import { crimeRoutes } from './routes.js';
import { seedCrimeDemo } from './seed-demo.js';
import { crimePolicies } from './policy.js';

/** Police crime statistics (PKS): imports of BKA Kreis tables and the directorates' commune tables, key figures and comparisons. */
export const crimeModule: PlatformModule = {
  name: 'crime',
  policies: [...crimePolicies],
  routes: crimeRoutes,
  seedDemo: seedCrimeDemo,
};
