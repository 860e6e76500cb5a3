import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { isAllowed } from '../../server/http/access.js';
import type { DashboardCard, DashboardContext } from '../../server/aggregates/dashboard.types.js';
import { accountPolicy } from './policy.js';
import { authTokens, users } from './schema.js';

/** For who manages accounts: invitations sent but not yet accepted (a valid link, no password set yet). */
export async function authDashboard(db: Db, actor: Actor, _ctx: DashboardContext): Promise<DashboardCard[]> {
  if (!isAllowed(accountPolicy.door('manage'), actor)) return [];
  const [open] = await db.select({ n: count() }).from(authTokens).innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.purpose, 'invitation'), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date()), isNull(users.passwordHash), eq(users.active, true)));
  return [{
    key: 'auth.invitations', kind: 'metric', priority: 50, title: { key: 'dash.invitations.title' },
    link: { href: '/verwaltung/benutzer', label: { key: 'dash.invitations.open' } }, value: open?.n ?? 0, unit: 'count',
    detail: { key: 'dash.invitations.detail', vars: { count: open?.n ?? 0 } },
  }];
}
