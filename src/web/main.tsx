import { StrictMode, Suspense, lazy, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import './ui/styles.css';
import { I18nProvider, useI18n } from './i18n/index.js';
import { hasRole, SessionProvider, useSession, type Role } from './session.js';
import { Layout } from './ui/Layout.js';
import { Alert, Loading, PageTitle } from './ui/components.js';
import { StartPage } from './pages/StartPage.js';
import { LoginPage, PasswordResetPage, NewPasswordPage } from './pages/AuthPages.js';
import { CommunesPage } from './pages/CommunesPage.js';
import { CommunePage } from './pages/CommunePage.js';
import { GroupsPage } from './pages/GroupsPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { RegistryImportPage } from './pages/RegistryImportPage.js';
import { DataSourcesPage } from './pages/DataSourcesPage.js';
import { ConsultationsPage } from './pages/ConsultationsPage.js';
import { AgreementsPage } from './pages/AgreementsPage.js';
import { AgreementPage } from './pages/AgreementPage.js';
import { CoachingPage, CoachingProcessPage, CoachPoolPage } from './pages/CoachingPage.js';
import { CommuneTimelinePage } from './pages/CommuneAlliance.js';
import { AllianceAdminPage } from './pages/AllianceAdminPage.js';

// MapLibre is large: the map page loads it only when opened.
const MapPage = lazy(() => import('./pages/MapPage.js').then((m) => ({ default: m.MapPage })));
const surveys = () => import('./pages/surveys/index.js');
const AnalysesPage = lazy(() => surveys().then((m) => ({ default: m.AnalysesPage })));
const AnalysisPage = lazy(() => surveys().then((m) => ({ default: m.AnalysisPage })));
const QuestionnairePage = lazy(() => surveys().then((m) => ({ default: m.QuestionnairePage })));
const SamplePage = lazy(() => surveys().then((m) => ({ default: m.SamplePage })));
const PaperEntryPage = lazy(() => surveys().then((m) => ({ default: m.PaperEntryPage })));
const ItemBankPage = lazy(() => surveys().then((m) => ({ default: m.ItemBankPage })));
const evaluation = () => import('./pages/evaluation/index.js');
const FindingsPage = lazy(() => evaluation().then((m) => ({ default: m.FindingsPage })));
const WeightingPage = lazy(() => evaluation().then((m) => ({ default: m.WeightingPage })));
const RecommendationsPage = lazy(() => evaluation().then((m) => ({ default: m.RecommendationsPage })));
const ReportPage = lazy(() => evaluation().then((m) => ({ default: m.ReportPage })));
const CrimePage = lazy(() => evaluation().then((m) => ({ default: m.CrimePage })));
const SurveyResponsePage = lazy(() => import('./pages/SurveyResponsePage.js').then((m) => ({ default: m.SurveyResponsePage })));
const ANALYSIS: Role[] = ['lpr_admin', 'lpr_staff', 'analyst', 'commune'];
const ANALYSIS_WORK: Role[] = ['lpr_admin', 'lpr_staff', 'analyst'];
const FiguresPage = lazy(() => import('./pages/FiguresPage.js').then((m) => ({ default: m.FiguresPage })));
const INTERNAL: Role[] = ['lpr_admin', 'lpr_staff', 'commune', 'police'];
const LPR: Role[] = ['lpr_admin', 'lpr_staff'];

function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user, loading } = useSession();
  const { t } = useI18n();
  if (loading) return <Loading />;
  if (!user) return <><PageTitle>{t('nav.login')}</PageTitle><Alert>{t('loginRequired')} <a href="/anmelden">{t('nav.login')}</a></Alert></>;
  if (!hasRole(user, ...roles)) return <><PageTitle>{t('notAllowed')}</PageTitle></>;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useI18n();
  return <><PageTitle>{t('notFound.title')}</PageTitle><p>{t('notFound.text')}</p></>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<StartPage />} />
              <Route path="anmelden" element={<LoginPage />} />
              <Route path="passwort-vergessen" element={<PasswordResetPage />} />
              <Route path="passwort-neu" element={<NewPasswordPage />} />
              <Route path="gemeinden" element={<CommunesPage />} />
              <Route path="gemeinden/:ags" element={<CommunePage />} />
              <Route path="gruppen" element={<GroupsPage />} />
              <Route path="verwaltung/benutzer" element={<RequireRole roles={['lpr_admin']}><UsersPage /></RequireRole>} />
              <Route path="verwaltung/protokoll" element={<RequireRole roles={['lpr_admin']}><AuditPage /></RequireRole>} />
              <Route path="verwaltung/verzeichnis" element={<RequireRole roles={['lpr_admin']}><RegistryImportPage /></RequireRole>} />
              <Route path="datenquellen" element={<DataSourcesPage />} />
              <Route path="karte" element={<Suspense fallback={<Loading />}><MapPage /></Suspense>} />
              <Route path="kennzahlen" element={<Suspense fallback={<Loading />}><FiguresPage /></Suspense>} />
              <Route path="gemeinden/:ags/bilanz" element={<RequireRole roles={INTERNAL}><CommuneTimelinePage /></RequireRole>} />
              <Route path="beratungen" element={<RequireRole roles={INTERNAL}><ConsultationsPage /></RequireRole>} />
              <Route path="vereinbarungen" element={<RequireRole roles={INTERNAL}><AgreementsPage /></RequireRole>} />
              <Route path="vereinbarungen/:id" element={<RequireRole roles={INTERNAL}><AgreementPage /></RequireRole>} />
              <Route path="coaching" element={<RequireRole roles={[...LPR, 'commune', 'coach']}><CoachingPage /></RequireRole>} />
              <Route path="coaching/pool" element={<RequireRole roles={LPR}><CoachPoolPage /></RequireRole>} />
              <Route path="coaching/:id" element={<RequireRole roles={[...LPR, 'commune', 'coach']}><CoachingProcessPage /></RequireRole>} />
              <Route path="verwaltung/allianz" element={<RequireRole roles={LPR}><AllianceAdminPage /></RequireRole>} />
              <Route path="befragung" element={<Suspense fallback={<Loading />}><SurveyResponsePage /></Suspense>} />
              <Route path="analysen" element={<RequireRole roles={ANALYSIS}><Suspense fallback={<Loading />}><AnalysesPage /></Suspense></RequireRole>} />
              <Route path="analysen/:id" element={<RequireRole roles={ANALYSIS}><Suspense fallback={<Loading />}><AnalysisPage /></Suspense></RequireRole>} />
              <Route path="analysen/:id/fragebogen" element={<RequireRole roles={ANALYSIS}><Suspense fallback={<Loading />}><QuestionnairePage /></Suspense></RequireRole>} />
              <Route path="analysen/:id/stichprobe" element={<RequireRole roles={ANALYSIS_WORK}><Suspense fallback={<Loading />}><SamplePage /></Suspense></RequireRole>} />
              <Route path="analysen/:id/papier" element={<RequireRole roles={ANALYSIS_WORK}><Suspense fallback={<Loading />}><PaperEntryPage /></Suspense></RequireRole>} />
              <Route path="analysen/:id/ergebnisse" element={<RequireRole roles={ANALYSIS}><Suspense fallback={<Loading />}><FindingsPage /></Suspense></RequireRole>} />
              <Route path="analysen/:id/gewichtung" element={<RequireRole roles={ANALYSIS_WORK}><Suspense fallback={<Loading />}><WeightingPage /></Suspense></RequireRole>} />
              <Route path="analysen/:id/empfehlungen" element={<RequireRole roles={ANALYSIS}><Suspense fallback={<Loading />}><RecommendationsPage /></Suspense></RequireRole>} />
              <Route path="analysen/:id/bericht" element={<RequireRole roles={ANALYSIS}><Suspense fallback={<Loading />}><ReportPage /></Suspense></RequireRole>} />
              <Route path="kriminalstatistik" element={<RequireRole roles={[...LPR, 'police', 'commune', 'analyst']}><Suspense fallback={<Loading />}><CrimePage /></Suspense></RequireRole>} />
              <Route path="fragenkatalog" element={<RequireRole roles={ANALYSIS_WORK}><Suspense fallback={<Loading />}><ItemBankPage /></Suspense></RequireRole>} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
