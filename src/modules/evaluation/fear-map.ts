/**
 * The Angsträume map for reports: the commune with its Ortsteile (boundaries and names, where the analyst
 * uploaded them), the neighbouring communes with their names, and the published clusters as numbered
 * circles, as a standalone SVG (pure; no tiles, no network). The web page draws the same on MapLibre.
 */
import { containsPoint, polygonsOf, type Position } from '../../lib/geo.js';
import type { TMapBase } from '../surveys/surveys.types.js';
import type { TFearCluster } from './evaluation.types.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const FONT = 'font-family="Roboto, Arial, sans-serif"';

/** Where a cluster lies, in words where the Ortsteile are known: "Altstadt; 50.5412, 12.7801". */
export function placeOf(map: TMapBase, c: Pick<TFearCluster, 'lat' | 'lon'>): string {
  const district = map.districts.find((d) => containsPoint(d.geometry, c.lon, c.lat))?.name;
  return `${district ? `${district}; ` : ''}${c.lat.toFixed(4)}, ${c.lon.toFixed(4)}`;
}

export function fearMapSvg(map: TMapBase, clusters: TFearCluster[], title: string, width = 640, height = 440): string {
  const own = polygonsOf(map.commune?.geometry).flat();
  const points = [...own.flat(), ...clusters.map((c) => [c.lon, c.lat])];
  if (!points.length) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" role="img" aria-label="${escape(title)}"><text x="0" y="30" ${FONT} font-size="12">Keine Kartengrundlage vorhanden.</text></svg>`;
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  // The commune fills the frame; a margin shows the neighbours around it.
  const [w0, s0, e0, n0] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const margin = Math.max(e0 - w0, n0 - s0) * 0.08;
  const [w, s, e, n] = [w0 - margin, s0 - margin, e0 + margin, n0 + margin];
  const midLat = ((s + n) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const top = 22;
  const scale = Math.min(width / Math.max((e - w) * kx, 1e-9), (height - top) / Math.max(n - s, 1e-9));
  const offsetX = (width - (e - w) * kx * scale) / 2;
  const x = (lon: number) => offsetX + (lon - w) * kx * scale;
  const y = (lat: number) => top + (n - lat) * scale;
  const inFrame = ([lon, lat]: [number, number]) => lon > w && lon < e && lat > s && lat < n;
  const path = (rings: Position[][]) => rings.map((ring) => `M${ring.map((p) => `${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join('L')}Z`).join('');
  const label = (name: string, at: [number, number], size: number, fill: string, weight = 'normal') =>
    `<text x="${x(at[0]).toFixed(1)}" y="${y(at[1]).toFixed(1)}" text-anchor="middle" ${FONT} font-size="${size}" font-weight="${weight}" fill="${fill}" stroke="#fff" stroke-width="3" paint-order="stroke">${escape(name)}</text>`;
  const metre = scale / 110_540; // pixels per metre (north–south)
  const neighbours = map.neighbours.map((a) => `<path d="${path(polygonsOf(a.geometry).flat())}" fill="#f1f1f1" stroke="#9aa1a8" stroke-width="0.8" fill-rule="evenodd"/>`).join('');
  const neighbourNames = map.neighbours.filter((a) => inFrame(a.label)).map((a) => label(a.name, a.label, 10, '#5b6168')).join('');
  const districts = map.districts.map((d) => `<path d="${path(polygonsOf(d.geometry).flat())}" fill="none" stroke="#6b7580" stroke-width="1" stroke-dasharray="4 3" fill-rule="evenodd"/>`).join('');
  const districtNames = map.districts.map((d) => label(d.name, d.label, 11, '#1b1b1b')).join('');
  const communeName = map.commune && !map.districts.length ? label(map.commune.name, map.commune.label, 13, '#1b1b1b', 'bold') : '';
  const marks = clusters.map((c) => {
    const r = Math.max(9, Math.min(40, c.radiusM * metre));
    return `<g><circle cx="${x(c.lon).toFixed(1)}" cy="${y(c.lat).toFixed(1)}" r="${r.toFixed(1)}" fill="#c62828" fill-opacity="0.35" stroke="#8e0000" stroke-width="1.5"/>`
      + `<text x="${x(c.lon).toFixed(1)}" y="${(y(c.lat) + 4).toFixed(1)}" text-anchor="middle" ${FONT} font-size="12" font-weight="bold" fill="#1b1b1b">${c.id}</text></g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(title)}">`
    + `<defs><clipPath id="frame"><rect x="0" y="${top}" width="${width}" height="${height - top}"/></clipPath></defs>`
    + `<text x="0" y="14" ${FONT} font-size="13" font-weight="bold" fill="#1b1b1b">${escape(title)}</text>`
    + `<g clip-path="url(#frame)"><rect x="0" y="${top}" width="${width}" height="${height - top}" fill="#fafafa"/>${neighbours}`
    + `<path d="${path(own)}" fill="#e6edf4" stroke="#2d3339" stroke-width="1.6" fill-rule="evenodd"/>${districts}${neighbourNames}${districtNames}${communeName}${marks}</g></svg>`;
}
