import { councilReports } from './schema.js';
import { ZReportFigures, type TCouncilReport } from './documents.types.js';

type ReportRow = typeof councilReports.$inferSelect;

export const REPORT_STATE_LABELS = { entwurf: 'Entwurf', veroeffentlicht: 'veröffentlicht' } as const;

/** Where a report's files are downloaded: internally (a draft as a preview), or publicly once published. */
export const reportDownloads = (councilId: string, reportId: string, audience: 'internal' | 'public') => {
  const base = `/api/${audience === 'public' ? 'public/' : ''}councils/${councilId}/reports/${reportId}/report`;
  return { pdf: `${base}.pdf`, docx: `${base}.docx` };
};

export function presentCouncilReport(r: ReportRow, audience: 'internal' | 'public' = 'internal'): TCouncilReport {
  const figures = ZReportFigures.safeParse(r.content.figures);
  return {
    id: r.id, councilId: r.councilId, year: r.year, state: r.state, stateLabel: REPORT_STATE_LABELS[r.state],
    title: r.content.title, foreword: r.content.foreword, sections: r.content.sections,
    // Figures of an older shape are shown as empty rather than failing the page: regenerating computes them anew.
    figures: figures.success ? figures.data : ZReportFigures.parse(emptyFigures(r.year)),
    generatedAt: r.generatedAt.toISOString(), publishedAt: r.publishedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(), version: r.version,
    downloads: reportDownloads(r.councilId, r.id, audience),
  };
}

export const emptyFigures = (year: number) => ({
  year,
  meetings: { total: 0, cancelled: 0, byBody: [], perMeeting: [] },
  attendance: { present: 0, expected: 0, rate: null },
  decisions: { total: 0, untracked: 0, byState: [], listed: [], nonPublic: 0 },
  workingGroups: [],
  survey: { analysis: null, previous: null, rows: [] },
  crime: null,
  recommendations: null,
});
