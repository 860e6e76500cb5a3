import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { messages } from './messages.js';
import { dashboardMessages } from './dashboard-messages.js';

/** Police crime statistics of a commune next to its Kreis and Saxony, and the directorates' imports. */
export const crimeWeb: WebModule = {
  name: 'crime',
  messages,
  dashboard: dashboardMessages,
  routes: [{ path: 'kriminalstatistik', Page: lazyPage(() => import('./CrimePage.js'), 'CrimePage'), ability: 'crime.figures.readCommune', about: 'about.figures' }],
  nav: [{ to: '/kriminalstatistik', label: 'nav.crime', order: 80, ability: 'crime.figures.readCommune' }],
};
