import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { LoginPage, NewPasswordPage, PasswordResetPage } from './AuthPages.js';
import { messages } from './messages.js';
import { dashboardMessages } from './dashboard-messages.js';

/** Sign-in, passwords and the LPR administration's accounts page. */
export const authWeb: WebModule = {
  name: 'auth',
  messages,
  dashboard: dashboardMessages,
  routes: [
    { path: 'anmelden', Page: LoginPage },
    { path: 'passwort-vergessen', Page: PasswordResetPage },
    { path: 'passwort-neu', Page: NewPasswordPage },
    { path: 'verwaltung/benutzer', Page: lazyPage(() => import('./UsersPage.js'), 'UsersPage'), ability: 'auth.users.manage', about: 'about.users' },
  ],
  nav: [{ to: '/verwaltung/benutzer', label: 'nav.users', order: 100, ability: 'auth.users.manage' }],
};
