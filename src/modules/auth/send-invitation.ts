import type { Db } from '../../server/db/client.js';
import type { Mailer } from '../../server/mail/mailer.js';
import { issueToken } from './tokens.js';

/** Mails a link to set the password (valid 14 days); every older link of the user stops working. */
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
