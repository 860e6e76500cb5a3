import type { Db } from '../../server/db/client.js';
import type { Mailer } from '../../server/mail/mailer.js';
import type { AuditContext } from '../../server/audit/record.js';
import type { TUserRecord } from './auth.types.js';
import { sendInvitation } from './send-invitation.js';
import { recordAuthAudit } from './audit.js';

/** Mails the invitation again; the earlier link stops working. */
export async function resendInvitation(db: Db, mailer: Mailer, ctx: AuditContext, user: TUserRecord, publicUrl: string) {
  await db.transaction(async (tx) => {
    await sendInvitation(tx, mailer, user, publicUrl);
    await recordAuthAudit(tx, ctx, { action: 'user.invitation_sent', entityType: 'user', entityId: user.id, after: { email: user.email } });
  });
}
