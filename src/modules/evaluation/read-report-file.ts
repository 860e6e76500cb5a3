import { and, desc, eq, inArray, ne } from 'drizzle-orm';
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
import type { TReportFormat, TReportView } from './evaluation.types.js';

type ReportRow = typeof analysisReports.$inferSelect;

/**
 * Which version of a stored report `actor` gets, decided now with the evaluation's read rule: the full one
 * (every wave compared) if they may read every compared analysis, else the one without the comparison.
 * A report stored before versions were kept counts every other analysis of the commune as compared.
 */
async function chooseVersion(db: Db, files: FileStorage, project: AnalysisRow, actor: Actor | null, r: ReportRow) {
  const base = reportBase(project.id, r.id);
  const versions = await files.get(`${base}.versions.json`).then((b) => JSON.parse(b.toString('utf8')) as ReportVersions, () => null);
  const others = versions
    ? (versions.comparedWaves.length ? await db.select().from(analysisProjects).where(inArray(analysisProjects.id, versions.comparedWaves)) : [])
    : await db.select().from(analysisProjects).where(and(eq(analysisProjects.ags, project.ags), ne(analysisProjects.id, project.id)));
  const compared = versions?.comparedWaves ?? others.map((p) => p.id);
  const readable = await readableAnalyses(db, actor, others);
  return { base, versions, full: compared.every((id) => readable.has(id)) };
}

/**
 * A stored report for one requester. The job stores the full version (every wave compared); whoever may
 * not read every compared analysis gets the version without the comparison, which says why instead. A report
 * stored before versions were kept, whose comparison the requester may not read, is refused: it has to be
 * generated again. The files of a version never change once stored.
 */
export async function readReportFile(db: Db, files: FileStorage, project: AnalysisRow, actor: Actor | null, reportId: string, format: TReportFormat) {
  const [r] = await db.select().from(analysisReports).where(and(eq(analysisReports.id, reportId), eq(analysisReports.projectId, project.id)));
  const key = format === 'pdf' ? r?.pdfKey : r?.docxKey;
  if (!r || r.status !== 'done' || !key) throw notFound('Dieser Bericht ist (noch) nicht fertig.');
  const { base, versions, full } = await chooseVersion(db, files, project, actor, r);
  const meta = { requestedAt: r.requestedAt, number: r.number };
  if (full) return { data: await files.get(key), ...meta };
  if (!versions?.withoutComparison) throw forbidden('Dieser Bericht enthält einen Vergleich mit einer Befragungswelle, die Sie nicht einsehen dürfen. Bitte lassen Sie den Bericht neu erzeugen.');
  const restrictedKey = `${base}.ohne-wellenvergleich.${format}`;
  const stored = await files.get(restrictedKey).catch(() => null);
  if (stored) return { data: stored, ...meta };
  const data = format === 'pdf' ? await reportPdf(versions.withoutComparison) : await reportDocx(versions.withoutComparison);
  await files.put(restrictedKey, data, MIME[format]);
  return { data, ...meta };
}

/**
 * The frozen web report of a completed analysis: its latest stored version, as `actor` may read it (with or
 * without the wave comparison, as for the download). Null while there is none with a stored model (the web
 * page then shows the report as it stands now).
 */
export async function frozenReport(db: Db, files: FileStorage, project: AnalysisRow, actor: Actor | null): Promise<TReportView | null> {
  const [r] = await db.select().from(analysisReports).where(and(eq(analysisReports.projectId, project.id), eq(analysisReports.status, 'done')))
    .orderBy(desc(analysisReports.number)).limit(1);
  if (!r) return null;
  const { versions, full } = await chooseVersion(db, files, project, actor, r);
  const model = full ? versions?.full : versions?.withoutComparison;
  if (!model) return null;
  return { ...model, frozen: { reportId: r.id, number: r.number, finishedAt: r.finishedAt?.toISOString() ?? null } };
}
