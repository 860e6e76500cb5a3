import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import type { AuditContext } from '../../server/audit/record.js';
import { hashPassword } from './crypto.js';
import { users } from './schema.js';
import { consumeToken } from './tokens.js';
import { destroyUserSessions } from './sessions.js';
import { clearAccountFailures } from './throttle.js';
import { recordAuthAudit } from './audit.js';

/**
 * Sets a new password from a reset or invitation link; all open sessions of the user end, the user's other
 * links stop working and a login lock of the account (too many failures) is lifted.
 */
export async function setPasswordWithToken(db: Db, ctx: AuditContext, input: { token: string; password: string; secret: Buffer }) {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const token = await consumeToken(tx, input.token);
    if (!token) throw new Problem(400, 'invalid_token', 'Der Link ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.', { field: 'token' });
    const [user] = await tx.update(users).set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, token.userId)).returning();
    await destroyUserSessions(tx, token.userId);
    await clearAccountFailures(tx, input.secret, user!.email);
    await recordAuthAudit(tx, { ...ctx, actorId: token.userId, actorLabel: user!.email }, {
      action: token.purpose === 'invitation' ? 'user.invitation_accepted' : 'user.password_reset',
      entityType: 'user', entityId: token.userId, before: { passwordHash: 'old' }, after: { passwordHash: 'new' },
    });
  });
}
