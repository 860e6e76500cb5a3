import { createElement, useEffect, useId, useRef, useState } from 'react';
import { CustomError, ElementFactory, Question, Serializer, type ItemValue, type SurveyError } from 'survey-core';
import { ReactQuestionFactory, SurveyQuestionElementBase } from 'survey-react-ui';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { TMapBase } from '../../../modules/surveys/surveys.types.js';
import { areaBounds, areaLabelElements, areaMapStyle } from '../../ui/area-map.js';

maplibregl.setWorkerUrl(workerUrl);

export interface Place { lat?: number; lon?: number; reason?: number; time?: number; note?: string }

/** SurveyJS model of the Angsträume question: up to `maxPlaces` places with reason and time of day. */
export class QuestionFearPlacesModel extends Question {
  constructor(name: string) {
    super(name);
    // The serializer fills these arrays in place (like a choice question's choices).
    this.createItemValues('reasons');
    this.createItemValues('times');
  }
  override getType() { return 'fearplaces'; }
  get maxPlaces(): number { return this.getPropertyValue('maxPlaces', 5); }
  set maxPlaces(v: number) { this.setPropertyValue('maxPlaces', v); }
  get bbox(): [number, number, number, number] | null { return this.getPropertyValue('bbox', null); }
  set bbox(v: [number, number, number, number] | null) { this.setPropertyValue('bbox', v); }
  /** Answer options as SurveyJS item values: their text follows the survey's language. */
  get reasons(): ItemValue[] { return this.getPropertyValue('reasons'); }
  set reasons(v: ItemValue[]) { this.setPropertyValue('reasons', v); }
  get times(): ItemValue[] { return this.getPropertyValue('times'); }
  set times(v: ItemValue[]) { this.setPropertyValue('times', v); }
  /** The commune, its neighbours and Ortsteile (from the opened survey; not part of the frozen JSON). */
  mapBase: TMapBase | null = null;
  /** Every listed place needs a location or description, a reason and a time of day before the page can be left. */
  protected override onCheckForErrors(errors: SurveyError[], isOnValueChanged: boolean, fireCallback: boolean) {
    super.onCheckForErrors(errors, isOnValueChanged, fireCallback);
    const en = (this.survey as unknown as { locale?: string })?.locale === 'en';
    const places: Place[] = Array.isArray(this.value) ? this.value : [];
    places.forEach((p, i) => {
      const missing = [
        p.lat === undefined && !p.note?.trim() ? (en ? 'a location or description' : 'eine Markierung oder Beschreibung') : null,
        p.reason === undefined ? (en ? 'a reason' : 'einen Grund') : null,
        p.time === undefined ? (en ? 'the time of day' : 'die Tageszeit') : null,
      ].filter(Boolean);
      if (missing.length) errors.push(new CustomError(en ? `Place ${i + 1}: please give ${missing.join(', ')}.` : `Ort ${i + 1}: Bitte ${missing.join(', ')} angeben.`, this));
    });
  }
}
Serializer.addClass('fearplaces', [
  { name: 'maxPlaces:number', default: 5 }, { name: 'bbox:array' }, { name: 'reasons:itemvalue[]' }, { name: 'times:itemvalue[]' },
], () => new QuestionFearPlacesModel(''), 'question');
ElementFactory.Instance.registerElement('fearplaces', (name) => new QuestionFearPlacesModel(name));

const TEXT = {
  de: {
    map: 'Karte der Gemeinde. Mit den Pfeiltasten verschieben, mit + und − zoomen.', markCenter: 'Ort in der Kartenmitte markieren', hint: 'Tippen oder klicken Sie auf die Karte, um einen Ort zu markieren – oder verschieben Sie die Karte und markieren Sie die Mitte. Sie können einen Ort auch nur beschreiben.',
    describe: 'Ort nur beschreiben (ohne Karte)', place: 'Ort', reason: 'Warum fühlen Sie sich dort unsicher?', time: 'Wann?', note: 'Beschreibung (z. B. Straße, Haltestelle)', remove: 'Ort entfernen', choose: 'bitte wählen', full: 'Sie haben die Höchstzahl von Orten markiert.', onMap: 'auf der Karte markiert', count: '{n} von {max} Orten',
  },
  en: {
    map: 'Map of the town. Move it with the arrow keys, zoom with + and −.', markCenter: 'Mark the place at the centre of the map', hint: 'Tap or click the map to mark a place – or move the map and mark its centre. You can also just describe a place.',
    describe: 'Describe a place (without the map)', place: 'Place', reason: 'Why do you feel unsafe there?', time: 'When?', note: 'Description (e.g. street, stop)', remove: 'Remove place', choose: 'please choose', full: 'You have marked the maximum number of places.', onMap: 'marked on the map', count: '{n} of {max} places',
  },
};

