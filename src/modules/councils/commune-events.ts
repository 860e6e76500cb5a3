import type { CommuneEvent, CommuneEventSource } from '../../server/figures.js';
import { loadCouncilHistories } from './state-history.js';

export const COUNCIL_CONSTITUTED = 'council_constituted';
export const COUNCIL_REACTIVATED = 'council_reactivated';
/** The alliance's map turns the council layer off again from here (stages.ts). */
export const COUNCIL_DISSOLVED = 'council_dissolved';

/**
 * A council's constitution, reactivations and dissolution as events of every commune it covers, for the alliance's
 * stages, map layer and commune list (constitution and reactivation count as "a module in use").
 */
export const councilsCommuneEvents: CommuneEventSource = async (db) => {
  const out: CommuneEvent[] = [];
  for (const h of await loadCouncilHistories(db)) {
    for (const c of h.changes) {
      const kind = c.state === 'konstituiert' ? COUNCIL_CONSTITUTED : c.state === 'reaktiviert' ? COUNCIL_REACTIVATED : c.state === 'aufgeloest' ? COUNCIL_DISSOLVED : null;
      if (!kind) continue;
      for (const ags of h.communes) out.push({ ags, kind, occurredOn: c.effectiveOn, note: [h.name, c.note].filter(Boolean).join(': '), module: 'councils' });
    }
  }
  return out.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
};
