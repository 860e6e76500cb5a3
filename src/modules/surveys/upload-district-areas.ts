import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { bboxOf, containsPoint, labelPointOf, padBBox, polygonsOf } from '../../lib/geo.js';
import { communes } from '../communes/schema.js';
import type { TGeometry } from '../communes/communes.types.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { analysisProjects, type DistrictArea } from './schema.js';
import { presentProject } from './projects.js';
import type { TProjectRecord } from './surveys.types.js';

export const MAX_DISTRICT_AREAS = 100;
const MAX_POSITIONS = 50_000;
/** How far (degrees, about 1 km) an Ortsteil may reach beyond the registry's simplified commune outline. */
const OUTLINE_TOLERANCE = 0.01;
const NAME_KEYS = ['name', 'Name', 'NAME'];

interface Issue { field: string; message: string }
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.slice(0, 2).every((x) => typeof x === 'number' && Number.isFinite(x)) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** A Polygon or MultiPolygon with valid rings, rounded to about a metre; null if it is not one. */
function polygonGeometry(g: unknown): TGeometry | null {
  if (!isObject(g) || !Array.isArray(g.coordinates)) return null;
  const ringsOk = (p: unknown) => Array.isArray(p) && p.length > 0 && p.every(isRing);
  const clean = (p: number[][][]) => p.map((r) => r.map(([x, y]) => [round(x!), round(y!)] as [number, number]));
  if (g.type === 'Polygon' && ringsOk(g.coordinates)) return { type: 'Polygon', coordinates: clean(g.coordinates as number[][][]) };
  if (g.type === 'MultiPolygon' && g.coordinates.length > 0 && g.coordinates.every(ringsOk)) return { type: 'MultiPolygon', coordinates: (g.coordinates as number[][][][]).map(clean) };
  return null;
}

/**
 * Checks an uploaded GeoJSON of Ortsteile as a whole: a FeatureCollection of named polygons, each inside the
 * commune, each name one of the analysis's Ortsteile and used once. Returns the areas or every problem found.
 */
export function checkDistrictAreas(input: unknown, districts: string[], communeGeometry: unknown): { areas: DistrictArea[]; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { areas: [], issues: [{ field: 'areas', message: 'Die Datei ist keine GeoJSON-FeatureCollection (erwartet: {"type": "FeatureCollection", "features": [...]}).' }] };
  }
  const features = input.features as unknown[];
  if (!features.length) return { areas: [], issues: [{ field: 'areas', message: 'Die Datei enthält keine Ortsteile (die FeatureCollection ist leer).' }] };
  if (features.length > MAX_DISTRICT_AREAS) return { areas: [], issues: [{ field: 'areas', message: `Die Datei enthält ${features.length} Ortsteile; höchstens ${MAX_DISTRICT_AREAS} sind möglich.` }] };
  const outline = bboxOf(communeGeometry);
  const known = new Set(districts);
  const seen = new Set<string>();
  const areas: DistrictArea[] = [];
  let positions = 0;
  features.forEach((f, i) => {
    const field = `areas.features.${i + 1}`;
    const no = `Ortsteil Nr. ${i + 1}`;
    if (!isObject(f) || f.type !== 'Feature') { issues.push({ field, message: `${no} ist kein GeoJSON-Feature.` }); return; }
    const props = isObject(f.properties) ? f.properties : {};
    const rawName = NAME_KEYS.map((k) => props[k]).find((v) => typeof v === 'string' && v.trim());
    const name = typeof rawName === 'string' ? rawName.trim() : '';
    const label = name ? `${no} („${name.slice(0, 60)}“)` : no;
    if (!name) issues.push({ field, message: `${no}: Es fehlt der Name (Eigenschaft „name“).` });
    else if (!known.has(name)) issues.push({ field, message: `${label}: Diesen Ortsteil gibt es in der Analyse nicht (Ortsteile der Analyse: ${districts.length ? districts.join(', ') : 'noch keine'}).` });
    else if (seen.has(name)) issues.push({ field, message: `${label}: Der Ortsteil kommt in der Datei mehrfach vor.` });
    seen.add(name);
    const geometry = polygonGeometry(f.geometry);
    if (!geometry) { issues.push({ field, message: `${label}: Die Geometrie ist kein gültiges Polygon oder MultiPolygon (Längen- und Breitengrade in WGS 84).` }); return; }
    positions += polygonsOf(geometry).flat(2).length;
    const box = bboxOf(geometry)!;
    const point = labelPointOf(geometry)!;
    const inside = outline && box[0] >= padBBox(outline, OUTLINE_TOLERANCE)[0] && box[1] >= padBBox(outline, OUTLINE_TOLERANCE)[1]
      && box[2] <= padBBox(outline, OUTLINE_TOLERANCE)[2] && box[3] <= padBBox(outline, OUTLINE_TOLERANCE)[3] && containsPoint(communeGeometry, point[0], point[1]);
    if (!inside) issues.push({ field, message: `${label} liegt außerhalb der Gemeinde (oder die Koordinaten sind nicht in Längen- und Breitengraden, WGS 84).` });
    if (name) areas.push({ name, geometry, label: point });
  });
  if (positions > MAX_POSITIONS) issues.push({ field: 'areas', message: `Die Grenzen haben ${positions} Punkte; höchstens ${MAX_POSITIONS} sind möglich. Bitte vereinfachen Sie die Geometrien.` });
  return { areas, issues };
}

/** The Ortsteile's boundaries for the maps: replaced as a whole, or removed with `areas: null`. */
export async function uploadDistrictAreas(db: Db, ctx: AuditContext, project: AnalysisRow, input: { areas: unknown; version: number }): Promise<TProjectRecord> {
  let areas: DistrictArea[] | null = null;
  if (input.areas !== null) {
    const [commune] = await db.select({ geometry: communes.geometry }).from(communes).where(eq(communes.ags, project.ags));
    const checked = checkDistrictAreas(input.areas, project.districts, commune?.geometry ?? null);
    if (checked.issues.length) {
      const first = checked.issues[0]!.message;
      throw new Problem(422, 'district_areas_invalid', checked.issues.length === 1 ? `Ortsteilgrenzen nicht übernommen: ${first}` : `Ortsteilgrenzen nicht übernommen, ${checked.issues.length} Fehler. ${first}`, { field: 'areas', errors: checked.issues });
    }
    areas = checked.areas;
  }
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, analysisProjects, eq(analysisProjects.id, project.id), input.version, { districtAreas: areas, updatedAt: new Date() }, 'Die Analyse');
    await recordSurveysAudit(tx, ctx, {
      action: 'analysis_project.district_areas_updated', entityType: 'analysis_project', entityId: project.id,
      before: { districtAreas: (project.districtAreas ?? []).map((a) => a.name) }, after: { districtAreas: (areas ?? []).map((a) => a.name) },
    });
    return presentProject(tx, row);
  });
}
