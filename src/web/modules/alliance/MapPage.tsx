import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap, GeoJSONSource, MapLayerMouseEvent, ErrorEvent as MapErrorEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type * as GeoJSON from 'geojson';
import type { Stage } from '../../../modules/alliance/stages/stages.js';
import type { TMap, TMapFlag, TMapSettings, TMapTimeline } from '../../../modules/alliance/public/public.types.js';
import type { TPublicAgreementList } from '../../../modules/alliance/agreements/agreements.types.js';
import { formatDate, formatNumber } from '../../api.js';
import { addDays, daysBetween } from '../../../lib/dates.js';
import { Alert, ErrorAlert, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import { useText } from './messages.js';

// The worker is shipped as its own file (no blob: workers needed by the CSP).
maplibregl.setWorkerUrl(workerUrl);

const LAYERS = ['contacted', 'modelCommune', 'agreement', 'coaching', 'safetyAnalysis', 'council'] as const satisfies readonly TMapFlag[];
type Layer = TMapFlag;
/** A commune's outline as the geometry file has it (the same on every date). */
type Outline = { type: 'Feature'; geometry: GeoJSON.Geometry; properties: { ags: string; name: string; districtAgs: string } };
/** An outline with the commune's stage and layers on the chosen day. */
type Feature = Omit<Outline, 'properties'> & { properties: Outline['properties'] & { stage: Stage | null } & Record<Layer, boolean> };
/** The geometry files are named by their content and cached for a year; `useApi` takes paths below /api. */
const apiPath = (url: string | undefined) => (url ? url.replace(/^\/api(?=\/)/, '') : null);

/** Stage colours (contrast ≥ 3:1 against the white background, WCAG 1.4.11). */
const STAGE_COLORS: Record<Stage, string> = {
  contacted: '#8a8f98', advised: '#5b8fc7', pre_agreement: '#e08a00', cooperation: '#0b6e4f', active: '#08473a', dormant: '#8c6d46', withdrawn: '#a4161a',
};
const LAYER_COLORS: Record<Exclude<Layer, 'contacted'>, string> = {
  modelCommune: '#6a1b9a', agreement: '#0b6e4f', coaching: '#c2185b', safetyAnalysis: '#1565c0', council: '#e65100',
};

/** Each commune's stage and layers on `day`, from the change lists (no server round trip). */
function stateOn(timeline: TMapTimeline, day: string) {
  const out = new Map<string, { stage: Stage | null; flags: Set<Layer> }>();
  for (const c of timeline.communes) {
    let current: { stage: Stage | null; flags: Set<Layer> } = { stage: null, flags: new Set() };
    for (const ch of c.changes) { if (ch.date > day) break; current = { stage: ch.stage, flags: new Set(ch.flags) }; }
    out.set(c.ags, current);
  }
  return out;
}

function centroid(g: GeoJSON.Geometry): [number, number] {
  const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.type === 'MultiPolygon' ? g.coordinates.reduce((a: GeoJSON.Position[], p) => (p[0]!.length > a.length ? p[0]! : a), [] as number[][]) : [];
  let x = 0; let y = 0;
  for (const [lon, lat] of ring) { x += lon!; y += lat!; }
  return ring.length ? [x / ring.length, y / ring.length] : [13.2, 51];
}

export function MapPage() {
  const { t, locale } = useText();
  const settings = useApi<TMapSettings>('/public/map/settings');
  const base = useApi<TMap>('/public/map');
  const outlines = useApi<{ features: Outline[] }>(apiPath(base.data?.geometry.communes));
  const timeline = useApi<TMapTimeline>('/public/map/timeline');
  const districts = useApi<{ items: { ags: string; name: string }[] }>('/districts');
  const kreise = useApi<GeoJSON.FeatureCollection>(apiPath(base.data?.geometry.districts));
  const [day, setDay] = useState<string | null>(null);
  const [visible, setVisible] = useState<Set<Layer>>(new Set(LAYERS));
  const [selected, setSelected] = useState<string | null>(null);
  const [onlyAlliance, setOnlyAlliance] = useState(true);
  const [mapFailed, setMapFailed] = useState(false);
  const mapRef = useRef<MapLibreMap | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  // The commune card gives focus back to what opened it (a table button, the map) when it closes, also on Escape.
  const cardOpener = useRef<HTMLElement | null>(null);
  const openCard = (ags: string) => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !active.closest('.map-card')) cardOpener.current = active;
    setSelected(ags);
  };
  const closeCard = () => {
    setSelected(null);
    const opener = cardOpener.current;
    cardOpener.current = null;
    if (opener?.isConnected) opener.focus();
  };
  useEffect(() => {
    if (!selected) return;
    const closeOnEscape = (e: KeyboardEvent) => { if (e.key === 'Escape' && !e.defaultPrevented) closeCard(); };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [selected]);
  const today = settings.data?.today ?? null;
  const current = day ?? today;

  const states = useMemo(() => (timeline.data && current ? stateOn(timeline.data, current) : null), [timeline.data, current]);
  const features = useMemo(() => {
    if (!outlines.data || !states) return null;
    return outlines.data.features.map((f): Feature => {
      const s = states.get(f.properties.ags) ?? { stage: null, flags: new Set<Layer>() };
      const layers = Object.fromEntries(LAYERS.map((l) => [l, s.flags.has(l)])) as Record<Layer, boolean>;
      return { ...f, properties: { ...f.properties, stage: s.stage, ...layers } };
    });
  }, [outlines.data, states]);

  // The map itself: loaded on demand; without WebGL the table below carries the same data.
  useEffect(() => {
    const config = settings.data;
    const kreisGeo = kreise.data;
    if (!features || !config || !kreisGeo || mapRef.current || mapFailed || !containerRef.current) return;
    let cancelled = false;
    (async () => {
      try {
        const maplibre = maplibregl;
        if (cancelled || !containerRef.current) return;
        const points = { type: 'FeatureCollection' as const, features: features.map((f) => ({ type: 'Feature' as const, properties: f.properties, geometry: { type: 'Point' as const, coordinates: centroid(f.geometry) } })) };
        const stageColor = ['match', ['get', 'stage'], ...Object.entries(STAGE_COLORS).flat(), '#ffffff'];
        const map = new maplibre.Map({
          container: containerRef.current,
          bounds: [[11.87, 50.17], [15.04, 51.69]],
          attributionControl: { compact: false, customAttribution: [config.attribution, 'Grenzen: © GeoBasis-DE / BKG'].filter(Boolean).join(' · ') },
          style: {
            version: 8,
            sources: {
              ...(config.baseTiles ? { base: { type: 'raster', tiles: [config.baseTiles], tileSize: 256 } } : {}),
              communes: { type: 'geojson', data: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, promoteId: 'ags' },
              points: { type: 'geojson', data: points as GeoJSON.FeatureCollection, promoteId: 'ags' },
              kreise: { type: 'geojson', data: kreisGeo },
            },
            layers: [
              { id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } },
              ...(config.baseTiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
              { id: 'stage', type: 'fill', source: 'communes', paint: { 'fill-color': stageColor as never, 'fill-opacity': ['case', ['==', ['get', 'stage'], null], 0.15, 0.8] as never } },
              { id: 'commune-lines', type: 'line', source: 'communes', paint: { 'line-color': '#ffffff', 'line-width': 0.5 } },
              { id: 'kreis-lines', type: 'line', source: 'kreise', paint: { 'line-color': '#1b1b1b', 'line-width': 1.4 } },
              { id: 'selected', type: 'line', source: 'communes', filter: ['==', ['get', 'ags'], ''], paint: { 'line-color': '#ffbf47', 'line-width': 4 } },
              ...(Object.keys(LAYER_COLORS) as (keyof typeof LAYER_COLORS)[]).map((l, i) => ({
                id: `layer-${l}`, type: 'circle' as const, source: 'points', filter: ['==', ['get', l], true] as never,
                paint: { 'circle-color': LAYER_COLORS[l], 'circle-radius': 4, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1, 'circle-translate': [(i - 2) * 7, 0] as [number, number] },
              })),
            ],
          },
        });
        map.addControl(new maplibre.NavigationControl({ showCompass: false }));
        map.on('click', 'stage', (e: MapLayerMouseEvent) => { const ags = e.features?.[0]?.properties?.ags as string | undefined; if (ags) openCard(ags); });
        map.on('mouseenter', 'stage', () => { map.getCanvas().style.cursor = 'pointer'; });
        map.on('mouseleave', 'stage', () => { map.getCanvas().style.cursor = ''; });
        map.on('error', (e: MapErrorEvent) => { if (String(e.error?.message ?? '').includes('WebGL')) setMapFailed(true); });
        map.getCanvas().setAttribute('aria-label', t('map.canvasLabel'));
        mapRef.current = map;
      } catch {
        if (!cancelled) setMapFailed(true);
      }
    })();
    return () => { cancelled = true; };
  }, [features, settings.data, kreise.data, mapFailed, t]);
  useEffect(() => () => { mapRef.current?.remove(); mapRef.current = null; }, []);

  // Slider moves: replace the data of the loaded map.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !features) return;
    const apply = () => {
      (map.getSource('communes') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection);
      (map.getSource('points') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: centroid(f.geometry) } })) } as GeoJSON.FeatureCollection);
    };
    if (map.isStyleLoaded()) apply(); else map.once('load', apply);
  }, [features]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      for (const l of Object.keys(LAYER_COLORS)) if (map.getLayer(`layer-${l}`)) map.setLayoutProperty(`layer-${l}`, 'visibility', visible.has(l as Layer) ? 'visible' : 'none');
      if (map.getLayer('stage')) map.setLayoutProperty('stage', 'visibility', visible.has('contacted') ? 'visible' : 'none');
      if (map.getLayer('selected')) map.setFilter('selected', ['==', ['get', 'ags'], selected ?? '']);
    };
    if (map.isStyleLoaded()) apply(); else map.once('load', apply);
  }, [visible, selected, features]);

  const error = settings.error ?? base.error ?? outlines.error ?? timeline.error;
  if (error) return <><PageTitle>{t('map.title')}</PageTitle><ErrorAlert error={error} /></>;
  if (!features || !settings.data || !current) return <><PageTitle>{t('map.title')}</PageTitle><Loading /></>;
  const start = settings.data.start;
  const maxIndex = daysBetween(start, settings.data.today);
  const districtName = new Map(districts.data?.items.map((d) => [d.ags, d.name]) ?? []);
  const counts = Object.fromEntries(LAYERS.map((l) => [l, features.filter((f) => f.properties[l]).length])) as Record<Layer, number>;
  const byStage = (Object.keys(STAGE_COLORS) as Stage[]).map((s) => [s, features.filter((f) => f.properties.stage === s).length] as const);
  const rows = features.filter((f) => !onlyAlliance || f.properties.stage !== null || f.properties.modelCommune).sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'de'));
  const card = selected ? features.find((f) => f.properties.ags === selected) : null;
  const toggle = (l: Layer) => { const next = new Set(visible); if (next.has(l)) next.delete(l); else next.add(l); setVisible(next); };

  return (
    <>
      <PageTitle>{t('map.title')}</PageTitle>
      <p>{t('map.intro')}</p>
      <div className="map-controls card">
        <div className="field">
          <label htmlFor="map-day">{t('map.slider')}</label>
          <input id="map-day" type="range" min={0} max={maxIndex} step={1} value={daysBetween(start, current)}
            aria-valuetext={formatDate(current, locale)} onChange={(e) => setDay(addDays(start, Number(e.target.value)))} />
        </div>
        <div className="field">
          <label htmlFor="map-date">{t('map.date')}</label>
          <input id="map-date" type="date" min={start} max={settings.data.today} value={current}
            onChange={(e) => { if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && e.target.value >= start && e.target.value <= settings.data!.today) setDay(e.target.value); }} />
        </div>
        <p className="map-state" role="status" aria-live="polite">
          {t('map.stateOn', { date: formatDate(current, locale), agreement: counts.agreement, contacted: counts.contacted })}
        </p>
        <fieldset className="layers">
          <legend>{t('map.layers')}</legend>
          {LAYERS.map((l) => (
            <label key={l} className="layer-toggle">
              <input type="checkbox" checked={visible.has(l)} onChange={() => toggle(l)} />
              <span className="swatch" aria-hidden="true" style={{ background: l === 'contacted' ? STAGE_COLORS.advised : LAYER_COLORS[l] }} />
              {t(`map.layer.${l}`)} ({formatNumber(counts[l], locale)})
            </label>
          ))}
        </fieldset>
      </div>
      <div className="map-wrap">
        {mapFailed
          ? <Alert>{t('map.noWebgl')}</Alert>
          : <div ref={containerRef} className="map" role="region" aria-label={t('map.regionLabel')} />}
        <aside className="card map-card" aria-labelledby="map-card-title" aria-live="polite">
          {card ? <CommuneCard feature={card} districtName={districtName.get(card.properties.districtAgs) ?? ''} onClose={closeCard} />
            : <><h2 id="map-card-title">{t('map.legend')}</h2>
              <ul className="legend">{byStage.map(([s, n]) => <li key={s}><span className="swatch" aria-hidden="true" style={{ background: STAGE_COLORS[s] }} />{t(`stage.${s}`)}: {formatNumber(n, locale)}</li>)}</ul>
              <p className="muted">{t('map.clickHint')}</p></>}
        </aside>
      </div>
      <h2 id="map-table">{t('map.table')}</h2>
      <label className="inline"><input type="checkbox" checked={onlyAlliance} onChange={(e) => setOnlyAlliance(e.target.checked)} /> {t('map.onlyAlliance')}</label>
      <ScrollRegion label={t('map.table')}>
        <table>
          <caption>{t('map.tableCaption', { date: formatDate(current, locale), n: rows.length })}</caption>
          <thead><tr>
            <th scope="col">{t('map.col.commune')}</th><th scope="col">{t('map.col.district')}</th><th scope="col">{t('map.col.stage')}</th>
            {LAYERS.slice(1).map((l) => <th key={l} scope="col">{t(`map.layer.${l}`)}</th>)}
          </tr></thead>
          <tbody>{rows.map((f) => (
            <tr key={f.properties.ags}>
              <th scope="row"><button type="button" className="linkish" onClick={() => openCard(f.properties.ags)} aria-label={t('map.showCard', { name: f.properties.name })}>{f.properties.name}</button></th>
              <td>{districtName.get(f.properties.districtAgs) ?? ''}</td>
              <td>{f.properties.stage ? t(`stage.${f.properties.stage}`) : '–'}</td>
              {LAYERS.slice(1).map((l) => <td key={l}>{f.properties[l] ? t('yes') : ''}</td>)}
            </tr>
          ))}</tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function CommuneCard({ feature, districtName, onClose }: { feature: Feature; districtName: string; onClose: () => void }) {
  const { t, locale } = useText();
  const p = feature.properties;
  const agreements = useApi<TPublicAgreementList>(`/public/agreements?ags=${p.ags}`);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => { headingRef.current?.focus(); }, [p.ags]);
  return (
    <>
      <h2 id="map-card-title" ref={headingRef} tabIndex={-1}>{p.name}</h2>
      <dl className="facts">
        <dt>{t('map.col.district')}</dt><dd>{districtName}</dd>
        <dt>{t('map.col.stage')}</dt><dd>{p.stage ? t(`stage.${p.stage}`) : t('map.noStage')}</dd>
        <dt>{t('map.layers')}</dt><dd>{LAYERS.slice(1).filter((l) => p[l]).map((l) => t(`map.layer.${l}`)).join(', ') || '–'}</dd>
      </dl>
      {agreements.data && agreements.data.items.length > 0 && (
        <>
          <h3>{t('map.agreements')}</h3>
          <ul>{agreements.data.items.map((a) => (
            <li key={a.id}>{a.kindLabel} {t('map.signedOn', { date: formatDate(a.signedOn, locale) })}{a.endedOn ? ` (${t('map.endedOn', { date: formatDate(a.endedOn, locale) })})` : ''}: {a.parties.map((x) => x.label).join(', ')}</li>
          ))}</ul>
        </>
      )}
      <p><Link to={`/gemeinden/${p.ags}`}>{t('map.toCommune')}</Link></p>
      <button type="button" className="btn secondary" onClick={onClose}>{t('map.closeCard')}</button>
    </>
  );
}
