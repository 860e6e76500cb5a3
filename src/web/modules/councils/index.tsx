import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { messages } from './messages.js';
import { dashboardMessages } from './dashboard-messages.js';

const pages = () => import('./pages.js');
const onlyCouncilMember = (roles: readonly string[]) => roles.length > 0 && roles.every((r) => r === 'council_member');

/** Kommunale Präventionsräte: councils, bodies, members, meetings, minutes, decision tracking, reports, public pages. */
export const councilsWeb: WebModule = {
  name: 'councils',
  messages,
  dashboard: dashboardMessages,
  routes: [
    { path: 'praeventionsraete', Page: lazyPage(pages, 'CouncilsPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'praeventionsrat', Page: lazyPage(pages, 'MyCouncilPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'praeventionsraete/:id', Page: lazyPage(pages, 'CouncilPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'praeventionsraete/:id/gremien/:bodyId', Page: lazyPage(pages, 'BodyPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'praeventionsraete/:id/sitzungen/:meetingId', Page: lazyPage(pages, 'MeetingPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'praeventionsraete/:id/beschluesse', Page: lazyPage(pages, 'DecisionsPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'praeventionsraete/:id/berichte', Page: lazyPage(pages, 'ReportsPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'praeventionsraete/:id/berichte/:reportId', Page: lazyPage(pages, 'ReportEditorPage'), ability: 'councils.council.read', about: 'about.councils' },
    { path: 'kpr', Page: lazyPage(pages, 'PublicCouncilsPage') },
    { path: 'kpr/:id', Page: lazyPage(pages, 'PublicCouncilPage') },
    { path: 'kpr/:id/sitzungen/:meetingId', Page: lazyPage(pages, 'PublicMeetingPage') },
  ],
  nav: [
    // A council member sees their own council; everyone else with access the list of councils.
    { to: '/praeventionsrat', label: 'nav.myCouncil', order: 35, ability: 'councils.council.read', when: (u) => !!u && onlyCouncilMember(u.grants.map((g) => g.role)) },
    { to: '/praeventionsraete', label: 'nav.councils', order: 35, ability: 'councils.council.read', when: (u) => !!u && !onlyCouncilMember(u.grants.map((g) => g.role)) },
    { to: '/kpr', label: 'nav.publicCouncils', order: 36, when: (u) => !u },
  ],
};
