import type { PlatformModule } from '../../server/modules.js';
import { authAudit } from './audit.js';
import { authRoutes } from './routes.js';
import { seedDemoUsers } from './seed-demo-users.js';
import { loadActor, SESSION_COOKIE } from './sessions.js';
import { authPolicies } from './policy.js';
import { authDashboard } from './dashboard.js';

export const authModule: PlatformModule = {
  name: 'auth',
  dashboard: authDashboard,
  audit: authAudit,
  policies: [...authPolicies],
  routes: authRoutes,
  seedDemo: seedDemoUsers,
  actors: { cookie: SESSION_COOKIE, load: loadActor },
};
