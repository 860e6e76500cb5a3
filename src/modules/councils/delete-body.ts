import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilBodies, councilMeetings } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { bodyOf } from './council-records.js';

/** Removes a sub-body without meetings (one with meetings is ended instead: set "Aufgelöst am"). */
export async function deleteBody(db: Db, ctx: AuditContext, council: CouncilRow, bodyId: string, version: number) {
  const body = await bodyOf(db, council.id, bodyId);
  if (body.kind === 'plenum') throw new Problem(409, 'plenum_required', 'Das Plenum gehört zum Rat und kann nicht gelöscht werden.');
  const [meetings] = await db.select({ n: count() }).from(councilMeetings).where(and(eq(councilMeetings.bodyId, body.id), isNull(councilMeetings.deletedAt)));
  if ((meetings?.n ?? 0) > 0) throw new Problem(409, 'body_has_meetings', `„${body.name}“ hat Sitzungen und bleibt deshalb erhalten. Tragen Sie stattdessen ein, wann das Gremium aufgelöst wurde.`);
  await db.transaction(async (tx) => {
    await updateVersioned(tx, councilBodies, eq(councilBodies.id, body.id), version, { deletedAt: new Date(), updatedAt: new Date() }, 'Das Gremium');
    await recordCouncilsAudit(tx, ctx, { action: 'council_body.deleted', entityType: 'council_body', entityId: body.id, before: { name: body.name, kind: body.kind } });
  });
}
