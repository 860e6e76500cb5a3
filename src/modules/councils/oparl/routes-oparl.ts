import { and, eq, max, min, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from '../../../server/http/download.js';
import type { App } from '../../../server/modules.js';
import { access } from '../../../server/http/access.js';
import { councilMeetings, councils } from '../schema.js';
import { dateTime, listPage, notFoundError, OparlError, parseListQuery, type ListQuery } from './list-query.js';
import {
  bodyKind, fileKind, kinds, organizationKind, represented, resultsProtocol, SCHEMA, url, type AnyKind, type KindName, type OparlContext,
} from './oparl-objects.js';
import { minutesModel } from '../minutes-model.js';
import { minutesPdf } from '../render-minutes.js';

/**
 * The OParl 1.1 API of the councils (https://oparl.org): public, read-only, stateless (no cookie is read or set,
 * see `cookieless`), JSON with `Access-Control-Allow-Origin: *`, errors as OParl error objects. Hidden from the
 * /api OpenAPI document: OParl is its own specification (schemas in ./schema).
 */
export const OPARL_PREFIX = '/oparl/v1.1';
/** When this OParl interface went live: the System's `created`. */
const SYSTEM_CREATED = '2026-12-01T00:00:00+00:00';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REPRESENTED = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{16})$/;

const route = { config: { access: access.public }, schema: { hide: true } } as const;
type Params = { id: string };

