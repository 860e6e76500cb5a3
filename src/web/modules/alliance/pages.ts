// The alliance's pages: one lazily loaded chunk.
export { FiguresPage } from './FiguresPage.js';
export { CommuneAlliance, CommuneTimelinePage } from './CommuneAlliance.js';
export { ConsultationsPage } from './ConsultationsPage.js';
export { AgreementsPage } from './AgreementsPage.js';
export { AgreementPage } from './AgreementPage.js';
export { CoachingPage, CoachingProcessPage, CoachPoolPage } from './CoachingPage.js';
export { AllianceAdminPage } from './AllianceAdminPage.js';
