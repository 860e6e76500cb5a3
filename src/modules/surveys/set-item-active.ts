import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { recordSurveysAudit } from './audit.js';
import { surveyItems } from './schema.js';
import { unknownItem } from './item-bank.js';
import type { TItemActiveResult } from './surveys.types.js';

/** Retired items stay in questionnaires that use them but are not offered for new ones. */
export async function setItemActive(db: Db, ctx: AuditContext, code: string, active: boolean): Promise<TItemActiveResult> {
  return db.transaction(async (tx) => {
    const rows = await tx.update(surveyItems).set({ active }).where(eq(surveyItems.code, code)).returning();
    if (!rows.length) throw unknownItem(code);
    await recordSurveysAudit(tx, ctx, { action: active ? 'survey_item.reactivated' : 'survey_item.retired', entityType: 'survey_item', entityId: code, after: { active } });
    return { code, active };
  });
}
