import type { CommuneEvent, CommuneEventSource } from '../../server/figures.js';
import { loadCouncilHistories } from './state-history.js';

export const COUNCIL_CONSTITUTED = 'council_constituted';
export const COUNCIL_REACTIVATED = 'council_reactivated';

/**
 * A council's constitution and reactivations as events of every commune it covers, for the alliance's stages,
 * map layer and commune list (which count them as "a module in use").
 */
export const councilsCommuneEvents: CommuneEventSource = async (db) => {
  const out: CommuneEvent[] = [];
  for (const h of await loadCouncilHistories(db)) {
    for (const c of h.changes) {
      if (c.state !== 'konstituiert' && c.state !== 'reaktiviert') continue;
      const kind = c.state === 'konstituiert' ? COUNCIL_CONSTITUTED : COUNCIL_REACTIVATED;
      for (const ags of h.communes) out.push({ ags, kind, occurredOn: c.effectiveOn, note: [h.name, c.note].filter(Boolean).join(': '), module: 'councils' });
    }
  }
  return out.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
};
