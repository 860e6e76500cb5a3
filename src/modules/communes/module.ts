import { eq } from 'drizzle-orm';
import type { PlatformModule } from '../../server/modules.js';
import { registerScopeResolver } from '../auth/scopes.js';
import { communesRoutes } from './routes.js';
import { loadRegistry } from './reference-data.js';
import { seedDemoGroups } from './seed-demo-groups.js';
import { communes, policeDirectorates } from './schema.js';

registerScopeResolver('commune', async (db, id) => (await db.select({ a: communes.ags }).from(communes).where(eq(communes.ags, id))).length > 0);
registerScopeResolver('police_directorate', async (db, id) => (await db.select({ a: policeDirectorates.id }).from(policeDirectorates).where(eq(policeDirectorates.id, id))).length > 0);

export const communesModule: PlatformModule = {
  name: 'communes',
  routes: communesRoutes,
  seedReference: loadRegistry,
  seedDemo: seedDemoGroups,
};
