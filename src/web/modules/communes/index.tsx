import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { CommunesPage } from './CommunesPage.js';
import { CommunePage } from './CommunePage.js';
import { messages } from './messages.js';
import { dashboardMessages } from './dashboard-messages.js';

/** The commune registry: the list and each commune's page (public), groups, the registry update. */
export const communesWeb: WebModule = {
  name: 'communes',
  messages,
  dashboard: dashboardMessages,
  routes: [
    { path: 'gemeinden', Page: CommunesPage },
    { path: 'gemeinden/:ags', Page: CommunePage },
    { path: 'gruppen', Page: lazyPage(() => import('./GroupsPage.js'), 'GroupsPage') },
    { path: 'verwaltung/verzeichnis', Page: lazyPage(() => import('./RegistryImportPage.js'), 'RegistryImportPage'), ability: 'communes.registry.update', about: 'about.registry' },
  ],
  nav: [
    { to: '/gemeinden', label: 'nav.communes', order: 30 },
    { to: '/gruppen', label: 'nav.groups', order: 90 },
    { to: '/verwaltung/verzeichnis', label: 'nav.registry', order: 120, ability: 'communes.registry.update' },
  ],
};
