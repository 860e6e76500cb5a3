import type { PlatformModule } from '../../server/modules.js';
import { communesAudit } from './audit.js';
import { communesRoutes } from './routes.js';
import { loadRegistry } from './reference-data.js';
import { seedDemoGroups } from './seed-demo-groups.js';
import { communeScope, policeDirectorateScope } from './scopes.js';
import { communesPolicies } from './policy.js';
import { communesDashboard } from './dashboard.js';
import { communes, districts } from './schema.js';

export const communesModule: PlatformModule = {
  name: 'communes',
  dashboard: communesDashboard,
  audit: communesAudit,
  policies: [...communesPolicies],
  routes: communesRoutes,
  seedReference: loadRegistry,
  seedDemo: seedDemoGroups,
  scopes: [communeScope, policeDirectorateScope],
  publicSources: [communes, districts],
};
