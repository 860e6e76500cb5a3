import type { PlatformModule } from '../../server/modules.js';
import { allianceAudit } from './audit.js';
import { seedAllianceReference } from './reference-data.js';
import { seedAllianceDemo } from './seed-demo.js';
import { allianceFigures } from './public/figures.js';
import { alliancePressText } from './public/press-text.js';
import { publicRoutes } from './public/routes.js';
import { allianceTimeline } from './stages/timeline.js';
import { allianceCommuneEvents } from './stages/commune-events.js';
import { bilanzStage } from './stages/commune-stage.js';
import { communeStagesExport } from './stages/export-communes.js';
import { stageRoutes } from './stages/routes.js';
import { consultationRoutes } from './consultations/routes.js';
import { agreementRoutes } from './agreements/routes.js';
import { coachingRoutes } from './coaching/routes.js';
import { adminRoutes } from './admin/routes.js';
import { alliancePolicies } from './policy.js';
import { allianceDashboard } from './dashboard.js';
import { agreementCommunes, agreementRevisions, agreements, coachingProcesses, communeMilestones, consultationCommunes, consultations, fieldsOfAction, modelCommunes } from './schema.js';

/** The alliance lifecycle: stages, consultations, agreements, coaching, its statewide figures, the public map; its part of the Bilanz and exports. */
export const allianceModule: PlatformModule = {
  name: 'alliance',
  audit: allianceAudit,
  policies: [...alliancePolicies],
  async routes(app) {
    await publicRoutes(app);
    await stageRoutes(app);
    await consultationRoutes(app);
    await agreementRoutes(app);
    await coachingRoutes(app);
    await adminRoutes(app);
  },
  seedReference: seedAllianceReference,
  seedDemo: seedAllianceDemo,
  figures: allianceFigures,
  pressText: alliancePressText,
  communeEvents: allianceCommuneEvents,
  timeline: allianceTimeline,
  communeStage: bilanzStage,
  exports: [communeStagesExport],
  dashboard: allianceDashboard,
  publicSources: [modelCommunes, consultations, consultationCommunes, agreements, agreementCommunes, agreementRevisions, coachingProcesses, communeMilestones, fieldsOfAction],
};
