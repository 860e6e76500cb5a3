import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { bboxesOverlap, bboxOf, labelPointOf, padBBox, type BBox } from '../../lib/geo.js';
import { communes } from '../communes/schema.js';
import type { TGeometry } from '../communes/communes.types.js';
import { analysisProjects, type DistrictArea } from './schema.js';
import type { TMapBase, TNamedArea } from './surveys.types.js';

export interface BaseTiles { tiles: string; attribution: string }

interface CommuneShape { ags: string; name: string; geometry: TGeometry; bbox: BBox; label: [number, number] }
/**
 * The registry's outlines with their boxes and label points, read once per process and kept for ten
 * minutes (a cache of reference data: a registry import shows on the maps at the latest then).
 */
let shapes: { at: number; list: Promise<CommuneShape[]> } | null = null;
function communeShapes(db: Db): Promise<CommuneShape[]> {
  if (!shapes || Date.now() - shapes.at > 600_000) {
    const list = db.select({ ags: communes.ags, name: communes.name, geometry: communes.geometry }).from(communes).then((rows) => rows.flatMap((r) => {
      const bbox = bboxOf(r.geometry); const label = labelPointOf(r.geometry);
      return bbox && label ? [{ ags: r.ags, name: r.name, geometry: r.geometry as TGeometry, bbox, label }] : [];
    }));
    list.catch(() => { shapes = null; });
    shapes = { at: Date.now(), list };
  }
  return shapes.list;
}

/** The name as a map writes it: without the registry's status suffix ("Schwarzenberg/Erzgeb., Stadt" → "Schwarzenberg/Erzgeb."). */
export const placeName = (registryName: string) => registryName.split(', ')[0]!;

export const areaOf = (d: DistrictArea): TNamedArea => ({ name: d.name, geometry: d.geometry, label: d.label });

/** The commune of `ags` with its neighbours (outlines whose boxes touch its own) and the given Ortsteile. */
export async function mapBaseOf(db: Db, ags: string, districtAreas: DistrictArea[] | null, base: BaseTiles | undefined): Promise<TMapBase> {
  const all = await communeShapes(db);
  const own = all.find((c) => c.ags === ags);
  const near = own ? padBBox(own.bbox, 0.005) : null;
  const neighbours = near ? all.filter((c) => c.ags !== ags && bboxesOverlap(c.bbox, near)) : [];
  const named = (c: CommuneShape): TNamedArea => ({ name: placeName(c.name), geometry: c.geometry, label: c.label });
  return {
    commune: own ? named(own) : null, neighbours: neighbours.map(named), districts: (districtAreas ?? []).map(areaOf),
    baseTiles: base?.tiles ?? null, attribution: base?.attribution ?? '',
  };
}

/** The map of an analysis (findings page, report, the respondents' map question). */
export async function mapBaseOfProject(db: Db, projectId: string, base: BaseTiles | undefined): Promise<TMapBase> {
  const [p] = await db.select({ ags: analysisProjects.ags, districtAreas: analysisProjects.districtAreas }).from(analysisProjects).where(eq(analysisProjects.id, projectId));
  if (!p) return { commune: null, neighbours: [], districts: [], baseTiles: base?.tiles ?? null, attribution: base?.attribution ?? '' };
  return mapBaseOf(db, p.ags, p.districtAreas, base);
}
