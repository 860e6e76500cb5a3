import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { containsPoint, labelPointOf } from '../../../lib/geo.js';
import { communes } from '../../communes/schema.js';
import { buildAnalysis, openFieldPhase } from './factories.js';
import type { TProjectRecord } from '../surveys.types.js';

let t: TestApp;
let project: TProjectRecord;
let analyst: Session;
let commune: unknown;
beforeAll(async () => {
  t = await createTestApp({ SURVEY_RATE_LIMIT: '1000', MAP_BASE_TILES: 'https://tiles.example/{z}/{x}/{y}.png', MAP_BASE_ATTRIBUTION: '© Beispiel-Kacheln' });
  ({ project, analyst } = await buildAnalysis(t, { ags: '14521550' }));
  commune = (await t.database.db.select({ g: communes.geometry }).from(communes).where(eq(communes.ags, '14521550')))[0]!.g;
});
afterAll(async () => { await t?.close(); });

const call = (method: 'GET' | 'PUT', url: string, payload?: unknown, session = analyst) => t.app.inject({ method, url: `/api/analyses/${project.id}${url}`, headers: session.headers, payload: payload as object });
const square = (lon: number, lat: number, r = 0.006) => ({ type: 'Polygon', coordinates: [[[lon - r, lat - r], [lon + r, lat - r], [lon + r, lat + r], [lon - r, lat + r], [lon - r, lat - r]]] });
const feature = (name: unknown, geometry: unknown) => ({ type: 'Feature', properties: name === undefined ? {} : { name }, geometry });
/** Two small synthetic Ortsteile inside Schwarzenberg's outline (a test fixture, not real boundaries). */
function fixture() {
  const [lon, lat] = labelPointOf(commune)!;
  const west = [lon - 0.008, lat]; const east = [lon + 0.008, lat];
  expect(containsPoint(commune, west[0]!, west[1]!) && containsPoint(commune, east[0]!, east[1]!)).toBe(true);
  return { type: 'FeatureCollection', features: [feature('Altstadt', square(west[0]!, west[1]!)), feature('Heide', square(east[0]!, east[1]!))] };
}
const version = async () => (await call('GET', '')).json().version as number;

