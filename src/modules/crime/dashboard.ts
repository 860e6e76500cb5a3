import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor, Role } from '../../server/auth/roles.js';
import { visibleCommunes } from '../../server/auth/scopes.js';
import type { DashboardCard, DashboardContext } from '../../server/aggregates/dashboard.types.js';
import { DASHBOARD_LIST_LIMIT } from '../../server/aggregates/dashboard-routes.js';
import { communes } from '../communes/schema.js';
import { crimeFiguresPolicy } from './policy.js';
import { crimeFigures } from './schema.js';

/**
 * A police directorate's communes that have no figures for the latest year on record: what it still has to
 * import (the LPR, who reaches every commune, is not shown this list).
 */
export async function crimeDashboard(db: Db, actor: Actor, _ctx: DashboardContext): Promise<DashboardCard[]> {
  const rule = crimeFiguresPolicy.rules.import;
  const reach = await visibleCommunes(db, actor, typeof rule === 'string' ? [] : Object.keys(rule) as Role[]);
  if (reach.all || !reach.ags.size) return [];
  const [latest] = await db.select({ year: max(crimeFigures.year) }).from(crimeFigures).where(eq(crimeFigures.current, true));
  if (!latest?.year) return [];
  const own = [...reach.ags];
  const withFigures = new Set((await db.selectDistinct({ ags: crimeFigures.areaAgs }).from(crimeFigures)
    .where(and(eq(crimeFigures.areaLevel, 'commune'), eq(crimeFigures.year, latest.year), eq(crimeFigures.current, true), inArray(crimeFigures.areaAgs, own)))).map((r) => r.ags));
  const missing = await db.select({ ags: communes.ags, name: communes.name }).from(communes)
    .where(and(inArray(communes.ags, own.filter((a) => !withFigures.has(a))), eq(communes.status, 'active'))).orderBy(asc(communes.name));
  return [{
    key: 'crime.missing', kind: 'records', priority: 30, title: { key: 'dash.crime.title', vars: { year: String(latest.year) } },
    link: { href: '/kriminalstatistik', label: { key: 'dash.crime.import' } }, total: missing.length, empty: { key: 'dash.crime.empty', vars: { year: String(latest.year) } },
    items: missing.slice(0, DASHBOARD_LIST_LIMIT).map((c) => ({ label: c.name, commune: null, state: null, detail: null, link: `/gemeinden/${c.ags}` })),
  }];
}
