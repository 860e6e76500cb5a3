/**
 * Dev-time only: derives the reference data the app ships in ./data from ../shared/data.
 * The running app never reads ../shared. Re-run after the shared data changes:
 *   npm run data:prepare
 */
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import polygonClipping from 'polygon-clipping';
import { parseCsv, toCsv } from '../src/lib/csv.js';

const shared = join(import.meta.dirname, '../../shared/data');
const out = join(import.meta.dirname, '../data');
mkdirSync(join(out, 'registry'), { recursive: true });
mkdirSync(join(out, 'geo'), { recursive: true });

const read = (p: string) => parseCsv(readFileSync(join(shared, p), 'utf8'));
const g2022 = read('registry/sn_gemeinden_destatis_gv_2022-12-31.csv');
const g2023 = read('registry/sn_gemeinden_destatis_gv_2023-12-31.csv');
const verbaende2022 = read('registry/sn_gemeindeverbaende_destatis_gv_2022-12-31.csv');

const MERGERS: Record<string, string[]> = { '14522275': ['14522450', '14522620'] }; // Jahnatal, 01.01.2023
const by2022 = new Map(g2022.map((r) => [r.ags, r]));

// 2023 numbers, 2022 attributes (type, Textkennzeichen, Verband); new communes derive theirs from the ARS.
const communes = g2023.map((r) => {
  const old = by2022.get(r.ags!);
  const verbandArs = r.ars!.slice(0, 9);
  return {
    ags: r.ags!, ars: r.ars!, name: r.name!,
    gemeinde_typ: old?.gemeinde_typ ?? 'Gemeinde',
    textkennzeichen: old?.textkennzeichen ?? '64',
    kreis_ags: r.kreis_ags!,
    gemeindeverband_ars: old?.gemeindeverband_ars ?? verbandArs,
    flaeche_km2: r.flaeche_km2!, bevoelkerung: r.bevoelkerung!, bevoelkerung_m: r.bevoelkerung_m!, bevoelkerung_w: r.bevoelkerung_w!,
    plz: r.plz!, lon: r.lon!, lat: r.lat!,
  };
});
const present = new Set(communes.map((c) => c.ags));
const verbaende = verbaende2022
  .map((v) => ({ row: v, members: v.mitglieder_ags!.split(' ').filter((a) => present.has(a)) }))
  .filter((v) => v.members.length > 0);
for (const c of communes) {
  if (!verbaende.some((v) => v.row.gemeindeverband_ars === c.gemeindeverband_ars)) {
    verbaende.push({ row: { gemeindeverband_ars: c.gemeindeverband_ars, name: c.name, typ: 'verbandsfreie Gemeinde', textkennzeichen: '50', kreis_ags: c.kreis_ags }, members: [c.ags] });
  }
}
writeFileSync(join(out, 'registry/sn_gemeinden_2023-12-31.csv'), toCsv(communes));
writeFileSync(join(out, 'registry/sn_gemeindeverbaende_2023-12-31.csv'), toCsv(verbaende.map((v) => ({
  gemeindeverband_ars: v.row.gemeindeverband_ars!, name: v.row.name!, typ: v.row.typ!, textkennzeichen: v.row.textkennzeichen!, kreis_ags: v.row.kreis_ags!,
  anzahl_gemeinden: String(v.members.length), mitglieder_ags: v.members.join(' '),
}))));
for (const f of ['sn_kreise_destatis_gv_2022-12-31.csv', 'sn_polizeidirektionen.csv']) {
  copyFileSync(join(shared, 'registry', f), join(out, 'registry', f));
  copyFileSync(join(shared, 'registry', f + '.LICENSE.txt'), join(out, 'registry', f + '.LICENSE.txt'));
}
writeFileSync(join(out, 'registry/sn_gemeinden_2023-12-31.csv.LICENSE.txt'),
  readFileSync(join(shared, 'registry/sn_gemeinden_destatis_gv_2023-12-31.csv.LICENSE.txt'), 'utf8') +
  '\nMerged by this project with attributes (type, Textkennzeichen, Gemeindeverband) from sn_gemeinden_destatis_gv_2022-12-31.csv:\n' +
  readFileSync(join(shared, 'registry/sn_gemeinden_destatis_gv_2022-12-31.csv.LICENSE.txt'), 'utf8'));
writeFileSync(join(out, 'registry/sn_gemeindeverbaende_2023-12-31.csv.LICENSE.txt'),
  readFileSync(join(shared, 'registry/sn_gemeindeverbaende_destatis_gv_2022-12-31.csv.LICENSE.txt'), 'utf8') +
  '\nUpdated by this project to the territorial status of 31.12.2023: VG Ostrau dissolved (Ostrau and Zschaitz-Ottewig merged into Jahnatal, 14522275, verbandsfrei).\n');

// Geometry: 419 features (2021) -> 418 (2023) by merging the predecessors' polygons into their successor.
type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: any } };
const geo = JSON.parse(readFileSync(join(shared, 'geo/sn_gemeinden_bkg_vg5000_2021-01-01.geojson'), 'utf8')) as { features: Feature[] };
const merged = new Set(Object.values(MERGERS).flat());
const features: Feature[] = geo.features
  .filter((f) => !merged.has(String(f.properties.AGS)))
  .map((f) => ({ type: 'Feature', properties: { ags: f.properties.AGS }, geometry: f.geometry }));
for (const [successor, parts] of Object.entries(MERGERS)) {
  const polys = parts.map((ags) => geo.features.find((f) => f.properties.AGS === ags)!.geometry.coordinates);
  const union = polygonClipping.union(polys[0], ...polys.slice(1));
  const rounded = union.map((poly) => poly.map((ring) => ring.map(([x, y]) => [Math.round(x! * 1e5) / 1e5, Math.round(y! * 1e5) / 1e5])));
  features.push({ type: 'Feature', properties: { ags: successor },
    geometry: rounded.length === 1 ? { type: 'Polygon', coordinates: rounded[0] } : { type: 'MultiPolygon', coordinates: rounded } });
}
features.sort((a, b) => String(a.properties.ags).localeCompare(String(b.properties.ags)));
if (features.length !== 418) throw new Error(`expected 418 commune geometries, got ${features.length}`);
writeFileSync(join(out, 'geo/sn_gemeinden_2023.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
writeFileSync(join(out, 'geo/sn_gemeinden_2023.geojson.LICENSE.txt'),
  readFileSync(join(shared, 'geo/sn_gemeinden_bkg_vg5000_2021-01-01.geojson.LICENSE.txt'), 'utf8') +
  '\nFurther changes by this project: attributes reduced to AGS; Ostrau (14522450) and Zschaitz-Ottewig (14522620) merged by polygon union into Jahnatal (14522275), territorial status 01.01.2023.\n');
const kreise = JSON.parse(readFileSync(join(shared, 'geo/sn_kreise_bkg_vg250_2023-12-31_sim200.geojson'), 'utf8')) as { features: Feature[] };
writeFileSync(join(out, 'geo/sn_kreise_2023.geojson'), JSON.stringify({ type: 'FeatureCollection',
  features: kreise.features.map((f) => ({ type: 'Feature', properties: { ags: f.properties.AGS }, geometry: f.geometry })) }));
copyFileSync(join(shared, 'geo/sn_kreise_bkg_vg250_2023-12-31_sim200.geojson.LICENSE.txt'), join(out, 'geo/sn_kreise_2023.geojson.LICENSE.txt'));
console.log(`communes ${communes.length}, verbaende ${verbaende.length}, geometries ${features.length}`);
