// The survey pages share SurveyJS, MapLibre and ECharts: one lazily loaded chunk.
export { AnalysesPage } from './AnalysesPage.js';
export { AnalysisPage } from './AnalysisPage.js';
export { QuestionnairePage } from './QuestionnairePage.js';
export { SamplePage } from './SamplePage.js';
export { PaperEntryPage } from './PaperEntryPage.js';
export { ItemBankPage } from './ItemBankPage.js';
