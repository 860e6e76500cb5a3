import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NavLink, Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary.js';
import { translate } from '../i18n/index.js';
import { useCommonText } from './text.js';
import { can, useSession } from '../session.js';
import { useWebModules } from '../app/slots.js';

export function Layout() {
  const { t, locale, setLocale } = useCommonText();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const nav = [{ to: '/', label: t('nav.start'), order: 0 }, ...useWebModules().flatMap((m) => (m.nav ?? [])
    .filter((n) => (!n.ability || can(user, n.ability)) && (!n.when || n.when(user))).map((n) => ({ to: n.to, label: translate(m.messages, locale, n.label), order: n.order })))]
    .sort((a, b) => a.order - b.order);
  // Below the CSS breakpoint the navigation sits behind a menu button; it closes on a new page and on Escape.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { setMenuOpen(false); }, [location.pathname]);
  const closeMenuOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menuOpen) return;
    e.preventDefault();
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  return (
    <>
      <a className="skip-link" href="#inhalt">{t('skip')}</a>
      <header className={menuOpen ? 'site menu-open' : 'site'} onKeyDown={closeMenuOnEscape}>
        <div className="bar">
          <Link to="/" className="brand">{t('app.name')}<span className="tagline">{t('app.tagline')}</span></Link>
          <div className="tools">
            <button type="button" lang={locale === 'de' ? 'en' : 'de'} aria-label={t('lang.switchLabel')} onClick={() => setLocale(locale === 'de' ? 'en' : 'de')}>
              {t('lang.switch')}
            </button>
            {user ? (
              <>
                <span className="user-name">{user.displayName}</span>
                <button type="button" onClick={async () => { await logout(); navigate('/anmelden'); }}>{t('nav.logout')}</button>
              </>
            ) : <Link to="/anmelden">{t('nav.login')}</Link>}
          </div>
          <button type="button" ref={menuButton} className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((open) => !open)}>
            <span aria-hidden="true">☰</span> {t('nav.menu')}
          </button>
        </div>
        <nav id="main-nav" className="main" aria-label={t('nav.label')}>
          <ul>
            {nav.map((n) => <li key={n.to}><NavLink to={n.to} end={n.to === '/'} onClick={() => setMenuOpen(false)}>{n.label}</NavLink></li>)}
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
