import type { TGeometry as Geometry } from '../../modules/communes/communes.types.js';


/**
 * A commune's outline as an inline SVG (no tiles, works offline). Longitude is scaled by cos(latitude)
 * so shapes keep their proportions. The facts are in a table beside it (text alternative).
 */
export function OutlineMap({ geometry, label }: { geometry: Geometry; label: string }) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points = polygons.flat(2);
  const lats = points.map((p) => p[1]);
  const k = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI / 180);
  const xs = points.map((p) => p[0] * k);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const size = 300;
  const scale = size / Math.max(maxX - minX, maxY - minY);
  const pad = 10;
  const d = polygons.map((poly) => poly.map((ring) =>
    ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${(pad + (lon * k - minX) * scale).toFixed(1)},${(pad + (maxY - lat) * scale).toFixed(1)}`).join('') + 'Z').join('')).join('');
  const w = (maxX - minX) * scale + 2 * pad;
  const h = (maxY - minY) * scale + 2 * pad;
  return (
    <svg className="outline" viewBox={`0 0 ${w.toFixed(1)} ${h.toFixed(1)}`} role="img" aria-label={label}>
      <path d={d} fill="#cfe0f1" stroke="#0b4f8a" strokeWidth="2" fillRule="evenodd" />
    </svg>
  );
}
