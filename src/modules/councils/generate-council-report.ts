import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { councilReports } from './schema.js';
import { recordCouncilsAudit } from './audit.js';
import type { CouncilRow } from './policy.js';
import type { TReportContent } from './councils.types.js';
import type { TCouncilReport, TGenerateReportInput } from './documents.types.js';
import { computeReportFigures } from './report-figures.js';
import { generatedContent } from './report-text.js';
import { communeOfficialName } from './letterhead.js';
import { publishedReport } from './council-report-records.js';
import { presentCouncilReport } from './present-council-report.js';

/** The edited texts kept on regeneration: generated sections take the edited title/text of the same key; added sections stay. */
function keepEdited(previous: TReportContent, generated: Omit<TReportContent, 'figures'>): Omit<TReportContent, 'figures'> {
  const edited = new Map(previous.sections.map((s) => [s.key, s]));
  const keys = new Set(generated.sections.map((s) => s.key));
  return {
    title: previous.title, foreword: previous.foreword,
    sections: [...generated.sections.map((s) => edited.get(s.key) ?? s), ...previous.sections.filter((s) => !keys.has(s.key))],
  };
}

/**
 * The draft Präventionsbericht of a council for `year`: figures computed now (meetings, attendance, decisions,
 * working groups, the commune's survey indicators, crime rates, recommendations) and generated texts. A draft
 * that exists is generated again (with `keepTexts`, its edited texts stay); a published report is final.
 */
export async function generateCouncilReport(db: Db, ctx: AuditContext, council: CouncilRow, input: TGenerateReportInput): Promise<{ report: TCouncilReport; created: boolean }> {
  const figures = await computeReportFigures(db, council, input.year);
  const commune = await communeOfficialName(db, council.ags);
  const generated = generatedContent(figures, { council: council.name, commune: commune.nominative, communeGenitive: commune.genitive });
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(councilReports).where(and(eq(councilReports.councilId, council.id), eq(councilReports.year, input.year))).for('update');
    if (existing?.state === 'veroeffentlicht' && !existing.deletedAt) throw publishedReport(input.year);
    const texts = existing && !existing.deletedAt && input.keepTexts ? keepEdited(existing.content, generated) : generated;
    const content: TReportContent = { ...texts, figures };
    const now = new Date();
    let row: typeof councilReports.$inferSelect | undefined;
    if (existing) {
      [row] = await tx.update(councilReports)
        .set({ content, state: 'entwurf', generatedAt: now, updatedAt: now, deletedAt: null, publishedAt: null, pdfKey: null, docxKey: null, version: sql`${councilReports.version} + 1` })
        .where(eq(councilReports.id, existing.id)).returning();
    } else {
      [row] = await tx.insert(councilReports).values({ councilId: council.id, year: input.year, content, generatedAt: now }).onConflictDoNothing().returning();
      // Another request created the same year's draft a moment ago.
      if (!row) throw new Problem(409, 'report_generating', `Der Präventionsbericht ${input.year} wird gerade erzeugt. Bitte laden Sie die Seite neu.`);
    }
    await recordCouncilsAudit(tx, ctx, {
      action: 'council_report.generated', entityType: 'council_report', entityId: row!.id,
      before: existing ? { year: existing.year, version: existing.version, title: existing.content.title } : null,
      after: { year: input.year, version: row!.version, title: content.title, keepTexts: input.keepTexts, councilId: council.id },
    });
    return { report: presentCouncilReport(row!), created: !existing };
  });
}
