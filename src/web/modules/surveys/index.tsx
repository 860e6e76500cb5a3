import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { messages } from './messages.js';
import { dashboardMessages } from './dashboard-messages.js';

const pages = () => import('./pages.js');

/** Security analyses (projects, questionnaire, sample, paper entry, item bank) and the citizens' survey. */
export const surveysWeb: WebModule = {
  name: 'surveys',
  messages,
  dashboard: dashboardMessages,
  routes: [
    { path: 'befragung', Page: lazyPage(() => import('./SurveyResponsePage.js'), 'SurveyResponsePage') },
    { path: 'analysen', Page: lazyPage(pages, 'AnalysesPage'), ability: 'surveys.analysis.read', about: 'about.analyses' },
    { path: 'analysen/:id', Page: lazyPage(pages, 'AnalysisPage'), ability: 'surveys.analysis.read', about: 'about.analyses' },
    { path: 'analysen/:id/fragebogen', Page: lazyPage(pages, 'QuestionnairePage'), ability: 'surveys.analysis.read', about: 'about.analyses' },
    { path: 'analysen/:id/stichprobe', Page: lazyPage(pages, 'SamplePage'), ability: 'surveys.analysis.work', about: 'about.analysisWork' },
    { path: 'analysen/:id/papier', Page: lazyPage(pages, 'PaperEntryPage'), ability: 'surveys.analysis.work', about: 'about.analysisWork' },
    { path: 'fragenkatalog', Page: lazyPage(pages, 'ItemBankPage'), ability: 'surveys.items.read', about: 'about.items' },
  ],
  nav: [{ to: '/analysen', label: 'nav.analyses', order: 70, ability: 'surveys.analysis.read' }],
};
