import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { notFound, unprocessable } from '../../server/http/problem.js';
import { users } from './schema.js';
import type { TUpdateUser, TUserRecord } from './auth.types.js';
import { validateGrants } from './validate-grants.js';
import { loadGrants, replaceGrants } from './grants.js';
import { destroyUserSessions } from './sessions.js';
import { presentUser } from './users.js';
import { recordAuthAudit } from './audit.js';

/** Changes name, active flag, roles and scopes (optimistic locking on `version`); deactivation ends the user's sessions. */
export async function updateUser(db: Db, ctx: AuditContext, id: string, input: TUpdateUser): Promise<TUserRecord> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw notFound('Dieses Benutzerkonto existiert nicht.');
    const grants = await validateGrants(tx, input.grants);
    if (id === ctx.actorId && (!input.active || !grants.some((g) => g.role === 'lpr_admin'))) {
      throw unprocessable('cannot_demote_self', 'Sie können sich nicht selbst deaktivieren oder die Administrationsrolle entziehen.', 'grants');
    }
    const beforeView = presentUser(before, await loadGrants(tx, id));
    const updated = await updateVersioned(tx, users, eq(users.id, id), input.version,
      { displayName: input.displayName, active: input.active, updatedAt: new Date() }, 'Das Benutzerkonto');
    const after = presentUser(updated, await replaceGrants(tx, id, grants));
    if (!input.active) await destroyUserSessions(tx, id);
    await recordAuthAudit(tx, ctx, { action: 'user.updated', entityType: 'user', entityId: id, before: beforeView, after });
    return after;
  });
}
