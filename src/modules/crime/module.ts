import type { PlatformModule } from '../../server/modules.js';
import { crimeRoutes } from './routes.js';
import { seedCrimeDemo } from './seed-demo.js';

/** Police crime statistics (PKS): imports of BKA Kreis tables and the directorates' commune tables, key figures and comparisons. */
export const crimeModule: PlatformModule = {
  name: 'crime',
  routes: crimeRoutes,
  seedDemo: seedCrimeDemo,
};
