import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { formatFixed, formatNumber } from '../../api.js';
import { ScrollRegion } from '../../ui/components.js';
import type { TCell, TDomainCell, TFearCluster } from '../../../modules/evaluation/evaluation.types.js';
import { useText, type EvaluationKey } from './messages.js';
import type { TMapBase } from '../../../modules/surveys/surveys.types.js';
import { containsPoint } from '../../../lib/geo.js';
import { areaBounds, areaLabelElements, areaMapStyle } from '../../ui/area-map.js';

maplibregl.setWorkerUrl(workerUrl);

export const pct = (v: number | null, locale: string, digits = 1) => (v === null ? '–' : `${formatFixed(v * 100, locale, digits)} %`);
export const SUPPRESSED = '–*';

/** Share, interval and respondents of one published cell; suppressed cells say so. */
export function ShareCells({ cell }: { cell: TCell }) {
  const { t, locale } = useText();
  if (cell.suppressed) {
    // Below the threshold the exact number of answers is not shown either.
    return <><td className="num"><abbr title={t('eval.suppressedTitle')}>{SUPPRESSED}</abbr></td><td className="num">{SUPPRESSED}</td><td className="num">{t('eval.fewer')}</td><td aria-hidden="true" /></>;
  }
  return (
    <>
      <td className="num">{pct(cell.estimate, locale)}</td>
      <td className="num">{pct(cell.low, locale)} – {pct(cell.high, locale)}</td>
      <td className="num">{formatNumber(cell.respondents, locale)}</td>
      <td aria-hidden="true" className="bar-cell"><span className="share-bar" style={{ width: `${Math.round((cell.estimate ?? 0) * 100)}%` }} /></td>
    </>
  );
}

export function ShareHead({ first }: { first: string }) {
  const { t } = useText();
  return <thead><tr><th scope="col">{first}</th><th scope="col" className="num">{t('eval.share')}</th><th scope="col" className="num">{t('eval.ci')}</th><th scope="col" className="num">{t('eval.respondents')}</th><th scope="col" aria-hidden="true"><span className="visually-hidden">{t('eval.bar')}</span></th></tr></thead>;
}

export function DomainTable({ caption, what, cells }: { caption: string; what: string; cells: TDomainCell[] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="findings">
        <caption>{caption}</caption>
        <ShareHead first={what} />
        <tbody>{cells.map((c) => <tr key={c.level}><th scope="row">{c.level}</th><ShareCells cell={c} /></tr>)}</tbody>
      </table>
    </ScrollRegion>
  );
}

export function SuppressionNote({ min }: { min: number }) {
  const { t } = useText();
  return <p className="note">{t('eval.suppressedNote', { n: min })}</p>;
}

export const REASONS: Record<number, EvaluationKey> = { 1: 'eval.reason.1', 2: 'eval.reason.2', 3: 'eval.reason.3', 4: 'eval.reason.4', 5: 'eval.reason.5', 6: 'eval.reason.6', 7: 'eval.reason.7' };
export const TIMES: Record<number, EvaluationKey> = { 1: 'eval.time.1', 2: 'eval.time.2', 3: 'eval.time.3' };

/** The Ortsteil a place lies in, where the analysis has Ortsteil boundaries. */
export const districtOf = (map: TMapBase | null, c: Pick<TFearCluster, 'lat' | 'lon'>) => map?.districts.find((d) => containsPoint(d.geometry, c.lon, c.lat))?.name ?? null;

/**
 * The published Angsträume on the map of the analysis: commune, neighbours and Ortsteile with their names,
 * and the base map where one is configured; the table beside it has the same content.
 */
export function ClusterMap({ map: base, clusters, label }: { map: TMapBase; clusters: TFearCluster[]; label: string }) {
  const div = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const bounds = areaBounds(base, null) ?? (clusters.length ? [[Math.min(...clusters.map((c) => c.lon)), Math.min(...clusters.map((c) => c.lat))], [Math.max(...clusters.map((c) => c.lon)), Math.max(...clusters.map((c) => c.lat))]] as [[number, number], [number, number]] : null);
    if (!div.current || !bounds) return;
    let map: maplibregl.Map | null = null;
    try {
      map = new maplibregl.Map({
        container: div.current, bounds, fitBoundsOptions: { padding: 30 }, attributionControl: { compact: false },
        style: areaMapStyle(base, {
          sources: { clusters: { type: 'geojson', data: { type: 'FeatureCollection', features: clusters.map((c) => ({ type: 'Feature', properties: { id: c.id, n: c.respondents }, geometry: { type: 'Point', coordinates: [c.lon, c.lat] } })) } } },
          layers: [{ id: 'clusters', type: 'circle', source: 'clusters', paint: { 'circle-color': '#c62828', 'circle-opacity': 0.45, 'circle-stroke-color': '#8e0000', 'circle-stroke-width': 2, 'circle-radius': ['interpolate', ['linear'], ['get', 'n'], 5, 12, 100, 32] } }],
        }),
      });
      map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
      map.getCanvas().setAttribute('aria-label', label);
      for (const l of areaLabelElements(base)) new maplibregl.Marker({ element: l.element }).setLngLat(l.at).addTo(map);
      for (const c of clusters) {
        const el = document.createElement('div');
        el.className = 'fp-marker';
        el.textContent = String(c.id);
        el.setAttribute('aria-hidden', 'true');
        new maplibregl.Marker({ element: el }).setLngLat([c.lon, c.lat]).addTo(map);
      }
    } catch { setFailed(true); }
    return () => { map?.remove(); };
  }, [base, clusters, label]);
  if (failed) return null;
  return <div ref={div} className="cluster-map" role="region" aria-label={label} />;
}
