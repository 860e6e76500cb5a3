import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { CouncilRow } from './policy.js';
import type { CouncilReportRow } from './council-report-records.js';
import { reportDocument } from './publish-council-report.js';
import { councilReportDocx, councilReportPdf } from './render-council-report.js';

/** A report's file: the stored one once published; a draft is rendered now, labelled "Entwurf" (internal preview). */
export async function readCouncilReportFile(db: Db, files: FileStorage, council: CouncilRow, row: CouncilReportRow, format: 'pdf' | 'docx'): Promise<Buffer> {
  const key = format === 'pdf' ? row.pdfKey : row.docxKey;
  if (row.state === 'veroeffentlicht' && key) return files.get(key);
  const doc = await reportDocument(db, files, council, row);
  return format === 'pdf' ? councilReportPdf(doc) : councilReportDocx(doc);
}

/** "Präventionsbericht 2026 Kommunaler Präventionsrat Schwarzenberg.pdf", a draft marked as such. */
export const reportFileName = (council: CouncilRow, row: CouncilReportRow, format: 'pdf' | 'docx') =>
  `Präventionsbericht ${row.year} ${council.name.replace(/[\\/:*?"<>|]+/g, '-')}${row.state === 'veroeffentlicht' ? '' : ' (Entwurf)'}.${format}`;
