import type { Db } from '../db/client.js';
import type { Actor } from '../auth/roles.js';
import type { PlatformModule } from '../modules.js';
import { definePolicy, defineSubject } from '../auth/policy.js';
import { scopeOwner } from '../auth/scopes.js';
import { todayIso } from '../../lib/dates.js';
import { onlyOne } from './contributions.js';
import type { TBilanz, TTimelineEntry } from './aggregates.types.js';

/** A commune as the core knows it, from the module that owns the commune scope. */
interface CommuneRef { ags: string; name: string }

/** A commune as the subject of the core's rules, loaded through its scope owner (the core imports no module). */
const coreCommuneSubject = defineSubject<CommuneRef>({
  name: 'core.commune',
  async load(db, ags) {
    const owner = scopeOwner('commune');
    if (!owner.label) return (await owner.exists(db, ags)) ? { ags, name: ags } : undefined;
    const name = await owner.label(db, ags);
    return name === undefined ? undefined : { ags, name };
  },
  ref: (c) => ({ communes: [c.ags] }),
  missing: 'Diese Gemeinde ist nicht bekannt.',
});

/** A commune's Bilanz: the LPR, the commune itself and its police directorate. */
export const bilanzPolicy = definePolicy('core.bilanz', {
  read: { lpr_admin: 'any', lpr_staff: 'any', commune: 'communes', police: 'communes' },
}, coreCommuneSubject, { denied: 'forbid', detail: 'Sie haben keinen Zugriff auf die internen Daten dieser Kommune.' });

/** Entries of every module, oldest first; the same day keeps module order. */
const sortTimeline = (entries: TTimelineEntry[]) => [...entries].sort((a, b) => a.date.localeCompare(b.date));

/** A commune's Bilanz: every module's entries (each filtered to what `actor` may see) in date order, with today's stage. */
export async function communeBilanz(db: Db, modules: readonly PlatformModule[], actor: Actor | null, commune: CommuneRef): Promise<TBilanz> {
  const entries: TTimelineEntry[] = [];
  for (const m of modules) if (m.timeline) entries.push(...await m.timeline(db, commune.ags, actor));
  const stageOf = onlyOne(modules, 'communeStage');
  const stage = stageOf ? await stageOf(db, commune.ags, todayIso()) : { stage: null, stageLabel: null };
  return { commune, stage: stage.stage, stageLabel: stage.stageLabel, entries: sortTimeline(entries) };
}
