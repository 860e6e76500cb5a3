import type { PlatformModule } from '../../server/modules.js';
import { councilsAudit } from './audit.js';
import { councilsPolicies } from './policy.js';
import { councilScope } from './scopes.js';
import { oparlRoutes } from './oparl/routes-oparl.js';
import { councilBodies, councilAgendaItems, councilDecisions, councilMeetings, councilMemberships, councilPersons, councilReports, councils, councilStateChanges, councilFiles, councilPapers, councilLocations } from './schema.js';

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
  rootRoutes: [oparlRoutes],
};
