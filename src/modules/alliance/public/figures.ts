import type { FigureDefinition } from '../../../server/figures.js';
import { allianceFacts, stageOn } from '../stages/facts.js';
import { COOPERATING_STAGES, wasAdvisedBy } from '../stages/stages.js';

const SOURCE_STAGES = 'Beratungen, Vereinbarungen und Stufen der Kommunen';
const SOURCE_MILESTONES = 'Von der LPR-Geschäftsstelle erfasste Ereignisse je Kommune';

/**
 * The alliance's statewide figures. `councils` and `fundingCommitted` come from recorded milestones until
 * the councils and funding modules register their own definitions (`safetyAnalyses` is the surveys module's).
 */
export const allianceFigures: FigureDefinition[] = [
  {
    key: 'communesAdvised', order: 10, unit: 'count', source: SOURCE_STAGES,
    label: { de: 'Kommunen beraten', en: 'Communes advised' },
    async values(ctx, days) {
      const { byAgs } = await allianceFacts(ctx);
      return days.map((d) => [...byAgs.values()].filter((f) => wasAdvisedBy(f, d)).length);
    },
  },
  {
    key: 'communesCooperating', order: 20, unit: 'count', source: SOURCE_STAGES,
    label: { de: 'Kommunen in enger Zusammenarbeit', en: 'Communes cooperating closely' },
    async values(ctx, days) {
      const { histories } = await allianceFacts(ctx);
      return days.map((d) => [...histories.values()].filter((h) => COOPERATING_STAGES.has(stageOn(h, d))).length);
    },
  },
  {
    key: 'councils', order: 30, unit: 'count', source: SOURCE_MILESTONES,
    label: { de: 'Kommunale Präventionsräte konstituiert oder reaktiviert', en: 'Prevention councils constituted or reactivated' },
    async values(ctx, days) {
      const { byAgs } = await allianceFacts(ctx);
      return days.map((d) => [...byAgs.values()].filter((f) => f.milestones.some((m) => (m.kind === 'council_constituted' || m.kind === 'council_reactivated') && m.occurredOn <= d)).length);
    },
  },
  {
    key: 'agreements', order: 40, unit: 'count', source: 'Unterzeichnete Kooperationsvereinbarungen',
    label: { de: 'Kooperationsvereinbarungen geschlossen', en: 'Cooperation agreements signed' },
    async values(ctx, days) {
      const { agreements } = await allianceFacts(ctx);
      return days.map((d) => agreements.filter((a) => a.kind === 'cooperation' && a.inForceSince <= d).length);
    },
  },
  {
    key: 'coachingProcesses', order: 50, unit: 'count', source: 'Begonnene Coaching-Prozesse',
    label: { de: 'Coaching-Prozesse in Gang gesetzt', en: 'Coaching processes started' },
    async values(ctx, days) {
      const { coaching } = await allianceFacts(ctx);
      return days.map((d) => coaching.filter((c) => c.startedOn !== null && c.startedOn <= d).length);
    },
  },
  {
    key: 'fundingCommitted', order: 70, unit: 'eur', source: SOURCE_MILESTONES,
    label: { de: 'Bewilligte Fördermittel (EUR)', en: 'Funding committed (EUR)' },
    async values(ctx, days) {
      const { byAgs } = await allianceFacts(ctx);
      const grants = [...byAgs.values()].flatMap((f) => f.milestones.filter((m) => m.kind === 'funding_committed'));
      return days.map((d) => Math.round(grants.filter((m) => m.occurredOn <= d).reduce((s, m) => s + (m.amountEur ?? 0), 0) * 100) / 100);
    },
  },
];
