import type { TReportModel } from './evaluation.types.js';

/** Where a stored report's files lie: `<base>.pdf`, `<base>.docx`, `<base>.versions.json`, and the version without the comparison. */
export const reportBase = (projectId: string, reportId: string) => `reports/${projectId}/${reportId}`;

/**
 * What a stored report's download needs to choose its version per requester: the analyses compared in the
 * full version, the model without that comparison (rendered to PDF/DOCX on the first download that needs it),
 * and the full model (the frozen web page of a completed analysis; missing in reports stored before).
 */
export interface ReportVersions { comparedWaves: string[]; withoutComparison: TReportModel | null; full?: TReportModel }
