import type { PlatformModule } from '../../server/modules.js';
import { councilsAudit } from './audit.js';
import { councilsPolicies } from './policy.js';
import { councilScope } from './scopes.js';
import { councilBodies, councilAgendaItems, councilDecisions, councilMeetings, councilMemberships, councilPersons, councilReports, councils, councilStateChanges, councilFiles, councilPapers, councilLocations } from './schema.js';
import { councilsFigures } from './figures.js';
import { councilsCommuneEvents } from './commune-events.js';
import { councilsTimeline } from './timeline.js';
import { adoptCouncilMilestones } from './adopt-council-milestones.js';
import { seedCouncilsDemo } from './seed-demo.js';

/**
 * Kommunale Präventionsräte: councils with their bodies, members, meetings, minutes and decisions (with
 * Beschlusskontrolle), the annual Präventionsbericht, public pages, iCal feeds and the OParl 1.1 API.
 */
export const councilsModule: PlatformModule = {
  name: 'councils',
  audit: councilsAudit,
  policies: [...councilsPolicies],
  scopes: [councilScope],
  publicSources: [councils, councilStateChanges, councilBodies, councilPersons, councilMemberships, councilMeetings, councilAgendaItems, councilPapers, councilFiles, councilLocations, councilDecisions, councilReports],
  async routes() {},
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
