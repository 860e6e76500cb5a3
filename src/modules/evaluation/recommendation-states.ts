import type { TRecommendationState } from './evaluation.types.js';

export const STATE_LABELS: Record<TRecommendationState, string> = { offen: 'offen', priorisiert: 'priorisiert', in_umsetzung: 'in Umsetzung', umgesetzt: 'umgesetzt', verworfen: 'verworfen' };

/** offen → priorisiert → in Umsetzung → umgesetzt; verworfen from any open state (with a reason), and back to offen. */
const NEXT: Record<TRecommendationState, TRecommendationState[]> = {
  offen: ['priorisiert', 'verworfen'],
  priorisiert: ['in_umsetzung', 'offen', 'verworfen'],
  in_umsetzung: ['umgesetzt', 'priorisiert', 'verworfen'],
  umgesetzt: [],
  verworfen: ['offen'],
};
export const nextStates = (state: TRecommendationState) => NEXT[state];
