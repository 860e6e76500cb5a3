// The councils' pages: one lazily loaded chunk.
export { CouncilsPage, MyCouncilPage } from './CouncilsPage.js';
export { CouncilPage } from './CouncilPage.js';
export { BodyPage } from './BodyPage.js';
export { MeetingPage } from './MeetingPage.js';
export { DecisionsPage } from './DecisionsPage.js';
export { ReportsPage, ReportEditorPage } from './ReportsPage.js';
export { PublicCouncilsPage, PublicCouncilPage, PublicMeetingPage } from './PublicPages.js';
