import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField } from '../../server/http/problem.js';
import { councilReports } from './schema.js';
import { recordCouncilsAudit } from './audit.js';
import type { CouncilRow } from './policy.js';
import type { TCouncilReport, TReportUpdate } from './documents.types.js';
import { councilReportOf, publishedReport } from './council-report-records.js';
import { presentCouncilReport } from './present-council-report.js';

const texts = (c: { title: string; foreword: string; sections: unknown }) => ({ title: c.title, foreword: c.foreword, sections: c.sections });

/** The coordinator's edit of a draft: title, foreword and section texts (the figures stay as generated). */
export async function updateCouncilReport(db: Db, ctx: AuditContext, council: CouncilRow, id: string, input: TReportUpdate): Promise<TCouncilReport> {
  const keys = input.sections.map((s) => s.key);
  const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (twice >= 0) throw invalidField(`sections.${twice}.key`, 'Jeder Abschnitt braucht eine eigene Kennung.', 'Abschnitte');
  return db.transaction(async (tx) => {
    const before = await councilReportOf(tx, council.id, id, { forUpdate: true });
    if (before.state === 'veroeffentlicht') throw publishedReport(before.year);
    const { version, ...edited } = input;
    const row = await updateVersioned(tx, councilReports, eq(councilReports.id, id), version, { content: { ...before.content, ...edited }, updatedAt: new Date() }, 'Der Präventionsbericht');
    await recordCouncilsAudit(tx, ctx, { action: 'council_report.updated', entityType: 'council_report', entityId: id, before: texts(before.content), after: texts(row.content) });
    return presentCouncilReport(row);
  });
}
