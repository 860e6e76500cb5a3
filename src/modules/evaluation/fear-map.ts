/**
 * The Angsträume map for reports: the commune's outline and the published clusters as numbered circles,
 * as a standalone SVG (pure; no tiles, no network). The web page shows the same clusters on MapLibre.
 */
import type { TFearCluster } from './evaluation.types.js';

type Position = number[];

function rings(geometry: unknown): Position[][] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g?.coordinates) return [];
  if (g.type === 'Polygon') return g.coordinates as Position[][];
  if (g.type === 'MultiPolygon') return (g.coordinates as Position[][][]).flat();
  return [];
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function fearMapSvg(geometry: unknown, clusters: TFearCluster[], title: string, width = 640, height = 440): string {
  const all = rings(geometry);
  const points = [...all.flat(), ...clusters.map((c) => [c.lon, c.lat])];
  if (!points.length) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" role="img" aria-label="${escape(title)}"><text x="0" y="30" font-family="Roboto, Arial" font-size="12">Keine Kartengrundlage vorhanden.</text></svg>`;
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const midLat = ((s + n) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const pad = 16;
  const scale = Math.min((width - 2 * pad) / Math.max((e - w) * kx, 1e-9), (height - 2 * pad - 20) / Math.max(n - s, 1e-9));
  const x = (lon: number) => pad + (lon - w) * kx * scale;
  const y = (lat: number) => pad + 20 + (n - lat) * scale;
  const metre = scale / 110_540; // pixels per metre (north–south)
  const paths = all.map((ring) => `M${ring.map((p) => `${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join('L')}Z`).join('');
  const marks = clusters.map((c) => {
    const r = Math.max(9, Math.min(40, c.radiusM * metre));
    return `<g><circle cx="${x(c.lon).toFixed(1)}" cy="${y(c.lat).toFixed(1)}" r="${r.toFixed(1)}" fill="#c62828" fill-opacity="0.35" stroke="#8e0000" stroke-width="1.5"/>`
      + `<text x="${x(c.lon).toFixed(1)}" y="${(y(c.lat) + 4).toFixed(1)}" text-anchor="middle" font-family="Roboto, Arial" font-size="12" font-weight="bold" fill="#1b1b1b">${c.id}</text></g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(title)}">`
    + `<text x="0" y="14" font-family="Roboto, Arial" font-size="13" font-weight="bold" fill="#1b1b1b">${escape(title)}</text>`
    + `<path d="${paths}" fill="#eef2f6" stroke="#4a4f55" stroke-width="1" fill-rule="evenodd"/>${marks}</svg>`;
}
