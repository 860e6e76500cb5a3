/**
 * Small pure helpers for GeoJSON polygons in WGS 84 (longitude, latitude): rings, bounding boxes,
 * point-in-polygon, and a point inside an area for its label. Shared by the server and the web.
 */
export type Position = number[];
export type BBox = [number, number, number, number];
interface PolygonLike { type?: string; coordinates?: unknown }

/** The polygons of a Polygon or MultiPolygon, each as its rings (outer first). */
export function polygonsOf(geometry: unknown): Position[][][] {
  const g = geometry as PolygonLike | null;
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'Polygon') return [g.coordinates as Position[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Position[][][];
  return [];
}

export function bboxOf(geometry: unknown): BBox | null {
  const pts = polygonsOf(geometry).flat(2);
  if (!pts.length) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) { w = Math.min(w, x!); e = Math.max(e, x!); s = Math.min(s, y!); n = Math.max(n, y!); }
  return [w, s, e, n];
}

export const bboxesOverlap = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
export const padBBox = (b: BBox, by: number): BBox => [b[0] - by, b[1] - by, b[2] + by, b[3] + by];

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!; const [xj, yj] = ring[j]!;
    if ((yi! > y) !== (yj! > y) && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/** Whether the point lies inside the area (holes excluded). */
export function containsPoint(geometry: unknown, lon: number, lat: number): boolean {
  return polygonsOf(geometry).some(([outer, ...holes]) => !!outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)));
}

function distanceToEdges(x: number, y: number, polygon: Position[][]): number {
  let best = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j]!; const [bx, by] = ring[i]!;
      const dx = bx! - ax!; const dy = by! - ay!;
      const t = dx || dy ? Math.max(0, Math.min(1, ((x - ax!) * dx + (y - ay!) * dy) / (dx * dx + dy * dy))) : 0;
      best = Math.min(best, Math.hypot(x - (ax! + t * dx), y - (ay! + t * dy)));
    }
  }
  return best;
}

/** A point well inside the area's largest polygon (for its name), found on a grid; its box's centre if none. */
export function labelPointOf(geometry: unknown): [number, number] | null {
  const polygons = polygonsOf(geometry);
  const largest = polygons.map((p) => ({ p, b: bboxOf({ type: 'Polygon', coordinates: p }) }))
    .filter((x): x is { p: Position[][]; b: BBox } => x.b !== null)
    .sort((a, b) => (b.b[2] - b.b[0]) * (b.b[3] - b.b[1]) - (a.b[2] - a.b[0]) * (a.b[3] - a.b[1]))[0];
  if (!largest) return null;
  const [w, s, e, n] = largest.b;
  const poly = { type: 'Polygon', coordinates: largest.p };
  let best: [number, number] = [(w + e) / 2, (s + n) / 2];
  let bestDistance = -1;
  const steps = 24;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const x = w + ((e - w) * i) / steps; const y = s + ((n - s) * j) / steps;
      if (!containsPoint(poly, x, y)) continue;
      const d = distanceToEdges(x, y, largest.p);
      if (d > bestDistance) { bestDistance = d; best = [x, y]; }
    }
  }
  return [Math.round(best[0] * 1e5) / 1e5, Math.round(best[1] * 1e5) / 1e5];
}
