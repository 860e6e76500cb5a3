import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Mailer } from './mail/mailer.js';
import { fileStorageFor, type FileStorage } from './files/storage.js';
import { createJobs, type Jobs } from './jobs.js';
import type { App, PlatformModule } from './modules.js';
import { access, isAllowed, type Access } from './http/access.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, sendProblem } from './http/errors.js';
import { forbidden, notFound, Problem, unauthenticated } from './http/problem.js';
import { checkSameOrigin } from './http/same-origin.js';
import { compressReply } from './http/compression.js';
import { configureScopes } from './auth/scopes.js';
import { configureCommuneEvents } from './figures.js';
import { getTableName } from 'drizzle-orm';
import { installDataVersionTriggers } from './cache/data-versions.js';
import { PublicAnswers } from './cache/public-answers.js';
import { createMetrics, installMetrics } from './metrics.js';

z.config(z.locales.de());

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    mailer: Mailer;
    files: FileStorage;
    /** Background jobs (pg-boss); workers start at boot, or with the first job when started lazily (tests). */
    jobs: Jobs;
    /** The registered modules, for the core's aggregations (figures, timeline). */
    platformModules: PlatformModule[];
    /** Cached public answers and immutable public documents (cache/public-answers.ts). */
    publicAnswers: PublicAnswers;
    /** Every route with its access rule, for the role × route matrix test. */
    routeTable: RouteEntry[];
  }
}

