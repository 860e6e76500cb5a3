import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { TimelineEntry } from '../../server/figures.js';
import type { TCouncilState } from './councils.types.js';
import { councils, councilStateChanges } from './schema.js';

const ENTRY: Record<TCouncilState, { kind: string; title: string }> = {
  geplant: { kind: 'council_planned', title: 'Kommunaler Präventionsrat in Vorbereitung' },
  konstituiert: { kind: 'council_constituted', title: 'Kommunaler Präventionsrat konstituiert' },
  aktiv: { kind: 'council_active', title: 'Kommunaler Präventionsrat arbeitet' },
  ruhend: { kind: 'council_dormant', title: 'Kommunaler Präventionsrat ruht' },
  reaktiviert: { kind: 'council_reactivated', title: 'Kommunaler Präventionsrat reaktiviert' },
  aufgeloest: { kind: 'council_dissolved', title: 'Kommunaler Präventionsrat aufgelöst' },
};

/** The councils' entries in a commune's Bilanz: the dated state history of every council covering it (public records). */
export async function councilsTimeline(db: Db, ags: string, _actor: Actor | null): Promise<TimelineEntry[]> {
  const rows = await db.select({ name: councils.name, state: councilStateChanges.state, effectiveOn: councilStateChanges.effectiveOn, note: councilStateChanges.note })
    .from(councilStateChanges).innerJoin(councils, eq(councils.id, councilStateChanges.councilId))
    .where(and(isNull(councils.deletedAt), sql`${ags} = ANY(${councils.communes})`))
    .orderBy(asc(councilStateChanges.effectiveOn), asc(councilStateChanges.createdAt));
  return rows.map((r) => ({ date: r.effectiveOn, module: 'councils', kind: ENTRY[r.state].kind, title: ENTRY[r.state].title, detail: [r.name, r.note].filter(Boolean).join(' · '), link: null }));
}
