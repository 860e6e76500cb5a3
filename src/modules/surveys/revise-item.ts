import { eq, max } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { stableJson } from '../../lib/json.js';
import { recordSurveysAudit } from './audit.js';
import { surveyItems } from './schema.js';
import { getItemVersion, presentItem, unknownItem } from './item-bank.js';
import type { ItemContent } from './standard-items.js';
import type { TItem } from './surveys.types.js';

/** A change of wording, scale or rows makes a new version; questionnaires keep the version they use. */
export async function reviseItem(db: Db, ctx: AuditContext, code: string, input: { content: ItemContent; note: string; basedOn: number }): Promise<TItem> {
  return db.transaction(async (tx) => {
    const [latest] = await tx.select({ v: max(surveyItems.itemVersion) }).from(surveyItems).where(eq(surveyItems.code, code));
    if (!latest?.v) throw unknownItem(code);
    if (latest.v !== input.basedOn) throw new Problem(409, 'version_conflict', `Item ${code} wurde inzwischen geändert (jetzt Version ${latest.v}). Bitte laden Sie es neu.`);
    const before = (await getItemVersion(tx, code, latest.v))!;
    if (stableJson(before.content) === stableJson(input.content)) return presentItem(before);
    const [row] = await tx.insert(surveyItems).values({ code, itemVersion: latest.v + 1, content: input.content, note: input.note, createdBy: ctx.actorId }).returning();
    await recordSurveysAudit(tx, ctx, { action: 'survey_item.revised', entityType: 'survey_item', entityId: code, before: presentItem(before), after: presentItem(row!) });
    return presentItem(row!);
  });
}
