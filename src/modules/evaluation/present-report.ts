import type { analysisReports } from './schema.js';
import type { TReportStatus } from './evaluation.types.js';

export function presentReport(r: typeof analysisReports.$inferSelect): TReportStatus {
  return {
    id: r.id, number: r.number, status: r.status, requestedAt: r.requestedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
    pdfBytes: r.pdfBytes, docxBytes: r.docxBytes, error: r.error, respondents: r.respondents,
  };
}
