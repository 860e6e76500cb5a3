import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { Actor } from '../../server/auth/roles.js';
import { MIME } from '../../server/http/download.js';
import { forbidden, notFound } from '../../server/http/problem.js';
import type { AnalysisRow } from '../surveys/policy.js';
import { analysisProjects } from '../surveys/schema.js';
import { analysisReports } from './schema.js';
import { readableAnalyses } from './policy.js';
import { reportDocx, reportPdf } from './report-documents.js';
import { reportBase, type ReportVersions } from './report-storage.js';
import type { TReportFormat } from './evaluation.types.js';

/**
 * A stored report for one requester. The job stores the full version (every wave compared); whoever may
 * not read every compared analysis (checked now, with the evaluation's read rule) gets the version without
 * the comparison, which says why instead. A report stored before versions were kept, whose comparison the
 * requester may not read, is refused: it has to be generated again.
 */
export async function readReportFile(db: Db, files: FileStorage, project: AnalysisRow, actor: Actor | null, reportId: string, format: TReportFormat) {
  const [r] = await db.select().from(analysisReports).where(and(eq(analysisReports.id, reportId), eq(analysisReports.projectId, project.id)));
  const key = format === 'pdf' ? r?.pdfKey : r?.docxKey;
  if (!r || r.status !== 'done' || !key) throw notFound('Dieser Bericht ist (noch) nicht fertig.');
  const base = reportBase(project.id, r.id);
  const versions = await files.get(`${base}.versions.json`).then((b) => JSON.parse(b.toString('utf8')) as ReportVersions, () => null);
  const others = versions
    ? (versions.comparedWaves.length ? await db.select().from(analysisProjects).where(inArray(analysisProjects.id, versions.comparedWaves)) : [])
    : await db.select().from(analysisProjects).where(and(eq(analysisProjects.ags, project.ags), ne(analysisProjects.id, project.id)));
  const compared = versions?.comparedWaves ?? others.map((p) => p.id);
  const readable = await readableAnalyses(db, actor, others);
  if (compared.every((id) => readable.has(id))) return { data: await files.get(key), requestedAt: r.requestedAt };
  if (!versions?.withoutComparison) throw forbidden('Dieser Bericht enthält einen Vergleich mit einer Befragungswelle, die Sie nicht einsehen dürfen. Bitte lassen Sie den Bericht neu erzeugen.');
  const restrictedKey = `${base}.ohne-wellenvergleich.${format}`;
  const stored = await files.get(restrictedKey).catch(() => null);
  if (stored) return { data: stored, requestedAt: r.requestedAt };
  const data = format === 'pdf' ? await reportPdf(versions.withoutComparison) : await reportDocx(versions.withoutComparison);
  await files.put(restrictedKey, data, MIME[format]);
  return { data, requestedAt: r.requestedAt };
}
