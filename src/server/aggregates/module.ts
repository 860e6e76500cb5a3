import type { PlatformModule } from '../modules.js';
import { figuresRoutes } from './figures-routes.js';
import { bilanzRoutes } from './bilanz-routes.js';
import { exportsRoutes } from './exports-routes.js';
import { bilanzPolicy } from './bilanz.js';
import { dashboardRoutes } from './dashboard-routes.js';

/** The core's aggregations of what modules contribute: statewide figures and press text, a commune's Bilanz, exports, the start page's cards. */
export const aggregatesModule: PlatformModule = {
  name: 'aggregates',
  policies: [bilanzPolicy],
  async routes(app) {
    await figuresRoutes(app);
    await bilanzRoutes(app);
    await exportsRoutes(app);
    await dashboardRoutes(app);
  },
};
