import { z } from 'zod';
import type { App } from '../../../server/modules.js';
import { access } from '../../../server/http/access.js';
import { SERIES_START } from '../../../server/figures.js';
import { ZAsOfQuery } from '../../../server/aggregates/aggregates.types.js';
import { todayIso } from '../../../lib/dates.js';
import { ZAgs } from '../../communes/communes.types.js';
import { listPublicAgreements } from '../agreements/list-public-agreements.js';
import { ZPublicAgreementList } from '../agreements/agreements.types.js';
import { listFieldsOfAction } from '../admin/list-fields-of-action.js';
import { ZFieldOfActionList } from '../admin/admin.types.js';
import { publicMap, publicMapTimeline } from './map.js';
import { ZMap, ZMapSettings, ZMapTimeline } from './public.types.js';

const tags = ['Öffentlich: Kennzahlen und Karte'];

/** What the alliance shows everyone: the map of participating communes (any day since 2019), signed agreements, fields of action. */
export async function publicRoutes(app: App) {
  const { db } = app.database;

  // Cached until a record they are computed from changes (config.publicAnswer); the same for every viewer.
  app.get('/public/map', {
    config: { access: access.public, publicAnswer: true },
    schema: { tags, summary: 'Stufe und Kartenebenen jeder Gemeinde zu einem Stichtag; die Umrisse stehen in der genannten unveränderlichen Datei', querystring: ZAsOfQuery, response: { 200: ZMap } },
  }, async (request) => publicMap(db, request.query.asOf ?? todayIso(), {
    communes: await app.publicAnswers.documentUrl('communes'),
    districts: await app.publicAnswers.documentUrl('districts'),
  }, await app.publicAnswers.sharedMemo()));

  app.get('/public/map/timeline', {
    config: { access: access.public, publicAnswer: true },
    schema: { tags, summary: 'Alle Änderungen von Stufe und Kartenebenen je Gemeinde (für den Datumsregler)', response: { 200: ZMapTimeline } },
  }, async () => publicMapTimeline(db, SERIES_START, todayIso(), await app.publicAnswers.sharedMemo()));

  app.get('/public/map/settings', {
    config: { access: access.public, publicAnswer: { sources: [] } },
    schema: { tags, summary: 'Optionale Hintergrundkarte (nur wenn konfiguriert)', response: { 200: ZMapSettings } },
  }, async () => ({ baseTiles: app.config.mapBase?.tiles ?? null, attribution: app.config.mapBase?.attribution ?? '', start: SERIES_START, today: todayIso() }));

  app.get('/public/agreements', {
    config: { access: access.public, publicAnswer: true },
    schema: { tags, summary: 'Eckdaten unterzeichneter Vereinbarungen: Parteien, Datum, Module', querystring: z.object({ ags: ZAgs.optional() }), response: { 200: ZPublicAgreementList } },
  }, async (request) => listPublicAgreements(db, request.query.ags));

  app.get('/fields-of-action', {
    config: { access: access.public, publicAnswer: { sources: ['fields_of_action'] } },
    schema: { tags: ['Handlungsfelder'], summary: 'Die gepflegte Liste der Handlungsfelder', response: { 200: ZFieldOfActionList } },
  }, async () => ({ items: await listFieldsOfAction(db) }));
}
