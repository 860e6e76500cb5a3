import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import './ui/styles.css';
import { I18nProvider, translate, useI18n } from './i18n/index.js';
import { useCommonText } from './ui/text.js';
import { can, SessionProvider, useSession } from './session.js';
import { Layout } from './ui/Layout.js';
import { Loading, PageTitle } from './ui/components.js';
import { StartPage } from './app/StartPage.js';
import { DataSourcesPage } from './app/DataSourcesPage.js';
import { ModulesProvider } from './app/slots.js';
import { webModules } from './app/modules.js';
import { NotAllowedPage } from './app/NotAllowedPage.js';
import type { WebModule, WebRoute } from './app/module.js';
import type { Ability } from './app/abilities.js';
import { loginPathFor } from './app/next-path.js';

/** The page's name: its navigation entry's label, or that of the entry it belongs under (`vereinbarungen/:id`). */
const navLabelKey = (m: WebModule, route: WebRoute) => {
  const path = `/${route.path}`;
  return (m.nav?.find((n) => n.to === path) ?? m.nav?.filter((n) => path.startsWith(`${n.to}/`)).sort((a, b) => b.to.length - a.to.length)[0])?.label ?? null;
};

/**
 * Pages with an ability ask for sign-in first; without the ability they say which page it is, why it is
 * closed and whom to ask.
 */
function RequireAbility({ module: m, route, children }: { module: WebModule; route: WebRoute & { ability: Ability }; children: ReactNode }) {
  const { user, loading } = useSession();
  const { t } = useCommonText();
  const { locale } = useI18n();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to={loginPathFor(`${location.pathname}${location.search}${location.hash}`)} replace />;
  if (!can(user, route.ability)) {
    const label = navLabelKey(m, route);
    return <NotAllowedPage title={label ? translate(m.messages, locale, label) : null} about={route.about ? translate(m.messages, locale, route.about) : null} />;
  }
  return <>{children}</>;
}

function NotFound() {
  const { t } = useCommonText();
  return <><PageTitle>{t('notFound.title')}</PageTitle><p>{t('notFound.text')}</p></>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <ModulesProvider modules={webModules}>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route index element={<StartPage />} />
                <Route path="datenquellen" element={<DataSourcesPage />} />
                {webModules.flatMap((m) => m.routes.map((route) => {
                  const { path, Page, ability } = route;
                  const page = <Suspense fallback={<Loading />}><Page /></Suspense>;
                  return <Route key={`${m.name}:${path}`} path={path} element={ability ? <RequireAbility module={m} route={{ ...route, ability }}>{page}</RequireAbility> : page} />;
                }))}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </ModulesProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
