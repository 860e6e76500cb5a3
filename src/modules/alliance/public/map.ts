import type { Db } from '../../../server/db/client.js';
import { figureContext, type FigureMemo } from '../../../server/figures.js';
import { allianceFacts, stageOn } from '../stages/facts.js';
import { mapFlags, STAGE_LABELS } from '../stages/stages.js';
import { MAP_FLAGS, type TMap, type TMapTimeline } from './public.types.js';

/**
 * Each active commune's stage and public layer flags on `asOf`; the outlines (the same on every date) are in the
 * documents `geometry` names.
 */
export async function publicMap(db: Db, asOf: string, geometry: TMap['geometry'], shared?: FigureMemo): Promise<TMap> {
  const facts = await allianceFacts(figureContext(db, shared));
  return {
    asOf,
    geometry,
    communes: facts.activeAgs.map((ags) => {
      const stage = stageOn(facts.histories.get(ags), asOf);
      return { ags, stage, stageLabel: stage ? STAGE_LABELS[stage] : null, ...mapFlags(facts.byAgs.get(ags)!, asOf, stage) };
    }),
  };
}

/**
 * Every change of a commune's public state (stage and layers), so that the map's date slider can
 * show any day without asking the server again.
 */
export async function publicMapTimeline(db: Db, from: string, to: string, shared?: FigureMemo): Promise<TMapTimeline> {
  const facts = await allianceFacts(figureContext(db, shared));
  const active = new Set(facts.activeAgs);
  const out: TMapTimeline['communes'] = [];
  for (const f of facts.byAgs.values()) {
    if (!active.has(f.ags)) continue;
    const days = new Set<string>([from]);
    for (const h of facts.histories.get(f.ags) ?? []) days.add(h.date);
    for (const a of f.agreements) { days.add(a.inForceSince); if (a.endedOn) days.add(a.endedOn); }
    for (const c of f.coaching) if (c.startedOn) days.add(c.startedOn);
    for (const m of f.milestones) days.add(m.occurredOn);
    const changes: TMapTimeline['communes'][number]['changes'] = [];
    let last = '';
    for (const day of [...days].filter((d) => d >= from && d <= to).sort()) {
      const stage = stageOn(facts.histories.get(f.ags), day);
      const flags = mapFlags(f, day, stage);
      const state = { date: day, stage, flags: MAP_FLAGS.filter((k) => flags[k]) };
      const key = JSON.stringify([state.stage, state.flags]);
      if (key !== last) changes.push(state);
      last = key;
    }
    if (changes.length > 1 || changes[0]?.stage || changes[0]?.flags.length) out.push({ ags: f.ags, changes });
  }
  return { from, to, communes: out };
}
