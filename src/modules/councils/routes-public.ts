import { z } from 'zod';
import { getTableName } from 'drizzle-orm';
import type { App } from '../../server/modules.js';
import { access } from '../../server/http/access.js';
import { ZListQuery } from '../../server/http/paging.js';
import { ZString } from '../../server/http/zod.js';
import * as T from './councils.types.js';
import * as P from './public-views.js';
import { getPublicCouncil, getPublicMeeting, listPublicCouncils, publicFile } from './public-councils.js';
import { councilCalendar, memberCalendar } from './calendar-feeds.js';
import { sendCouncilFile } from './council-files.js';
import { COUNCIL_TABLES } from './tables.js';
import { communes } from '../communes/schema.js';

/** Public answers read the council tables and commune names; they are cached until one of them changes. */
const publicAnswer = { sources: [...COUNCIL_TABLES.map((t) => getTableName(t)), getTableName(communes)] };

export async function publicCouncilRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Öffentlich: Präventionsräte'];

  app.get('/public/councils', {
    config: { access: access.public, publicAnswer },
    schema: { tags, summary: 'Alle Präventionsräte mit Stand', querystring: ZListQuery(['name'] as const, { sort: 'name', limit: 100 }), response: { 200: P.ZPublicCouncilList } },
  }, async (request) => listPublicCouncils(db, request.query));

  app.get('/public/councils/:id', {
    config: { access: access.public, publicAnswer },
    schema: { tags, summary: 'Öffentliche Seite eines Rates: Gremien, Mitglieder (mit Einverständnis), Sitzungen, Beschlüsse öffentlicher Punkte, Berichte', params: T.ZCouncilParams, response: { 200: P.ZPublicCouncil } },
  }, async (request) => getPublicCouncil(db, app.config, request.params.id));

  app.get('/public/councils/:id/meetings/:childId', {
    config: { access: access.public, publicAnswer },
    schema: { tags, summary: 'Öffentliche Tagesordnung einer Sitzung, genehmigtes Protokoll und Beschlüsse öffentlicher Punkte', params: T.ZCouncilChildParams, response: { 200: P.ZPublicMeeting } },
  }, async (request) => getPublicMeeting(db, request.params.id, request.params.childId));

  app.get('/public/councils/:id/files/:childId', {
    config: { access: access.public },
    schema: { tags, summary: 'Öffentliche Datei (zu öffentlichen Vorlagen und Tagesordnungspunkten)', params: T.ZCouncilChildParams, response: { 200: z.unknown() } },
  }, async (request, reply) => {
    const file = await publicFile(db, request.params.id, request.params.childId);
    reply.header('cache-control', 'public, no-cache');
    return sendCouncilFile(reply, app.files, file, 'attachment');
  });

  app.get('/public/councils/:id/calendar.ics', {
    config: { access: access.public },
    schema: { tags, summary: 'Sitzungskalender des Rates (iCal; nur öffentliche Tagesordnungspunkte)', params: T.ZCouncilParams, response: { 200: z.string() } },
  }, async (request, reply) => reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'public, no-cache')
    .header('content-disposition', 'inline; filename="sitzungen.ics"').send(await councilCalendar(db, app.config, request.params.id)));

  app.get('/calendar/:token', {
    config: { access: access.public },
    schema: { tags, summary: 'Persönlicher Sitzungskalender eines Mitglieds (iCal, über einen privaten Link)', params: z.object({ token: ZString.max(120) }), response: { 200: z.string() } },
  }, async (request, reply) => reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer')
    .send(await memberCalendar(db, app.config, request.params.token.replace(/\.ics$/, ''))));
}
