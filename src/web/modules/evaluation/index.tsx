import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { messages } from './messages.js';
import { dashboardMessages } from './dashboard-messages.js';

const pages = () => import('./pages.js');

/** The evaluation of an analysis: findings, weighting, recommendations, report. */
export const evaluationWeb: WebModule = {
  name: 'evaluation',
  messages,
  dashboard: dashboardMessages,
  routes: [
    { path: 'analysen/:id/ergebnisse', Page: lazyPage(pages, 'FindingsPage'), ability: 'evaluation.analysis.read', about: 'about.analysis' },
    { path: 'analysen/:id/gewichtung', Page: lazyPage(pages, 'WeightingPage'), ability: 'evaluation.analysis.work', about: 'about.weighting' },
    { path: 'analysen/:id/empfehlungen', Page: lazyPage(pages, 'RecommendationsPage'), ability: 'evaluation.analysis.read', about: 'about.analysis' },
    { path: 'analysen/:id/bericht', Page: lazyPage(pages, 'ReportPage'), ability: 'evaluation.analysis.read', about: 'about.analysis' },
  ],
};
