import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { recordSurveysAudit } from './audit.js';
import { surveyItems } from './schema.js';
import { presentItem } from './item-bank.js';
import type { ItemContent } from './standard-items.js';
import type { TItem } from './surveys.types.js';

/** A new item in the bank, as its version 1. */
export async function createItem(db: Db, ctx: AuditContext, input: { code: string; content: ItemContent; note: string }): Promise<TItem> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(surveyItems).values({ code: input.code, itemVersion: 1, content: input.content, note: input.note, createdBy: ctx.actorId }).onConflictDoNothing().returning();
    if (!row) throw new Problem(409, 'item_exists', `Das Kürzel ${input.code} ist im Fragenkatalog schon vergeben.`, { field: 'code' });
    await recordSurveysAudit(tx, ctx, { action: 'survey_item.created', entityType: 'survey_item', entityId: input.code, after: presentItem(row) });
    return presentItem(row);
  });
}
