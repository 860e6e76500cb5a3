import { count, eq, max } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { isAllowed } from '../../server/http/access.js';
import type { DashboardCard, DashboardContext } from '../../server/aggregates/dashboard.types.js';
import { registryPolicy } from './policy.js';
import { communes, registryImports } from './schema.js';

/** The registry's state for who updates it: communes in force, the Gebietsstand, an update waiting to be applied. */
export async function communesDashboard(db: Db, actor: Actor, _ctx: DashboardContext): Promise<DashboardCard[]> {
  if (!isAllowed(registryPolicy.door('update'), actor)) return [];
  const [active] = await db.select({ n: count(), asOf: max(communes.referenceDate) }).from(communes).where(eq(communes.status, 'active'));
  const [pending] = await db.select({ n: count() }).from(registryImports).where(eq(registryImports.status, 'previewed'));
  return [{
    key: 'communes.registry', kind: 'metric', priority: 60, title: { key: 'dash.registry.title' },
    link: { href: '/verwaltung/verzeichnis', label: { key: 'dash.registry.open' } }, value: active?.n ?? 0, unit: 'count',
    detail: { key: pending?.n ? 'dash.registry.pending' : 'dash.registry.asOf', vars: { date: active?.asOf ?? '', count: pending?.n ?? 0 } },
  }];
}
