import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import './ui/styles.css';
import { I18nProvider } from './i18n/index.js';
import { useCommonText } from './ui/text.js';
import { can, SessionProvider, useSession } from './session.js';
import { Layout } from './ui/Layout.js';
import { Loading, PageTitle } from './ui/components.js';
import { StartPage } from './app/StartPage.js';
import { DataSourcesPage } from './app/DataSourcesPage.js';
import { ModulesProvider } from './app/slots.js';
import { webModules } from './app/modules.js';
import type { Ability } from './app/abilities.js';
import { loginPathFor } from './app/next-path.js';

/** Pages with an ability send a signed-out visitor to the login, which returns here; then say plainly when the ability is missing. */
function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { user, loading } = useSession();
  const { t } = useCommonText();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to={loginPathFor(`${location.pathname}${location.search}${location.hash}`)} replace />;
  if (!can(user, ability)) return <><PageTitle>{t('notAllowed')}</PageTitle></>;
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
                {webModules.flatMap((m) => m.routes.map(({ path, Page, ability }) => {
                  const page = <Suspense fallback={<Loading />}><Page /></Suspense>;
                  return <Route key={`${m.name}:${path}`} path={path} element={ability ? <RequireAbility ability={ability}>{page}</RequireAbility> : page} />;
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
