import type { App } from '../modules.js';
import { access } from '../http/access.js';
import { todayIso } from '../../lib/dates.js';
import { scopeName } from '../auth/scopes.js';
import { ZDashboard, type TDashboardCard } from './dashboard.types.js';

/** Most items a list card shows; `total` says how many there are. */
export const DASHBOARD_LIST_LIMIT = 6;

/** The start page: every module's cards for the signed-in user, already limited to what they may open. */
export async function dashboardRoutes(app: App) {
  const { db } = app.database;
  const contributors = app.platformModules.filter((m) => m.dashboard);
  app.get('/dashboard', {
    config: { access: access.authenticated },
    schema: {
      tags: ['Start'],
      summary: 'Die Startseite: Aufgaben, Vorgänge und Kennzahlen der angemeldeten Person',
      description: 'Die Rollen der Person mit dem Namen ihrer Zuständigkeit und die Karten der Module, nach Priorität sortiert (leere Listen zuletzt): `tasks` (fällige und überfällige Aufgaben mit Gemeinde), `records` (Vorgänge mit Stand und nächstem Schritt), `metric` (eine Kennzahl). Texte sind Schlüssel des Web-Katalogs des Moduls mit Variablen oder Daten (Namen). Jeder Link führt auf eine Seite, die die Person öffnen darf.',
      response: { 200: ZDashboard },
    },
  }, async (request) => {
    const actor = request.actor!;
    const ctx = { today: todayIso() };
    const cards: TDashboardCard[] = [];
    for (const m of contributors) {
      for (const card of await m.dashboard!(db, actor, ctx)) cards.push({ ...card, module: m.name } as TDashboardCard);
    }
    // What needs attention first: cards with entries by priority, then the empty lists.
    const empty = (c: TDashboardCard) => (c.kind === 'metric' ? 0 : c.items.length ? 0 : 1);
    cards.sort((a, b) => empty(a) - empty(b) || a.priority - b.priority || a.key.localeCompare(b.key));
    const roles = [];
    for (const g of actor.grants) roles.push({ role: g.role, scope: await scopeName(db, g) });
    return { roles, items: cards };
  });
}
