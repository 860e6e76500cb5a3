import type { PlatformModule } from '../../server/modules.js';
import { seedAllianceReference } from './reference-data.js';
import { seedAllianceDemo } from './seed-demo.js';
import { allianceFigures } from './figures.js';
import { allianceTimeline } from './timeline.js';
import { publicRoutes } from './routes-public.js';
import { workRoutes } from './routes-work.js';
import { agreementRoutes } from './routes-agreements.js';
import { coachingRoutes } from './routes-coaching.js';
import { alliancePolicies } from './policy.js';

/** The alliance lifecycle: stages, consultations, agreements, coaching, statewide figures and the public map. */
export const allianceModule: PlatformModule = {
  name: 'alliance',
  policies: [...alliancePolicies],
  async routes(app) {
    await publicRoutes(app);
    await workRoutes(app);
    await agreementRoutes(app);
    await coachingRoutes(app);
  },
  seedReference: seedAllianceReference,
  seedDemo: seedAllianceDemo,
  figures: allianceFigures,
  timeline: allianceTimeline,
};
