import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FigureContext } from '../../server/figures.js';
import type { TCouncilState } from './councils.types.js';
import { councils, councilStateChanges } from './schema.js';

export interface CouncilHistory {
  id: string;
  code: string;
  name: string;
  ags: string;
  communes: string[];
  /** Dated state changes, oldest first (same day: in the order recorded). */
  changes: { state: TCouncilState; effectiveOn: string; note: string }[];
}

/** Every council that is not deleted, with its dated state history. */
export async function loadCouncilHistories(db: Db): Promise<CouncilHistory[]> {
  const rows = await db.select({
    id: councils.id, code: councils.code, name: councils.name, ags: councils.ags, communes: councils.communes,
    state: councilStateChanges.state, effectiveOn: councilStateChanges.effectiveOn, note: councilStateChanges.note,
  }).from(councilStateChanges).innerJoin(councils, eq(councils.id, councilStateChanges.councilId))
    .where(isNull(councils.deletedAt))
    .orderBy(asc(councils.id), asc(councilStateChanges.effectiveOn), asc(councilStateChanges.createdAt));
  const byId = new Map<string, CouncilHistory>();
  for (const r of rows) {
    let h = byId.get(r.id);
    if (!h) byId.set(r.id, h = { id: r.id, code: r.code, name: r.name, ags: r.ags, communes: r.communes, changes: [] });
    h.changes.push({ state: r.state, effectiveOn: r.effectiveOn, note: r.note });
  }
  return [...byId.values()];
}

/** Loaded once per figure computation (figures and commune events share it). */
export const councilHistories = (ctx: FigureContext) => ctx.memo('councils.histories', () => loadCouncilHistories(ctx.db));

/** States that found a council (the figure's and the commune events' "konstituiert oder reaktiviert"). */
export const FOUNDING_STATES: ReadonlySet<TCouncilState> = new Set(['konstituiert', 'reaktiviert']);

/** The state on `day` (inclusive): the last change effective on or before it; null before the first. */
export function stateOn(h: CouncilHistory, day: string): TCouncilState | null {
  let state: TCouncilState | null = null;
  for (const c of h.changes) { if (c.effectiveOn > day) break; state = c.state; }
  return state;
}

/**
 * Whether a council counts as "konstituiert oder reaktiviert" on `day`: it was constituted or reactivated on
 * or before that day and, as of that day, has not been dissolved. A dormant (ruhend) council still counts, as
 * one that was constituted; a council only planned (geplant) does not.
 */
export const countsOn = (h: CouncilHistory, day: string) =>
  h.changes.some((c) => FOUNDING_STATES.has(c.state) && c.effectiveOn <= day) && stateOn(h, day) !== 'aufgeloest';
