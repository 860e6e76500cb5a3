/**
 * What every map of an analysis draws (the respondents' map question, the findings page): the configured
 * base map, the neighbouring communes, the commune and its Ortsteile, and the places' names as labels.
 * Pure: a MapLibre style and a list of labels; the page creates the map.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { TMapBase } from '../../modules/surveys/surveys.types.js';

const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature' as const, properties, geometry: geometry as GeoJSON.Geometry });
const collection = (features: ReturnType<typeof feature>[]) => ({ type: 'FeatureCollection' as const, features });

/** The base style; `extra` layers (e.g. clusters) go on top. Without a base map the outlines stand on a light ground. */
export function areaMapStyle(base: TMapBase, extra: Pick<StyleSpecification, 'sources' | 'layers'> = { sources: {}, layers: [] }): StyleSpecification {
  const tiles = !!base.baseTiles;
  return {
    version: 8,
    sources: {
      ...(base.baseTiles ? { base: { type: 'raster', tiles: [base.baseTiles], tileSize: 256, attribution: base.attribution } } : {}),
      neighbours: { type: 'geojson', data: collection(base.neighbours.map((a) => feature(a.geometry))) },
      commune: { type: 'geojson', data: collection(base.commune ? [feature(base.commune.geometry)] : []), attribution: 'Grenzen: © GeoBasis-DE / BKG' },
      districts: { type: 'geojson', data: collection(base.districts.map((a) => feature(a.geometry))) },
      ...extra.sources,
    },
    layers: [
      { id: 'ground', type: 'background', paint: { 'background-color': '#f4f5f6' } },
      ...(tiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
      { id: 'neighbours', type: 'fill', source: 'neighbours', paint: { 'fill-color': '#e9eaec', 'fill-opacity': tiles ? 0.35 : 1 } },
      { id: 'neighbour-edges', type: 'line', source: 'neighbours', paint: { 'line-color': '#9aa1a8', 'line-width': 1 } },
      { id: 'commune', type: 'fill', source: 'commune', paint: { 'fill-color': '#ffffff', 'fill-opacity': tiles ? 0.15 : 1 } },
      { id: 'districts', type: 'line', source: 'districts', paint: { 'line-color': '#5b6570', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
      { id: 'commune-edge', type: 'line', source: 'commune', paint: { 'line-color': '#0b4f8a', 'line-width': 2.5 } },
      ...extra.layers,
    ],
  };
}

export interface AreaLabel { name: string; at: [number, number]; kind: 'commune' | 'neighbour' | 'district' }
/** Names to show on the map: the Ortsteile (or the commune's name without them) and the neighbours. */
export function areaLabels(base: TMapBase): AreaLabel[] {
  return [
    ...base.neighbours.map((a) => ({ name: a.name, at: a.label, kind: 'neighbour' as const })),
    ...(base.districts.length ? base.districts.map((a) => ({ name: a.name, at: a.label, kind: 'district' as const }))
      : base.commune ? [{ name: base.commune.name, at: base.commune.label, kind: 'commune' as const }] : []),
  ];
}

/** The box to show first: the commune (or `fallback`). */
export function areaBounds(base: TMapBase, fallback: [number, number, number, number] | null): [[number, number], [number, number]] | null {
  const pts: number[][] = [];
  const walk = (x: unknown) => { if (Array.isArray(x) && typeof x[0] === 'number') pts.push(x as number[]); else if (Array.isArray(x)) x.forEach(walk); };
  walk((base.commune?.geometry as { coordinates?: unknown } | undefined)?.coordinates);
  if (!pts.length) return fallback ? [[fallback[0], fallback[1]], [fallback[2], fallback[3]]] : null;
  const lons = pts.map((p) => p[0]!); const lats = pts.map((p) => p[1]!);
  return [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
}

/** The labels as map marker elements (hidden from screen readers: the table alternative names the places). */
export function areaLabelElements(base: TMapBase): { element: HTMLElement; at: [number, number] }[] {
  return areaLabels(base).map((l) => {
    const element = document.createElement('div');
    element.className = `map-label map-label-${l.kind}`;
    element.textContent = l.name;
    element.setAttribute('aria-hidden', 'true');
    return { element, at: l.at };
  });
}
