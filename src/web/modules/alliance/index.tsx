import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { messages } from './messages.js';
import { dashboardMessages } from './dashboard-messages.js';

const pages = () => import('./pages.js');
// MapLibre is large: the map page is its own chunk.
const MapPage = lazyPage(() => import('./MapPage.js'), 'MapPage');

/** The alliance lifecycle: public map and figures, consultations, agreements, coaching, the commune's Bilanz. */
export const allianceWeb: WebModule = {
  name: 'alliance',
  messages,
  dashboard: dashboardMessages,
  routes: [
    { path: 'karte', Page: MapPage },
    { path: 'kennzahlen', Page: lazyPage(pages, 'FiguresPage') },
    { path: 'gemeinden/:ags/bilanz', Page: lazyPage(pages, 'CommuneTimelinePage'), ability: 'core.bilanz.read', about: 'about.bilanz' },
    { path: 'beratungen', Page: lazyPage(pages, 'ConsultationsPage'), ability: 'alliance.consultation.read', about: 'about.consultations' },
    { path: 'vereinbarungen', Page: lazyPage(pages, 'AgreementsPage'), ability: 'alliance.agreement.read', about: 'about.agreements' },
    { path: 'vereinbarungen/:id', Page: lazyPage(pages, 'AgreementPage'), ability: 'alliance.agreement.read', about: 'about.agreements' },
    { path: 'coaching', Page: lazyPage(pages, 'CoachingPage'), ability: 'alliance.coaching.read', about: 'about.coaching' },
    { path: 'coaching/pool', Page: lazyPage(pages, 'CoachPoolPage'), ability: 'alliance.coachPool.manage', about: 'about.coachPool' },
    { path: 'coaching/:id', Page: lazyPage(pages, 'CoachingProcessPage'), ability: 'alliance.coaching.read', about: 'about.coaching' },
    { path: 'verwaltung/allianz', Page: lazyPage(pages, 'AllianceAdminPage'), ability: 'alliance.admin.manage', about: 'about.admin' },
  ],
  nav: [
    { to: '/karte', label: 'nav.map', order: 10 },
    { to: '/kennzahlen', label: 'nav.figures', order: 20 },
    { to: '/beratungen', label: 'nav.consultations', order: 40, ability: 'alliance.consultation.read' },
    { to: '/vereinbarungen', label: 'nav.agreements', order: 50, ability: 'alliance.agreement.read' },
    { to: '/coaching', label: 'nav.coaching', order: 60, ability: 'alliance.coaching.read' },
    { to: '/verwaltung/allianz', label: 'nav.allianceAdmin', order: 130, ability: 'alliance.admin.manage' },
  ],
  communePanels: [{ key: 'alliance', order: 10, Panel: lazyPage(pages, 'CommuneAlliance') }],
};
