// Findings, weighting, recommendations, report: one lazily loaded chunk (MapLibre, ECharts).
export { FindingsPage } from './FindingsPage.js';
export { WeightingPage } from './WeightingPage.js';
export { RecommendationsPage } from './RecommendationsPage.js';
export { ReportPage } from './ReportPage.js';
