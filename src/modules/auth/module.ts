import type { PlatformModule } from '../../server/modules.js';
import { authRoutes } from './routes.js';
import { seedDemoUsers } from './seed-demo-users.js';

export const authModule: PlatformModule = {
  name: 'auth',
  routes: authRoutes,
  seedDemo: seedDemoUsers,
};