function cors(reply: FastifyReply) {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS');
}
function sendJson(reply: FastifyReply, status: number, body: unknown) {
  cors(reply);
  return reply.status(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-cache').send(JSON.stringify(body));
}
function sendError(reply: FastifyReply, error: OparlError) {
  return sendJson(reply, error.status, { type: `${SCHEMA}Error`, message: error.message, ...(error.debug ? { debug: error.debug } : {}) });
}

const attachment = (fileName: string) => contentDisposition(fileName, 'attachment');

const idOf = (request: FastifyRequest) => {
  const id = (request.params as Params).id;
  if (!UUID.test(id)) throw notFoundError();
  return id;
};

async function oneOf(c: OparlContext, kind: AnyKind, id: string) {
  const rows = await kind.rows(c.db, kind.byId(id), { size: 1, offset: 0 });
  if (!rows.length) throw notFoundError();
  return (await kind.present(c, rows, {}))[0]!;
}

async function listOf(c: OparlContext, kind: AnyKind, scope: SQL | undefined, q: ListQuery, listUrl: string) {
  const where = and(scope, kind.filter(q));
  const total = await kind.count(c.db, where);
  const rows = await kind.rows(c.db, where, { size: q.size, offset: (q.page - 1) * q.size });
  return listPage(listUrl, q, await kind.present(c, rows, { omitInternal: q.omitInternal }), total);
}

export async function registerOparlRoutes(app: App) {
  const context = (): OparlContext => ({ db: app.database.db, publicUrl: app.config.publicUrl, base: `${app.config.publicUrl}${OPARL_PREFIX}` });
  const council = async (c: OparlContext, id: string) => {
    const found = await c.db.select({ id: councils.id }).from(councils).where(eq(councils.id, id));
    if (!found.length) throw notFoundError('Die Körperschaft');
  };

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof OparlError) return sendError(reply, error);
    // Refusals of the framework (unparsable body, bad content type): the client's error, as an OParl error object.
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return sendError(reply, new OparlError(status, 'Die Anfrage ist ungültig.', (error as Error).message));
    request.log.error({ err: error }, 'OParl request failed');
    return sendError(reply, new OparlError(500, 'Die Anfrage konnte nicht bearbeitet werden.', `request ${request.id}`));
  });
  app.setNotFoundHandler((request, reply) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      reply.header('allow', 'GET, HEAD, OPTIONS');
      return sendError(reply, new OparlError(405, 'Die OParl-Schnittstelle ist nur lesbar (GET).'));
    }
    return sendError(reply, new OparlError(404, `Die Adresse ${request.url.split('?')[0]} existiert nicht.`));
  });
  // CORS preflight for every address of the interface.
  const preflight = async (_request: FastifyRequest, reply: FastifyReply) => {
    cors(reply);
    return reply.header('access-control-allow-headers', '*').header('access-control-max-age', '86400').status(204).send();
  };
  app.options('/', route, preflight);
  app.options('/*', route, preflight);
  // Any other address under the prefix is this interface's 404, also where the built web app's wildcard route
  // would otherwise answer it with index.html (the not-found handler alone is not reached then).
  app.get('/*', route, async (request, reply) => sendError(reply, new OparlError(404, `Die Adresse ${request.url.split('?')[0]} existiert nicht.`)));

  app.get('/', route, async (request, reply) => {
    const c = context();
    // The System's canonical URL has no trailing slash (specification 2.3: a non-canonical URL redirects with 301).
    if (request.url.split('?')[0]!.endsWith('/')) return reply.redirect(c.base, 301);
    const [stamp] = await c.db.select({ modified: max(councils.updatedAt), deleted: max(councils.deletedAt), first: min(councils.createdAt) }).from(councils);
    const latest = [stamp?.modified, stamp?.deleted].filter((d): d is Date => !!d).map((d) => new Date(d).getTime());
    const modified = Math.max(Date.parse(SYSTEM_CREATED), ...latest);
    return sendJson(reply, 200, {
      id: url.system(c), type: `${SCHEMA}System`, oparlVersion: SCHEMA, name: 'ASSKomm-Plattform: Kommunale Präventionsräte in Sachsen',
      body: `${c.base}/body`, website: c.publicUrl,
      ...(app.config.adminContactEmail ? { contactEmail: app.config.adminContactEmail } : {}),
      created: SYSTEM_CREATED, modified: dateTime(new Date(modified)),
    });
  });

  app.get('/body', route, async (request, reply) => {
    const c = context();
    return sendJson(reply, 200, await listOf(c, bodyKind, undefined, parseListQuery(request.query), `${c.base}/body`));
  });
  app.get('/body/:id', route, async (request, reply) => sendJson(reply, 200, await oneOf(context(), bodyKind, idOf(request))));

  // The organisations of a body: its bodies (Gremien) first, then the organisations its members represent.
  app.get('/body/:id/organization', route, async (request, reply) => {
    const c = context();
    const id = idOf(request);
    await council(c, id);
    const q = parseListQuery(request.query);
    const where = and(organizationKind.inCouncil(id), organizationKind.filter(q));
    const having = represented.having(q);
    const bodies = await organizationKind.count(c.db, where);
    // Represented organisations are never deleted, so a modified_since list shows the live ones that match.
    const others = await represented.count(c.db, represented.inCouncil(id), having);
    const offset = (q.page - 1) * q.size;
    const bodyRows = offset < bodies ? await organizationKind.rows(c.db, where, { size: q.size, offset }) : [];
    const rest = q.size - bodyRows.length;
    const otherRows = rest > 0 ? await represented.rows(c.db, represented.inCouncil(id), having, { size: rest, offset: Math.max(0, offset - bodies) }) : [];
    const data = [...await organizationKind.present(c, bodyRows, {}), ...represented.present(c, otherRows)];
    return sendJson(reply, 200, listPage(url.bodyList(c, id, 'organization'), q, data, bodies + others));
  });

  const lists: [string, KindName][] = [
    ['person', 'person'], ['membership', 'membership'], ['meeting', 'meeting'], ['agendaItem', 'agendaItem'], ['paper', 'paper'],
    ['consultation', 'consultation'], ['locationList', 'location'],
  ];
  for (const [path, name] of lists) {
    app.get(`/body/:id/${path}`, route, async (request, reply) => {
      const c = context();
      const id = idOf(request);
      await council(c, id);
      const kind = kinds[name] as AnyKind;
      return sendJson(reply, 200, await listOf(c, kind, kind.inCouncil(id), parseListQuery(request.query), url.bodyList(c, id, path)));
    });
  }
  // The files of a body: the stored ones first, then the approved minutes of its meetings (Meeting.resultsProtocol).
  app.get('/body/:id/file', route, async (request, reply) => {
    const c = context();
    const id = idOf(request);
    await council(c, id);
    const q = parseListQuery(request.query);
    const where = and(fileKind.inCouncil(id), fileKind.filter(q));
    const minutesWhere = and(kinds.meeting.inCouncil(id), eq(councilMeetings.minutesState, 'genehmigt'), kinds.meeting.filter(q));
    const stored = await fileKind.count(c.db, where);
    const protocols = await kinds.meeting.count(c.db, minutesWhere);
    const offset = (q.page - 1) * q.size;
    const fileRows = offset < stored ? await fileKind.rows(c.db, where, { size: q.size, offset }) : [];
    const rest = q.size - fileRows.length;
    const meetingRows = rest > 0 ? await kinds.meeting.rows(c.db, minutesWhere, { size: rest, offset: Math.max(0, offset - stored) }) : [];
    const data = [...await fileKind.present(c, fileRows, {}), ...meetingRows.map((m) => resultsProtocol(c, m, {})!)];
    return sendJson(reply, 200, listPage(url.bodyList(c, id, 'file'), q, data, stored + protocols));
  });

  // No legislative terms: councils have none (an empty list is allowed).
  app.get('/body/:id/legislativeTermList', route, async (request, reply) => {
    const c = context();
    const id = idOf(request);
    await council(c, id);
    const q = parseListQuery(request.query);
    return sendJson(reply, 200, listPage(url.bodyList(c, id, 'legislativeTermList'), q, [], 0));
  });

  app.get('/organization/:id', route, async (request, reply) => {
    const c = context();
    const raw = (request.params as Params).id;
    const derived = REPRESENTED.exec(raw);
    if (derived) {
      const rows = await represented.rows(c.db, represented.byId(derived[1]!, derived[2]!), undefined, { size: 1, offset: 0 });
      if (!rows.length) throw notFoundError();
      return sendJson(reply, 200, represented.present(c, rows)[0]);
    }
    return sendJson(reply, 200, await oneOf(c, organizationKind, idOf(request)));
  });
  app.get('/organization/:id/meeting', route, async (request, reply) => {
    const c = context();
    const id = idOf(request);
    const found = await organizationKind.rows(c.db, organizationKind.byId(id), { size: 1, offset: 0 });
    if (!found.length) throw notFoundError('Die Gruppierung');
    return sendJson(reply, 200, await listOf(c, kinds.meeting, eq(councilMeetings.bodyId, id), parseListQuery(request.query), `${url.organization(c, id)}/meeting`));
  });

  const objects: KindName[] = ['person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file', 'location'];
  for (const name of objects) {
    app.get(`/${name}/:id`, route, async (request, reply) => sendJson(reply, 200, await oneOf(context(), kinds[name], idOf(request))));
  }

  // The approved minutes (Meeting.resultsProtocol): the File, and the PDF of the public version.
  const protocolOf = async (c: OparlContext, request: FastifyRequest) => {
    const rows = await kinds.meeting.rows(c.db, kinds.meeting.byId(idOf(request)), { size: 1, offset: 0 });
    const file = rows[0] && resultsProtocol(c, rows[0], {});
    if (!file) throw notFoundError('Ein genehmigtes Protokoll dieser Sitzung');
    return { meeting: rows[0]!, file };
  };
  app.get('/meeting/:id/resultsProtocol', route, async (request, reply) => sendJson(reply, 200, (await protocolOf(context(), request)).file));
  for (const mode of ['access', 'download'] as const) {
    app.get(`/meeting/:id/resultsProtocol/${mode}`, route, async (request, reply) => {
      const c = context();
      const { meeting, file } = await protocolOf(c, request);
      if (file.deleted) throw new OparlError(410, 'Die Datei wurde gelöscht.');
      const [council] = await c.db.select().from(councils).where(eq(councils.id, meeting.councilId));
      const data = await minutesPdf(await minutesModel(c.db, app.files, council!, meeting.id, { publicOnly: true }));
      cors(reply);
      reply.header('content-type', 'application/pdf').header('content-length', String(data.length)).header('cache-control', 'no-cache');
      if (mode === 'download') reply.header('content-disposition', attachment(String(file.fileName)));
      return reply.send(data);
    });
  }

  // File contents: accessUrl for viewing (no attachment disposition), downloadUrl as an attachment (specification 2.7).
  for (const mode of ['access', 'download'] as const) {
    app.get(`/file/:id/${mode}`, route, async (request, reply) => {
      const c = context();
      const rows = await fileKind.rows(c.db, fileKind.byId(idOf(request)), { size: 1, offset: 0 });
      const file = rows[0];
      if (!file) throw notFoundError('Die Datei');
      if (file.deletedAt) throw new OparlError(410, 'Die Datei wurde gelöscht.');
      const data = await app.files.get(file.storageKey);
      cors(reply);
      reply.header('content-type', file.mimeType).header('content-length', String(data.length))
        .header('etag', `"${file.sha512.slice(0, 32)}"`).header('last-modified', new Date(file.modified).toUTCString()).header('cache-control', 'no-cache');
      if (mode === 'download') reply.header('content-disposition', attachment(file.fileName));
      return reply.send(data);
    });
  }
}

/** The councils' root routes: the OParl API under /oparl/v1.1, without cookies. */
export const oparlRoutes = { prefix: OPARL_PREFIX, cookieless: true, routes: registerOparlRoutes };
