import type { communes } from './schema.js';
import type { GvCommune, GvFile } from './parse-gv-isys.js';
import type { TRegistryChange, TRegistrySummary } from './communes.types.js';

type CommuneRow = typeof communes.$inferSelect;

const distance = (a: { lon: number | null; lat: number | null }, b: { lon: number | null; lat: number | null }) =>
  a.lon === null || a.lat === null || b.lon === null || b.lat === null ? Infinity : Math.hypot(a.lon - b.lon, (a.lat - b.lat) * 1.5);

/** A merged commune's likely successor: the nearest new commune of the same Kreis, else the nearest grown one. */
function proposeSuccessor(gone: CommuneRow, added: GvCommune[], grown: GvCommune[]): string | null {
  const pick = (list: GvCommune[]) => list.filter((c) => c.districtAgs === gone.districtAgs).sort((a, b) => distance(gone, a) - distance(gone, b))[0];
  return (pick(added) ?? pick(grown))?.ags ?? null;
}

export function computeChanges(current: CommuneRow[], file: GvFile): TRegistryChange[] {
  const byAgs = new Map(current.map((c) => [c.ags, c]));
  const inFile = new Set(file.communes.map((c) => c.ags));
  const added = file.communes.filter((c) => !byAgs.has(c.ags));
  const grown = file.communes.filter((c) => { const o = byAgs.get(c.ags); return o && c.areaKm2 > o.areaKm2 + 0.5; });
  const changes: TRegistryChange[] = added.map((c) => ({ kind: 'new', ags: c.ags, name: c.name, before: null, after: { ...c, line: undefined } }));
  for (const old of current.filter((c) => c.status === 'active' && !inFile.has(c.ags))) {
    changes.push({ kind: 'merged', ags: old.ags, name: old.name, before: { name: old.name, population: old.population, areaKm2: old.areaKm2 }, after: null,
      successorAgs: proposeSuccessor(old, added, grown) });
  }
  for (const c of file.communes) {
    const old = byAgs.get(c.ags);
    if (!old) continue;
    if (old.name !== c.name) changes.push({ kind: 'renamed', ags: c.ags, name: c.name, before: { name: old.name }, after: { name: c.name } });
    if (old.population !== c.population || old.populationMale !== c.populationMale || old.populationFemale !== c.populationFemale) {
      changes.push({ kind: 'population', ags: c.ags, name: c.name,
        before: { population: old.population, populationMale: old.populationMale, populationFemale: old.populationFemale },
        after: { population: c.population, populationMale: c.populationMale, populationFemale: c.populationFemale } });
    }
    const attrs = (['type', 'textCode', 'districtAgs', 'associationArs', 'areaKm2', 'postalCode'] as const).filter((k) => old[k] !== c[k]);
    if (attrs.length) {
      changes.push({ kind: 'attributes', ags: c.ags, name: c.name,
        before: Object.fromEntries(attrs.map((k) => [k, old[k]])), after: Object.fromEntries(attrs.map((k) => [k, c[k]])) });
    }
  }
  const order = { new: 0, merged: 1, renamed: 2, attributes: 3, population: 4 };
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || a.ags.localeCompare(b.ags));
}

export function summarise(file: GvFile, changes: TRegistryChange[]): TRegistrySummary {
  const n = (k: TRegistryChange['kind']) => changes.filter((c) => c.kind === k).length;
  const touched = new Set(changes.filter((c) => c.kind !== 'new' && c.kind !== 'merged').map((c) => c.ags));
  const added = n('new');
  return { communesInFile: file.communes.length, new: added, merged: n('merged'), renamed: n('renamed'), population: n('population'),
    attributes: n('attributes'), unchanged: file.communes.length - added - touched.size };
}
