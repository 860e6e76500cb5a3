import { NavLink, Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary.js';
import { useI18n } from '../i18n/index.js';
import { hasRole, useSession } from '../session.js';
import type { MessageKey } from '../i18n/de.js';
import type { Role } from '../session.js';

/** Navigation entries; later modules add theirs here with the roles that see them. */
const NAV: { to: string; key: MessageKey; roles?: Role[] }[] = [
  { to: '/', key: 'nav.start' },
  { to: '/karte', key: 'nav.map' },
  { to: '/kennzahlen', key: 'nav.figures' },
  { to: '/gemeinden', key: 'nav.communes' },
  { to: '/beratungen', key: 'nav.consultations', roles: ['lpr_admin', 'lpr_staff', 'commune', 'police'] },
  { to: '/vereinbarungen', key: 'nav.agreements', roles: ['lpr_admin', 'lpr_staff', 'commune', 'police'] },
  { to: '/coaching', key: 'nav.coaching', roles: ['lpr_admin', 'lpr_staff', 'commune', 'coach'] },
  { to: '/analysen', key: 'nav.analyses', roles: ['lpr_admin', 'lpr_staff', 'analyst', 'commune'] },
  { to: '/kriminalstatistik', key: 'nav.crime', roles: ['lpr_admin', 'lpr_staff', 'police', 'commune', 'analyst'] },
  { to: '/gruppen', key: 'nav.groups' },
  { to: '/verwaltung/benutzer', key: 'nav.users', roles: ['lpr_admin'] },
  { to: '/verwaltung/protokoll', key: 'nav.audit', roles: ['lpr_admin'] },
  { to: '/verwaltung/verzeichnis', key: 'nav.registry', roles: ['lpr_admin'] },
  { to: '/verwaltung/allianz', key: 'nav.allianceAdmin', roles: ['lpr_admin', 'lpr_staff'] },
];

export function Layout() {
  const { t, locale, setLocale } = useI18n();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#inhalt">{t('skip')}</a>
      <header className="site">
        <div className="bar">
          <Link to="/" className="brand">{t('app.name')}<span className="tagline">{t('app.tagline')}</span></Link>
          <div className="tools">
            <button type="button" lang={locale === 'de' ? 'en' : 'de'} aria-label={t('lang.switchLabel')} onClick={() => setLocale(locale === 'de' ? 'en' : 'de')}>
              {t('lang.switch')}
            </button>
            {user ? (
              <>
                <span>{user.displayName}</span>
                <button type="button" onClick={async () => { await logout(); navigate('/anmelden'); }}>{t('nav.logout')}</button>
              </>
            ) : <Link to="/anmelden">{t('nav.login')}</Link>}
          </div>
        </div>
        <nav className="main" aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((n) => !n.roles || hasRole(user, ...n.roles)).map((n) => (
              <li key={n.to}><NavLink to={n.to} end={n.to === '/'}>{t(n.key)}</NavLink></li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="inhalt" tabIndex={-1}>
        <ErrorBoundary message={t('error.generic')} retry={t('error.reload')} resetKey={location.pathname}><Outlet /></ErrorBoundary>
      </main>
      <footer className="site">
        <ul>
          <li><Link to="/datenquellen">{t('nav.sources')}</Link></li>
          <li><a href="/api/docs/">{t('nav.apiDocs')}</a></li>
          <li>© Landespräventionsrat Sachsen</li>
        </ul>
      </footer>
    </>
  );
}
