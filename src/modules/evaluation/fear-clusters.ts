/**
 * Angsträume: marks of places where respondents feel unsafe, grouped into clusters (pure).
 *
 * Single-linkage clustering: two marks within `radiusM` metres belong to the same cluster, and so on
 * transitively (neighbours found through a grid of radius-sized cells). A cluster is published only if
 * at least `minSize` different respondents marked it, so no single person's mark is ever shown; a
 * respondent's several marks in one cluster count once. Marks described without coordinates cannot be
 * placed and are only counted.
 */
import type { TFearCluster, TFearPlaceSummary } from './evaluation.types.js';

export interface FearMark { respondent: number; lat: number; lon: number; reason: number | null; time: number | null }

const M_PER_DEG_LAT = 110_540;
const mPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dy = (a.lat - b.lat) * M_PER_DEG_LAT;
  const dx = (a.lon - b.lon) * mPerDegLon((a.lat + b.lat) / 2);
  return Math.hypot(dx, dy);
}

/** Reads FP01 answers: [{lat?, lon?, reason, time}] per respondent. */
export function fearMarksOf(answers: readonly Record<string, unknown>[]): { marks: FearMark[]; withoutLocation: number } {
  const marks: FearMark[] = [];
  let withoutLocation = 0;
  answers.forEach((a, respondent) => {
    const places = Array.isArray(a.FP01) ? (a.FP01 as Record<string, unknown>[]) : [];
    for (const p of places) {
      const reason = typeof p.reason === 'number' ? p.reason : null;
      const time = typeof p.time === 'number' ? p.time : null;
      if (typeof p.lat === 'number' && typeof p.lon === 'number') marks.push({ respondent, lat: p.lat, lon: p.lon, reason, time });
      else withoutLocation++;
    }
  });
  return { marks, withoutLocation };
}

export function clusterFearPlaces(marks: FearMark[], options: { radiusM: number; minSize: number; withoutLocation?: number }): TFearPlaceSummary {
  const parent = marks.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
  const union = (a: number, b: number) => { const ra = find(a); const rb = find(b); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); };
  if (marks.length) {
    const lat0 = marks.reduce((s, m) => s + m.lat, 0) / marks.length;
    const cellLat = options.radiusM / M_PER_DEG_LAT;
    const cellLon = options.radiusM / mPerDegLon(lat0);
    const grid = new Map<string, number[]>();
    marks.forEach((m, i) => {
      const gx = Math.floor(m.lon / cellLon);
      const gy = Math.floor(m.lat / cellLat);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(`${gx + dx}:${gy + dy}`) ?? []) if (distanceM(m, marks[j]!) <= options.radiusM) union(i, j);
      }
      const key = `${gx}:${gy}`;
      (grid.get(key) ?? grid.set(key, []).get(key)!).push(i);
    });
  }
  const groups = new Map<number, FearMark[]>();
  marks.forEach((m, i) => { const r = find(i); (groups.get(r) ?? groups.set(r, []).get(r)!).push(m); });
  const clusters: TFearCluster[] = [];
  let suppressed = 0;
  for (const group of groups.values()) {
    const respondents = new Set(group.map((m) => m.respondent)).size;
    if (respondents < options.minSize) { suppressed += group.length; continue; }
    const lat = group.reduce((s, m) => s + m.lat, 0) / group.length;
    const lon = group.reduce((s, m) => s + m.lon, 0) / group.length;
    const far = Math.max(...group.map((m) => distanceM(m, { lat, lon })));
    const tally = (pick: (m: FearMark) => number | null) => {
      const counts = new Map<number, number>();
      for (const m of group) { const v = pick(m); if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1); }
      return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value - b.value);
    };
    clusters.push({ id: 0, lat, lon, respondents, marks: group.length, radiusM: Math.max(25, Math.ceil(far / 25) * 25), reasons: tally((m) => m.reason), times: tally((m) => m.time) });
  }
  clusters.sort((a, b) => b.respondents - a.respondents || a.lat - b.lat);
  clusters.forEach((c, i) => { c.id = i + 1; });
  return {
    clusters, marksTotal: marks.length + (options.withoutLocation ?? 0), marksWithoutLocation: options.withoutLocation ?? 0, marksSuppressed: suppressed,
    respondentsWithMarks: new Set(marks.map((m) => m.respondent)).size,
  };
}
