import type { App } from '../../../server/modules.js';
import { systemContext } from '../../../server/audit/record.js';
import { serverSecret } from '../../../server/secret.js';
import { login } from '../../../../test/helpers.js';
import { inviteUser } from '../invite-user.js';
import { issueToken } from '../tokens.js';
import { setPasswordWithToken } from '../set-password-with-token.js';

let built = 0;

/**
 * A commune coordinator for any commune, invited and activated through the use cases (as the LPR and the
 * invitation link would), and signed in: tests need not rely on which demo user comes first for a role.
 */
export async function buildCommuneUser(app: App, ags: string, options: { email?: string; displayName?: string; password?: string } = {}) {
  const db = app.database.db;
  const email = options.email ?? `koordination-${ags}-${++built}@gemeinde.test`;
  const password = options.password ?? `Koordination-${ags}-in-Sachsen`;
  const ctx = systemContext('test');
  const invited = await inviteUser(db, app.mailer, ctx, {
    email, displayName: options.displayName ?? `Koordination ${ags}`, grants: [{ role: 'commune', scopeType: 'commune', scopeId: ags }], publicUrl: app.config.publicUrl,
  });
  await setPasswordWithToken(db, ctx, { token: await issueToken(db, invited.id, 'invitation'), password, secret: await serverSecret(db, app.config) });
  return { id: invited.id, email, password, session: await login(app, email, password) };
}
