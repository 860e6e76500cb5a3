import type { PlatformModule } from '../../server/modules.js';
import { councilsAudit } from './audit.js';
import { councilsPolicies } from './policy.js';
import { councilScope } from './scopes.js';
import { COUNCIL_TABLES } from './tables.js';
import { oparlRoutes } from './oparl/routes-oparl.js';
import { councilRoutes } from './routes-councils.js';
import { meetingRoutes } from './routes-meetings.js';
import { publicCouncilRoutes } from './routes-public.js';
import { councilsDashboard } from './dashboard.js';
import { councilsFigures } from './figures.js';
import { councilsCommuneEvents } from './commune-events.js';
import { councilsTimeline } from './timeline.js';
import { adoptCouncilMilestones } from './adopt-council-milestones.js';
import { seedCouncilsDemo } from './seed-demo.js';
import { decisionRemindersJob } from './decision-reminders.js';
import { documentRoutes } from './routes-documents.js';

/**
 * Kommunale Präventionsräte: councils with their bodies, members, meetings, minutes and decisions (with
 * Beschlusskontrolle), the annual Präventionsbericht, public pages, iCal feeds and the OParl 1.1 API.
 */
export const councilsModule: PlatformModule = {
  name: 'councils',
  audit: councilsAudit,
  policies: [...councilsPolicies],
  scopes: [councilScope],
  publicSources: COUNCIL_TABLES,
  dashboard: councilsDashboard,
  jobs: [decisionRemindersJob as never],
  async routes(app) {
    await councilRoutes(app);
    await meetingRoutes(app);
    await publicCouncilRoutes(app);
    await documentRoutes(app);
  },
  rootRoutes: [oparlRoutes],
  /** Replaces the alliance's milestone-based `councils` figure (this module is listed after the alliance). */
  figures: councilsFigures,
  communeEvents: councilsCommuneEvents,
  timeline: councilsTimeline,
  /** Every start: council milestones recorded before this module existed become councils. */
  async seedReference(ctx) {
    const { adopted, superseded } = await adoptCouncilMilestones(ctx.db);
    if (adopted || superseded) ctx.log(`councils: ${adopted} taken over from recorded milestones (${superseded} superseded by existing councils)`);
  },
  seedDemo: seedCouncilsDemo,
};
