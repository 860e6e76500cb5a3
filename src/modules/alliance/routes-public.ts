import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { districts } from '../communes/schema.js';
import type { App } from '../../server/modules.js';
import { computeFigures, figureDefinitions } from '../../server/figures.js';
import { monthEnds, todayIso } from '../../lib/dates.js';
import { ZAgs } from '../communes/communes.types.js';
import { alliancePolicy as policy } from './policy.js';
import * as T from './alliance.types.js';
import { pressText, type HeadlineFigures } from './press-text.js';
import { publicMap, publicMapTimeline } from './map.js';
import { listPublicAgreements } from './agreements/list-public-agreements.js';
import { ZPublicAgreementList } from './agreements/agreements.types.js';
import { listFieldsOfAction } from './admin/list-fields-of-action.js';
import { ZFieldOfActionList } from './admin/admin.types.js';

const tags = ['Öffentlich: Kennzahlen und Karte'];
/** The alliance was founded with its model communes in February 2019; series start with that year. */
export const ALLIANCE_START = '2019-01-01';

export async function publicRoutes(app: App) {
  const { db } = app.database;
  const definitions = () => figureDefinitions(app.platformModules);

  async function headline(asOf: string): Promise<HeadlineFigures> {
    const values = await computeFigures(db, definitions(), [asOf]);
    const pick = (k: string) => values[k]?.[0] ?? 0;
    return {
      asOf, communesAdvised: pick('communesAdvised'), communesCooperating: pick('communesCooperating'), councils: pick('councils'),
      agreements: pick('agreements'), coachingProcesses: pick('coachingProcesses'), safetyAnalyses: pick('safetyAnalyses'), fundingCommitted: pick('fundingCommitted'),
    };
  }

  app.get('/public/figures', {
    config: { access: policy.public },
    schema: { tags, summary: 'Landesweite Kennzahlen zu einem Stichtag (live aus den Datensätzen berechnet)', querystring: T.ZAsOfQuery, response: { 200: T.ZFigures } },
  }, async (request) => headline(request.query.asOf ?? todayIso()));

  app.get('/public/figures/series', {
    config: { access: policy.public },
    schema: { tags, summary: 'Verlauf jeder Kennzahl (Monatsende) für Diagramme', querystring: T.ZSeriesQuery, response: { 200: T.ZFigureSeries } },
  }, async (request) => {
    const to = request.query.to ?? todayIso();
    const days = monthEnds(request.query.from ?? ALLIANCE_START, to);
    const defs = definitions();
    const values = await computeFigures(db, defs, days);
    return { days, figures: defs.map((d) => ({ key: d.key, label: d.label[request.query.lang], unit: d.unit, source: d.source, values: values[d.key]! })) };
  });

  app.get('/public/figures/press-text', {
    config: { access: policy.public },
    schema: { tags, summary: 'Textbaustein „Hintergrundinformationen zu »ASSKomm«“ mit aktuellen Zahlen', querystring: T.ZAsOfQuery, response: { 200: T.ZPressText } },
  }, async (request) => {
    const asOf = request.query.asOf ?? todayIso();
    return { asOf, ...pressText(await headline(asOf)) };
  });

  app.get('/public/map', {
    config: { access: policy.public },
    schema: { tags, summary: 'Alle Gemeinden als GeoJSON mit Stufe und Kartenebenen zu einem Stichtag', querystring: T.ZAsOfQuery, response: { 200: T.ZMap } },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return publicMap(db, request.query.asOf ?? todayIso());
  });

  app.get('/public/map/timeline', {
    config: { access: policy.public },
    schema: { tags, summary: 'Alle Änderungen von Stufe und Kartenebenen je Gemeinde (für den Datumsregler)', response: { 200: T.ZMapTimeline } },
  }, async () => publicMapTimeline(db, ALLIANCE_START, todayIso()));

  app.get('/public/map/districts', {
    config: { access: policy.public },
    schema: { tags, summary: 'Grenzen der Landkreise und kreisfreien Städte als GeoJSON', response: { 200: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature'), geometry: z.unknown(), properties: z.object({ ags: z.string(), name: z.string() }) })) }) } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    const rows = await db.select({ ags: districts.ags, name: districts.name, geometry: districts.geometry }).from(districts).orderBy(asc(districts.ags));
    return { type: 'FeatureCollection' as const, features: rows.map((r) => ({ type: 'Feature' as const, geometry: r.geometry, properties: { ags: r.ags, name: r.name } })) };
  });

  app.get('/public/map/settings', {
    config: { access: policy.public },
    schema: { tags, summary: 'Optionale Hintergrundkarte (nur wenn konfiguriert)', response: { 200: z.object({ baseTiles: z.string().nullable(), attribution: z.string(), start: z.string(), today: z.string() }) } },
  }, async () => ({ baseTiles: app.config.mapBase?.tiles ?? null, attribution: app.config.mapBase?.attribution ?? '', start: ALLIANCE_START, today: todayIso() }));

  app.get('/public/agreements', {
    config: { access: policy.public },
    schema: { tags, summary: 'Eckdaten unterzeichneter Vereinbarungen: Parteien, Datum, Module', querystring: z.object({ ags: ZAgs.optional() }), response: { 200: ZPublicAgreementList } },
  }, async (request) => listPublicAgreements(db, request.query.ags));

  app.get('/fields-of-action', {
    config: { access: policy.public },
    schema: { tags: ['Handlungsfelder'], summary: 'Die gepflegte Liste der Handlungsfelder', response: { 200: ZFieldOfActionList } },
  }, async () => ({ items: await listFieldsOfAction(db) }));
}
