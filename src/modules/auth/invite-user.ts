import type { Db } from '../../server/db/client.js';
import type { Mailer } from '../../server/mail/mailer.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { users } from './schema.js';
import type { TInviteUser, TUserRecord } from './auth.types.js';
import { validateGrants } from './validate-grants.js';
import { replaceGrants } from './grants.js';
import { emailIs, presentUser } from './users.js';
import { sendInvitation } from './send-invitation.js';
import { recordAuthAudit } from './audit.js';

/** Creates an account without password, assigns roles and scopes, and mails a link to set the password. */
export async function inviteUser(db: Db, mailer: Mailer, ctx: AuditContext, input: TInviteUser & { publicUrl: string }): Promise<TUserRecord> {
  return db.transaction(async (tx) => {
    const grants = await validateGrants(tx, input.grants);
    const [existing] = await tx.select({ id: users.id }).from(users).where(emailIs(input.email));
    if (existing) throw new Problem(409, 'email_taken', 'Für diese E-Mail-Adresse gibt es bereits ein Konto.', { field: 'email' });
    const [user] = await tx.insert(users).values({ email: input.email, displayName: input.displayName }).returning();
    const view = presentUser(user!, await replaceGrants(tx, user!.id, grants));
    await recordAuthAudit(tx, ctx, { action: 'user.invited', entityType: 'user', entityId: user!.id, after: view });
    await sendInvitation(tx, mailer, user!, input.publicUrl);
    return view;
  });
}
