import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { councilPapers } from './schema.js';
import type { TPaperInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { paperOf } from './council-records.js';

export async function updatePaper(db: Db, ctx: AuditContext, council: CouncilRow, paperId: string, input: TPaperInput & { version: number }) {
  const paper = await paperOf(db, council.id, paperId);
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilPapers, eq(councilPapers.id, paper.id), version, { ...fields, updatedAt: new Date() }, 'Die Vorlage');
    await recordCouncilsAudit(tx, ctx, { action: 'council_paper.updated', entityType: 'council_paper', entityId: paper.id, before: { reference: paper.reference, name: paper.name, paperType: paper.paperType, isPublic: paper.isPublic }, after: { ...fields } });
    return row;
  });
}
