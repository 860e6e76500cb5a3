import type { WebModule } from '../../app/module.js';
import { lazyPage } from '../../app/lazy.js';
import { messages } from './messages.js';

/** The audit log (LPR administration). */
export const auditWeb: WebModule = {
  name: 'audit',
  messages,
  routes: [{ path: 'verwaltung/protokoll', Page: lazyPage(() => import('./AuditPage.js'), 'AuditPage'), ability: 'audit.log.read', about: 'about.log' }],
  nav: [{ to: '/verwaltung/protokoll', label: 'nav.audit', order: 110, ability: 'audit.log.read' }],
};
