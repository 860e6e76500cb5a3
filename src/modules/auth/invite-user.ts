
import type { Db } from '../../server/db/client.js';
import type { Mailer } from '../../server/mail/mailer.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { users } from './schema.js';
import type { TGrant } from './auth.types.js';
import { validateGrants } from './validate-grants.js';
import { replaceGrants, presentUser, emailIs } from './users.js';
import { issueToken } from './tokens.js';

export async function sendInvitation(db: Db, mailer: Mailer, user: { id: string; email: string; displayName: string }, publicUrl: string) {
  const token = await issueToken(db, user.id, 'invitation');
  await mailer.send({
    to: user.email,
    subject: 'Einladung zur ASSKomm-Plattform',
    text: `Guten Tag ${user.displayName},\n\nder Landespräventionsrat Sachsen lädt Sie zur ASSKomm-Plattform ein.\n` +
      `Über diesen Link vergeben Sie Ihr Passwort (gültig 14 Tage, einmal verwendbar):\n\n${publicUrl}/passwort-neu?token=${token}&einladung=1\n\n` +
      `Landespräventionsrat Sachsen`,
  });
}

/** Creates an account without password, assigns roles and scopes, and mails a link to set the password. */
export async function inviteUser(db: Db, mailer: Mailer, ctx: AuditContext, input: { email: string; displayName: string; grants: TGrant[]; publicUrl: string }) {
  return db.transaction(async (tx) => {
    const grants = await validateGrants(tx, input.grants);
    const [existing] = await tx.select({ id: users.id }).from(users).where(emailIs(input.email));
    if (existing) throw new Problem(409, 'email_taken', 'Für diese E-Mail-Adresse gibt es bereits ein Konto.', { field: 'email' });
    const [user] = await tx.insert(users).values({ email: input.email, displayName: input.displayName }).returning();
    const saved = await replaceGrants(tx, user!.id, grants);
    const view = presentUser(user!, saved);
    await recordAudit(tx, ctx, { action: 'user.invited', entityType: 'user', entityId: user!.id, after: view });
    await sendInvitation(tx, mailer, user!, input.publicUrl);
    return view;
  });
}