function FearPlacesInput({ question }: { question: QuestionFearPlacesModel }) {
  const locale = (question.survey as unknown as { locale?: string })?.locale === 'en' ? 'en' : 'de';
  const t = TEXT[locale];
  const [places, setPlaces] = useState<Place[]>(() => (Array.isArray(question.value) ? question.value : []));
  const mapDiv = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markers = useRef<maplibregl.Marker[]>([]);
  const [mapFailed, setMapFailed] = useState(false);
  const id = useId();
  const max = question.maxPlaces;
  const update = (next: Place[]) => { setPlaces(next); question.value = next.length ? next : undefined; };
  const add = (p: Place) => { if (places.length < max) update([...places, p]); };

  useEffect(() => {
    if (!mapDiv.current || mapRef.current) return;
    try {
      const base: TMapBase = question.mapBase ?? { commune: null, neighbours: [], districts: [], baseTiles: null, attribution: '' };
      const bounds = areaBounds(base, question.bbox ?? [12.0, 50.2, 15.0, 51.7])!;
      const map = new maplibregl.Map({
        container: mapDiv.current, bounds, fitBoundsOptions: { padding: 16 }, style: areaMapStyle(base),
        attributionControl: { compact: false, customAttribution: base.attribution && !base.baseTiles ? base.attribution : undefined },
      });
      map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
      map.getCanvas().setAttribute('aria-label', t.map);
      for (const l of areaLabelElements(base)) new maplibregl.Marker({ element: l.element }).setLngLat(l.at).addTo(map);
      mapRef.current = map;
    } catch { setMapFailed(true); }
    return () => { mapRef.current?.remove(); mapRef.current = null; };
  }, [question, t.map]);

  // Clicks add a place; markers follow the list.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const onClick = (e: maplibregl.MapMouseEvent) => add({ lat: e.lngLat.lat, lon: e.lngLat.lng });
    map.on('click', onClick);
    markers.current.forEach((m) => m.remove());
    markers.current = places.map((p, i) => {
      if (p.lat === undefined || p.lon === undefined) return null;
      const el = document.createElement('div');
      el.className = 'fp-marker';
      el.textContent = String(i + 1);
      el.setAttribute('aria-hidden', 'true');
      return new maplibregl.Marker({ element: el }).setLngLat([p.lon, p.lat]).addTo(map);
    }).filter((m): m is maplibregl.Marker => m !== null);
    return () => { map.off('click', onClick); };
  });

  const set = (i: number, patch: Partial<Place>) => update(places.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="fear-places">
      <p id={`${id}-hint`} className="fp-hint">{t.hint}</p>
      {!mapFailed && (
        <div className="fp-map-wrap">
          <div ref={mapDiv} className="fp-map" role="region" aria-label={t.map} aria-describedby={`${id}-hint`} />
          <div className="fp-crosshair" aria-hidden="true">+</div>
        </div>
      )}
      <div className="fp-actions">
        {!mapFailed && <button type="button" className="btn secondary" disabled={places.length >= max} onClick={() => { const c = mapRef.current?.getCenter(); if (c) add({ lat: c.lat, lon: c.lng }); }}>{t.markCenter}</button>}
        <button type="button" className="btn secondary" disabled={places.length >= max} onClick={() => add({ note: '' })}>{t.describe}</button>
      </div>
      <p aria-live="polite" className="fp-count">{places.length >= max ? t.full : t.count.replace('{n}', String(places.length)).replace('{max}', String(max))}</p>
      <ol className="fp-list">
        {places.map((p, i) => (
          <li key={i}>
            <fieldset>
              <legend>{t.place} {i + 1}{p.lat !== undefined ? ` (${t.onMap})` : ''}</legend>
              <label>{t.reason}
                <select value={p.reason ?? ''} onChange={(e) => set(i, { reason: e.target.value ? Number(e.target.value) : undefined })}>
                  <option value="">{t.choose}</option>{question.reasons.map((r) => <option key={String(r.value)} value={String(r.value)}>{r.text}</option>)}
                </select>
              </label>
              <label>{t.time}
                <select value={p.time ?? ''} onChange={(e) => set(i, { time: e.target.value ? Number(e.target.value) : undefined })}>
                  <option value="">{t.choose}</option>{question.times.map((r) => <option key={String(r.value)} value={String(r.value)}>{r.text}</option>)}
                </select>
              </label>
              <label>{t.note}<input type="text" maxLength={300} value={p.note ?? ''} onChange={(e) => set(i, { note: e.target.value })} /></label>
              <button type="button" className="btn secondary" onClick={() => update(places.filter((_, j) => j !== i))}>{t.remove} {i + 1}</button>
            </fieldset>
          </li>
        ))}
      </ol>
    </div>
  );
}

class SurveyQuestionFearPlaces extends SurveyQuestionElementBase {
  protected override renderElement() { return createElement(FearPlacesInput, { question: this.questionBase as QuestionFearPlacesModel }); }
}
ReactQuestionFactory.Instance.registerQuestion('fearplaces', (props) => createElement(SurveyQuestionFearPlaces, props));
