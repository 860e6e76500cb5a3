import type { App } from '../../server/modules.js';
import { serverSecret } from '../../server/secret.js';
import { sessionRoutes } from './routes-session.js';
import { userRoutes } from './routes-users.js';

/** Sign-in, sessions and passwords; the LPR administration's accounts. */
export async function authRoutes(app: App) {
  const secret = await serverSecret(app.database.db, app.config);
  await sessionRoutes(app, secret);
  await userRoutes(app);
}
