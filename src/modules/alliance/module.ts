import type { PlatformModule } from '../../server/modules.js';
import { seedAllianceReference } from './reference-data.js';
import { seedAllianceDemo } from './seed-demo.js';
import { allianceFigures } from './figures.js';
import { allianceTimeline } from './timeline.js';
import { publicRoutes } from './routes-public.js';
import { workRoutes } from './routes-work.js';
import { consultationRoutes } from './consultations/routes.js';
import { agreementRoutes } from './agreements/routes.js';
import { coachingRoutes } from './coaching/routes.js';
import { adminRoutes } from './admin/routes.js';
import { alliancePolicies } from './policy.js';

/** The alliance lifecycle: stages, consultations, agreements, coaching, statewide figures and the public map. */
export const allianceModule: PlatformModule = {
  name: 'alliance',
  policies: [...alliancePolicies],
  async routes(app) {
    await publicRoutes(app);
    await workRoutes(app);
    await consultationRoutes(app);
    await agreementRoutes(app);
    await coachingRoutes(app);
    await adminRoutes(app);
  },
  seedReference: seedAllianceReference,
  seedDemo: seedAllianceDemo,
  figures: allianceFigures,
  timeline: allianceTimeline,
};
