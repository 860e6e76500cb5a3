import type { TText as Text } from '../../../modules/surveys/surveys.types.js';

export interface Cell { estimate: number | null; low: number | null; high: number | null; se: number | null; respondents: number; suppressed: boolean }
export interface DomainCell extends Cell { level: string }
export interface IndicatorFinding { key: string; group: string; label: Text; definition: Text; overall: Cell; byDistrict: DomainCell[]; byAgeGroup: DomainCell[]; bySex: DomainCell[] }
export interface Margin { variable: string; source: string; cells: { label: string; population: number; respondents: number }[] }
export interface WeightingResult {
  method: string; design: string; variables: string[]; margins: Margin[]; iterations: number; converged: boolean; maxMarginDeviation: number;
  minWeight: number; maxWeight: number; trimmed: number; respondents: number; excluded: number; missingCalibration: number; collapsedStrata: number;
  effectiveSampleSize: number; trimBounds: [number | null, number | null];
}
export interface Cluster { id: number; lat: number; lon: number; respondents: number; marks: number; radiusM: number; reasons: { value: number; count: number }[]; times: { value: number; count: number }[] }
type AreaLine = { crimeRate: number | null; clearanceRate: number | null; cases: number } | null;
export interface Findings {
  project: { id: string; code: string; title: string; ags: string; communeName: string; status: string; completedOn: string | null; startOn: string; institute: string };
  responses: number;
  mixing: { mixed: number; threshold: number };
  weighting: WeightingResult;
  weightingWarning: string | null;
  publication: { minRespondents: number; minClusterSize: number; clusterRadiusM: number };
  indicators: IndicatorFinding[];
  incivilitiesRanked: string[];
  fearPlaces: { clusters: Cluster[]; marksTotal: number; marksWithoutLocation: number; marksSuppressed: number; respondentsWithMarks: number };
  crime: {
    commune: string; kreis: string; latestYear: number; total: { commune: AreaLine; kreis: AreaLine; saxony: AreaLine };
    trend: { year: number; commune: number | null; kreis: number | null; saxony: number | null }[];
    offences: { key: string; label: string; communeCases: number | null; communeRate: number | null; kreisRate: number | null; saxonyRate: number | null }[];
    sources: { source: string; version: string }[]; populationBasis: string;
  } | null;
  crimeVsPerception: { label: Text; survey: Cell | null; recorded: number | null; recordedLabel: Text }[];
  waves: { project: { id: string; code: string; title: string; startOn: string; status: string; earlier: boolean }; rows: { key: string; label: Text; current: Cell; other: Cell; difference: { estimate: number; low: number; high: number; significant: boolean } | null }[] }[];
  wavesWithheld: boolean;
}
export interface WeightingSettings {
  design: 'stratified' | 'simple'; calibration: 'none' | 'poststratify' | 'rake'; variables: ('age_group' | 'sex' | 'district')[]; epsilon: number; maxIterations: number;
  trimLower: number | null; trimUpper: number | null; minRespondents: number; minClusterSize: number; clusterRadiusM: number;
}
export interface Weighting {
  settings: WeightingSettings; result: WeightingResult | null; computedAt: string | null; version: number;
  available: { strata: number; strataVariables: string[]; responses: number; ageStructure: { source: string; referenceDate: string } | null };
}
export interface AgeStructure { ags: string; referenceDate: string; source: string; cells: { ageGroup: string; sex: 'm' | 'w'; count: number }[]; total: number; version: number }
export interface Recommendation {
  id: string; title: string; description: string; fieldOfAction: { id: string; label: string }; findings: string[]; priority: 'hoch' | 'mittel' | 'niedrig';
  state: 'offen' | 'priorisiert' | 'in_umsetzung' | 'umgesetzt' | 'verworfen'; stateLabel: string; stateNote: string; nextStates: string[]; version: number; updatedAt: string;
}
export type Block =
  | { kind: 'heading'; level: number; text: string; id?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; numeric?: boolean[]; note?: string }
  | { kind: 'chart'; svg: string; alt: string }
  | { kind: 'note'; text: string }
  | { kind: 'pagebreak' };
export interface ReportModel { title: string; subtitle: string; commune: string; institute: string; date: string; blocks: Block[] }
export interface ReportStatus { id: string; status: 'queued' | 'running' | 'done' | 'failed'; requestedAt: string; finishedAt: string | null; pdfBytes: number | null; docxBytes: number | null; error: string | null; respondents: number | null }
export interface CrimeImport { id: string; format: 'bka_kreise' | 'municipal'; years: number[]; source: string; version: string; fileName: string; rowsImported: number; rowsSkipped: number; importedAt: string }
type AreaFigures = { cases: number; solved: number; suspects: number | null; population: number | null; crimeRate: number | null; clearanceRate: number | null };
export interface KreisOverview { year: number; key: string; label: string | null; kreise: (AreaFigures & { ags: string; name: string })[]; saxony: AreaFigures | null; populationDate: string | null }
export interface CommuneCrime {
  commune: { ags: string; name: string }; kreis: { ags: string; name: string }; years: number[]; offences: { key: string; label: string }[];
  figures: { key: string; label: string; year: number; commune: AreaFigures | null; kreis: AreaFigures | null; saxony: AreaFigures | null }[];
  trends: { key: string; label: string; commune: { year: number; value: number | null; changeToPrevious: number | null }[] }[];
  sources: { format: string; source: string; version: string; years: number[]; importedAt: string }[]; populationBasis: string;
}
