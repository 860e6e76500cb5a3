import type { FigureDefinition } from '../../server/figures.js';
import { councilHistories, countsOn } from './state-history.js';

/**
 * The statewide figure "Kommunale Präventionsräte konstituiert oder reaktiviert", from the councils' dated
 * state history. It replaces the alliance's milestone-based definition of the same key (this module comes
 * later in the module list). Counted on day D: every council not deleted that has a `konstituiert` or
 * `reaktiviert` entry effective on or before D and whose state on D is not `aufgeloest` (see `countsOn`).
 * A council covering several communes counts once.
 */
export const councilsFigures: FigureDefinition[] = [
  {
    key: 'councils', order: 30, unit: 'count',
    source: 'Präventionsräte mit dokumentiertem Stand (konstituiert oder reaktiviert)',
    label: { de: 'Kommunale Präventionsräte konstituiert oder reaktiviert', en: 'Prevention councils constituted or reactivated' },
    async values(ctx, days) {
      const histories = await councilHistories(ctx);
      return days.map((d) => histories.filter((h) => countsOn(h, d)).length);
    },
  },
];