describe('Ortsteile on the maps', () => {
  it('the analyst uploads Ortsteil boundaries; they are checked as a whole, stored, audited and on the map', async () => {
    expect((await call('PUT', '/districts', { districts: ['Altstadt', 'Heide', 'Bermsgrün'], version: await version() })).statusCode).toBe(200);
    const res = await call('PUT', '/district-areas', { areas: fixture(), version: await version() });
    expect(res.statusCode).toBe(200);
    expect(res.json().districtAreas).toEqual(['Altstadt', 'Heide']);
    const audit = await t.database.db.execute(sql`select after from audit_log where action = 'analysis_project.district_areas_updated' and entity_id = ${project.id}`) as unknown as { rows: { after: { districtAreas: string[] } }[] };
    expect(audit.rows.map((r) => r.after.districtAreas)).toEqual([['Altstadt', 'Heide']]);
    const map = (await call('GET', '/map')).json();
    expect(map.commune.name).toBe('Schwarzenberg/Erzgeb.');
    expect(map.districts.map((d: { name: string }) => d.name)).toEqual(['Altstadt', 'Heide']);
    for (const d of map.districts) expect(containsPoint(d.geometry, d.label[0], d.label[1])).toBe(true);
    // The neighbours give orientation: communes that border Schwarzenberg, with their names.
    expect(map.neighbours.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['Breitenbrunn/Erzgeb.']));
    expect(map.neighbours.some((n: { name: string }) => n.name === 'Schwarzenberg/Erzgeb.')).toBe(false);
    expect(map).toMatchObject({ baseTiles: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© Beispiel-Kacheln' });
  });

  it('refuses a broken file as a whole, naming each feature and what is wrong with it, in German', async () => {
    const notCollection = await call('PUT', '/district-areas', { areas: { type: 'Feature' }, version: await version() });
    expect(notCollection.statusCode).toBe(422);
    expect(notCollection.json().detail).toContain('keine GeoJSON-FeatureCollection');
    const good = fixture().features;
    const res = await call('PUT', '/district-areas', { version: await version(), areas: { type: 'FeatureCollection', features: [
      good[0], feature(undefined, good[1]!.geometry), feature('Bermsgrün', { type: 'Point', coordinates: [12.78, 50.54] }),
      feature('Sonnenleithe', square(12.0, 51.0)), feature('Heide', square(13.5, 51.0)),
    ] } });
    expect(res.statusCode).toBe(422);
    const messages = (res.json().errors as { field: string; message: string }[]).map((e) => `${e.field}: ${e.message}`);
    expect(messages).toEqual([
      'areas.features.2: Ortsteil Nr. 2: Es fehlt der Name (Eigenschaft „name“).',
      'areas.features.3: Ortsteil Nr. 3 („Bermsgrün“): Die Geometrie ist kein gültiges Polygon oder MultiPolygon (Längen- und Breitengrade in WGS 84).',
      'areas.features.4: Ortsteil Nr. 4 („Sonnenleithe“): Diesen Ortsteil gibt es in der Analyse nicht (Ortsteile der Analyse: Altstadt, Heide, Bermsgrün).',
      'areas.features.4: Ortsteil Nr. 4 („Sonnenleithe“) liegt außerhalb der Gemeinde (oder die Koordinaten sind nicht in Längen- und Breitengraden, WGS 84).',
      'areas.features.5: Ortsteil Nr. 5 („Heide“) liegt außerhalb der Gemeinde (oder die Koordinaten sind nicht in Längen- und Breitengraden, WGS 84).',
    ]);
    expect(res.json().detail).toMatch(/^Ortsteilgrenzen nicht übernommen, 5 Fehler\./);
    // Nothing of it was stored.
    expect((await call('GET', '')).json().districtAreas).toEqual(['Altstadt', 'Heide']);
    const duplicate = await call('PUT', '/district-areas', { version: await version(), areas: { type: 'FeatureCollection', features: [good[0], good[0]] } });
    expect(duplicate.json().errors[0].message).toContain('mehrfach');
  });

  it('checks the version, keeps others out, and removes the boundaries with null', async () => {
    const stale = await call('PUT', '/district-areas', { areas: null, version: 1 });
    expect(stale.statusCode).toBe(409);
    const other = await buildAnalysis(t, { ags: '14521550' });
    expect((await call('PUT', '/district-areas', { areas: null, version: await version() }, other.analyst)).statusCode).toBe(404);
    expect((await call('GET', '/map', undefined, other.analyst)).statusCode).toBe(404);
    const removed = await call('PUT', '/district-areas', { areas: null, version: await version() });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().districtAreas).toEqual([]);
    expect((await call('GET', '/map')).json().districts).toEqual([]);
  });
});

describe('the respondents\' side', () => {
  it('reads plain headings, gets the map of the commune, and resumes on the page where the person stopped', async () => {
    await call('PUT', '/district-areas', { areas: fixture(), version: await version() });
    const codes = await openFieldPhase(t, analyst, project.id, 30);
    const open = async (code: string) => (await t.app.inject({ method: 'POST', url: '/api/public/survey/open', payload: { code } })).json();
    const opened = await open(codes[0]!);
    const titles = (opened.surveyJson.pages as { title: { de: string; en: string } }[]).map((p) => p.title);
    expect(titles).toContainEqual({ de: 'Wie sicher fühlen Sie sich?', en: 'How safe do you feel?' });
    expect(titles).toContainEqual({ de: 'Probleme in Ihrer Wohngegend', en: 'Problems in your neighbourhood' });
    expect(JSON.stringify(titles)).not.toMatch(/Kriminalitätsfurcht|Incivilities/);
    expect(opened.page).toBe(0);
    expect(opened.map.commune.name).toBe('Schwarzenberg/Erzgeb.');
    expect(opened.map.districts.map((d: { name: string }) => d.name)).toEqual(['Altstadt', 'Heide']);
    expect(opened.map.attribution).toBe('© Beispiel-Kacheln');
    const saved = await t.app.inject({ method: 'PUT', url: '/api/public/survey/draft', payload: { code: codes[0], answers: { AF01: 2 }, page: 3 } });
    expect(saved.json()).toEqual({ saved: true });
    expect(await open(codes[0]!)).toMatchObject({ answers: { AF01: 2 }, page: 3 });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/public/survey/draft', payload: { code: codes[0], answers: {}, page: -1 } });
    expect(bad.statusCode).toBe(400);
  });
});
