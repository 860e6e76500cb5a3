
import type { Db } from '../../server/db/client.js';
import type { Mailer } from '../../server/mail/mailer.js';
import { users } from './schema.js';
import { emailIs } from './users.js';
import { issueToken } from './tokens.js';

/** Mails a reset link if the account exists; the caller always answers the same, so accounts are not revealed. */
export async function requestPasswordReset(db: Db, mailer: Mailer, input: { email: string; publicUrl: string }) {
  const [user] = await db.select().from(users).where(emailIs(input.email));
  if (!user || !user.active) return;
  const token = await issueToken(db, user.id, 'password_reset');
  await mailer.send({
    to: user.email,
    subject: 'ASSKomm-Plattform: Passwort zurücksetzen',
    text: `Guten Tag ${user.displayName},\n\nfür Ihr Konto auf der ASSKomm-Plattform wurde das Zurücksetzen des Passworts angefordert.\n` +
      `Über diesen Link vergeben Sie ein neues Passwort (gültig 60 Minuten, einmal verwendbar):\n\n` +
      `${input.publicUrl}/passwort-neu?token=${token}\n\n` +
      `Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.\n\nLandespräventionsrat Sachsen`,
  });
}