/** A route as the access and scope matrix tests see it. */
export interface RouteEntry {
  method: string; url: string; access: Access;
  /** The query parameters the route accepts (from its zod schema). */
  query: string[];
  subject?: { policy: string; ability: string; param: string; from: 'params' | 'query'; missing: string };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** find-my-way's default limit for one path parameter. */
const MAX_PARAM_LENGTH = 100;
/** Routes registered by third-party plugins (API docs, static files): public by nature. */
const PUBLIC_PLUGIN_PREFIXES = ['/api/docs', '/assets/', '/*', '/'];
export const webRoot = resolve(import.meta.dirname, '../../dist/web');

export interface AppDeps { config: Config; database: Database; mailer: Mailer; files?: FileStorage; modules: PlatformModule[]; logger?: boolean; logStream?: NodeJS.WritableStream; webRoot?: string }

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      // No client addresses in logs: data minimisation (survey respondents must stay anonymous).
      serializers: { req: (req) => ({ method: req.method, url: req.url.split('?')[0] }) },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 2 * 1024 * 1024,
    // Refusals before a route runs (bad or too long URL, oversized headers) are problem+json too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', deps.database);
  app.decorate('mailer', deps.mailer);
  app.decorate('files', deps.files ?? fileStorageFor(config));
  const modules = deps.modules;
  app.decorate('platformModules', modules);
  configureScopes(modules.flatMap((m) => m.scopes ?? []));
  configureCommuneEvents(modules.flatMap((m) => (m.communeEvents ? [m.communeEvents] : [])));
  const actorSources = modules.flatMap((m) => (m.actors ? [m.actors] : []));
  if (actorSources.length > 1) throw new Error('More than one module supplies actors (PlatformModule.actors).');
  const actors = actorSources[0];
  const metrics = config.metricsToken ? createMetrics(deps.database, modules, (msg, extra) => app.log.warn(extra, msg)) : null;
  const jobs = createJobs(deps.database, {
    db: deps.database.db, files: app.files, config, mailer: deps.mailer, log: (msg, extra) => app.log.info(extra ?? {}, msg),
  }, modules.flatMap((m) => m.jobs ?? []), metrics?.observeJob);
  metrics?.watchQueues(jobs);
  app.decorate('jobs', jobs);
  // Workers start beside listening, not before it (pg-boss's start takes a while; a job sent meanwhile waits for it).
  if (!config.lazyJobs) app.addHook('onReady', async () => { jobs.start().catch((error: Error) => app.log.error({ err: error }, 'job system did not start; the next job sent tries again')); });
  app.addHook('onClose', () => jobs.stop());
  app.decorate('routeTable', []);
  const tracked = [...new Set(modules.flatMap((m) => (m.publicSources ?? []).map((t) => getTableName(t))))].sort();
  await installDataVersionTriggers(deps.database.db, tracked);
  const publicAnswers = new PublicAnswers(deps.database, tracked, config.compression, config.publicCache);
  app.decorate('publicAnswers', publicAnswers);
  app.decorateRequest('actor', null);
  app.decorateRequest('subject', null);
  app.setErrorHandler(errorHandler);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let rule = route.config?.access;
    if (!rule && PUBLIC_PLUGIN_PREFIXES.some((p) => route.url === p || (p.endsWith('/') && route.url.startsWith(p)) || route.url.startsWith('/api/docs'))) {
      rule = access.public;
      route.config = { ...route.config, access: rule };
    }
    if (!rule) throw new Error(`Route ${methods.join(',')} ${route.url} has no access rule (config.access): deny by default.`);
    const s = route.config?.subject;
    const subject = s ? { policy: s.policy.name, ability: s.ability, param: s.param, from: s.from, missing: s.policy.subject?.missing ?? '' } : undefined;
    const querystring = route.schema?.querystring as { shape?: Record<string, unknown> } | undefined;
    const query = Object.keys(querystring?.shape ?? {});
    for (const m of methods) if (m !== 'HEAD') app.routeTable.push({ method: m, url: route.url, access: rule, query, ...(subject ? { subject } : {}) });
    const cached = route.config?.publicAnswer;
    if (cached) {
      if (rule !== access.public || methods.some((m) => !SAFE_METHODS.has(m))) throw new Error(`Route ${route.url}: only public GET answers can be cached (publicAnswer).`);
      if (config.publicCache) route.handler = publicAnswers.wrap(route.handler, cached, route.url);
    }
  });
  installMetrics(app as unknown as App, metrics, config.metricsToken);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });

  // Behind a proxy only PUBLIC_URL is this site's origin; without one also the Host a request was sent to.
  const ownHostCounts = process.env.TRUST_PROXY !== 'true';
  // Stateless root APIs (rootRoutes with `cookieless`): no session cookie is read or cleared under their prefix.
  const cookieless = modules.flatMap((m) => (m.rootRoutes ?? []).filter((r) => r.cookieless).map((r) => r.prefix.replace(/\/$/, '')));
  const isCookieless = (url: string) => cookieless.some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`));
  app.addHook('onRequest', async (request, reply) => {
    // An API address the router could not match (e.g. a path parameter over its length limit) lands on the
    // web app's wildcard: it is an API problem, never a file.
    if (request.routeOptions.url === '/*' && request.url.startsWith('/api/')) {
      const path = request.url.split('?')[0]!;
      throw path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)
        ? new Problem(414, 'uri_too_long', 'Die Adresse (URL) ist zu lang.')
        : notFound(`Die Adresse ${path} existiert nicht.`);
    }
    checkSameOrigin(request, config.publicUrl, ownHostCounts);
    const token = actors && !isCookieless(request.url) ? request.cookies[actors.cookie] : undefined;
    if (actors && token) {
      request.actor = await actors.load(deps.database.db, token, config.sessionTtlMs);
      if (!request.actor) reply.clearCookie(actors.cookie, { path: '/' });
    }
    if (request.actor && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new Problem(403, 'csrf_failed', 'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen (CSRF). Bitte laden Sie die Seite neu.');
    }
    const rule = request.routeOptions.config?.access;
    if (!rule) return; // unmatched URL: the not-found handler answers
    if (!isAllowed(rule, request.actor)) throw request.actor ? forbidden() : unauthenticated();
  });

  // A route whose parameter names a tenant's record loads and authorizes it here, once, before the body is
  // validated and before any handler code touches data (the policy's 404 or 403 otherwise): someone else's record
  // answers the same whatever is sent. A malformed parameter is left to validation (400).
  app.addHook('preValidation', async (request) => {
    const subject = request.routeOptions.config?.subject;
    if (!subject) return;
    const schema = request.routeOptions.schema?.[subject.from === 'params' ? 'params' : 'querystring'] as ZodType | undefined;
    const parsed = schema?.safeParse(subject.from === 'params' ? request.params : request.query);
    if (!parsed?.success) return;
    const id = (parsed.data as Record<string, unknown>)[subject.param];
    if (typeof id !== 'string') return;
    request.subject = await subject.policy.load(deps.database.db, request.actor, subject.ability, id);
  });
  // Validation refused the parameter only if the pre-validation did not load the subject: then nothing runs.
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config?.subject && request.subject === null) throw new Error(`Route ${request.routeOptions.url}: subject not loaded.`);
  });

  // A configured base map's tile server must be reachable from the page.
  const mapOrigin = config.mapBase ? ` ${new URL(config.mapBase.tiles.replace(/[{}]/g, '')).origin}` : '';
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', request.url.startsWith('/api/docs')
      // Swagger UI: its own scripts and styles only (no inline script, no eval), the spec from this server.
      ? "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
      : `default-src 'self'; img-src 'self' data: blob:${mapOrigin}; connect-src 'self'${mapOrigin}; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`);
    if (config.cookieSecure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  // Computed responses (API JSON) compressed as the client accepts; static files come precompressed (below).
  if (config.compression) app.addHook('onSend', async (request, reply, payload) => compressReply(request, reply, payload));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ASSKomm-Plattform API', version: '1.0.0', description: 'Allianz Sichere Sächsische Kommunen. Fehler folgen RFC 9457 (application/problem+json).' },
      components: {
        securitySchemes: actors ? { session: { type: 'apiKey', in: 'cookie', name: actors.cookie } } : {},
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // Uploads are read in the handler (request.file()); document their body so clients (and the fuzz test) know.
      const consumes = (input.schema as { consumes?: string[] } | undefined)?.consumes;
      if (consumes?.includes('multipart/form-data') && !out.schema.body) {
        out.schema = { ...out.schema, body: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };
      }
      return out;
    },
    transformObject: (doc) => {
      const spec = (doc as { openapiObject: Record<string, any> }).openapiObject;
      spec.components ??= {};
      spec.components.schemas = { ...spec.components.schemas, Problem: PROBLEM_SCHEMA };
      for (const ops of Object.values<Record<string, any>>(spec.paths ?? {})) {
        for (const op of Object.values<Record<string, any>>(ops)) {
          op.responses ??= {};
          op.responses.default ??= { description: 'Fehler (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
        }
      }
      return spec;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/public/static/:file', {
    config: { access: access.public },
    schema: {
      tags: ['Öffentlich: Kennzahlen und Karte'], summary: 'Unveränderliche öffentliche Datei (z. B. Gemeindegrenzen), über ihren Inhalt adressiert; ein Jahr zwischenspeicherbar',
      params: z.object({ file: z.string().max(100) }), response: { 200: z.unknown() },
    },
  }, async (request, reply) => publicAnswers.sendDocument(request, reply, request.params.file));

  app.get('/api/openapi.json', { config: { access: access.public }, schema: { hide: true } }, async () => app.swagger());

  for (const mod of modules) {
    await app.register(async (scoped) => { await mod.routes(scoped as unknown as App); }, { prefix: '/api' });
    for (const root of mod.rootRoutes ?? []) await app.register(async (scoped) => { await root.routes(scoped as unknown as App); }, { prefix: root.prefix });
  }

  const web = deps.webRoot ?? webRoot;
  const hasWeb = existsSync(resolve(web, 'index.html'));
  if (hasWeb) {
    // index.html (however it is reached) is revalidated every time and never kept by shared caches: it names the
    // current asset hashes, and the survey page's address carries the letter's code. Everything under assets/ is
    // named by its content hash (Vite), so never changes; other files (if any) are kept an hour. The build writes
    // .br/.gz beside the assets, served as the client accepts (no compression work per request).
    const assets = `${resolve(web, 'assets')}/`;
    await app.register(fastifyStatic, { root: web, index: false, wildcard: true, maxAge: '1h', preCompressed: config.compression, setHeaders: (reply, path) => {
      const file = path.replace(/\.(?:br|gz)$/, '');
      if (file === resolve(web, 'index.html')) reply.header('cache-control', htmlCacheControl(reply.request.url));
      else if (file.startsWith(assets)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    } });
    app.get('/', { config: { access: access.public }, schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET' || !hasWeb) {
      return sendProblem(reply, request, notFound(`Die Adresse ${request.url.split('?')[0]} existiert nicht.`));
    }
    return reply.sendFile('index.html');
  });
  return app as unknown as App;
}

/** The survey page's address carries a personal access code: nothing may store it. */
const htmlCacheControl = (url: string) => (/^\/befragung(?:[/?#]|$)/.test(url) ? 'private, no-store' : 'no-cache');

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' },
    code: { type: 'string', description: 'Stabiler maschinenlesbarer Fehlercode' },
    detail: { type: 'string', description: 'Deutsche Beschreibung für Menschen' },
    field: { type: 'string', description: 'Das beanstandete Feld bei Eingabefehlern' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    instance: { type: 'string' }, requestId: { type: 'string' },
  },
};
