import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db/client.js';
import type { Config } from './config.js';
import type { Actor } from './auth/roles.js';
import type { CommuneEventSource, CommuneStage, FigureDefinition, PressTextSource, TimelineEntry } from './figures.js';
import type { ExportDefinition } from './aggregates/exports.js';
import type { DashboardCard, DashboardContext } from './aggregates/dashboard.types.js';
import type { FileStorage } from './files/storage.js';
import type { JobDefinition } from './jobs.js';
import type { ScopeOwner } from './auth/scopes.js';
import type { Policy } from './auth/policy.js';
import type { AuditVocabulary } from './audit/vocabulary.js';
import type { ModuleGauge } from './metrics.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface SeedContext { db: Db; config: Config; log: (msg: string) => void; files: FileStorage }

/** How the core learns who is calling: the module that owns accounts reads its session cookie. */
export interface ActorSource {
  cookie: string;
  /** The actor of a session token, or null when the session is unknown or expired. */
  load(db: Db, token: string, ttlMs: number): Promise<Actor | null>;
}

/**
 * A feature module registers itself with the core: its routes (under /api), its reference data
 * (loaded in every environment) and its demo data (development only), the scopes it owns, its policies,
 * figures, timeline entries, exports and jobs. The core (src/server) imports no module; the composition root
 * (src/platform) lists them.
 */
export interface PlatformModule {
  name: string;
  routes(app: App): Promise<void> | void;
  /**
   * Routes outside /api under a prefix of their own (e.g. the councils' OParl API at /oparl/v1.1). `cookieless`:
   * requests under the prefix are stateless, the session cookie is neither read nor cleared (open data APIs).
   */
  rootRoutes?: { prefix: string; cookieless?: boolean; routes(app: App): Promise<void> | void }[];
  /** Idempotent: loads reference data that the module needs to work. */
  seedReference?(ctx: SeedContext): Promise<void>;
  /** Loads demo records into an empty database; never runs in production. Runs in module order. */
  seedDemo?(ctx: SeedContext): Promise<void>;
  /** Background jobs this module runs (see jobs.ts). */
  jobs?: JobDefinition<never>[];
  /** Statewide figures this module computes (see figures.ts). */
  figures?: FigureDefinition[];
  /** Dated commune events this module records for others to count (see figures.ts). */
  communeEvents?: CommuneEventSource;
  /** Scope types this module owns (which ids exist, which communes they cover). */
  scopes?: ScopeOwner[];
  /** The module's policies: their abilities are listed in the session for the web app and checked by the scope matrix. */
  policies?: Policy<string, any>[];
  /** The module that owns sessions supplies the actor of a request. */
  actors?: ActorSource;
  /** This module's entries in a commune's timeline, already filtered to what `actor` may see. */
  timeline?(db: Db, ags: string, actor: Actor | null): Promise<TimelineEntry[]>;
  /** A commune's participation stage on a day, stated at the head of its Bilanz (one module at most). */
  communeStage?(db: Db, ags: string, asOf: string): Promise<CommuneStage>;
  /** The press release's background block from the figures (one module at most; see figures.ts). */
  pressText?: PressTextSource;
  /** Tables this module offers for download as CSV and XLSX (served by the core under /api/exports). */
  exports?: ExportDefinition[];
  /** This module's cards on the start page of `actor` (served by the core under /api/dashboard), limited to what they may open. */
  dashboard?(db: Db, actor: Actor, ctx: DashboardContext): Promise<DashboardCard[]>;
  /** Readable labels of this module's audit actions and entity types, and the names of its entities (see audit/vocabulary.ts). */
  audit?: AuditVocabulary;
  /**
   * Tables whose rows public answers are computed from (figures, the map, later meeting and offer pages). Writes
   * to them bump a version in the database that invalidates cached public answers in every app process (see
   * cache/public-answers.ts); a route caches with `config.publicAnswer`.
   */
  publicSources?: PgTable[];
  /** Gauges read from this module's tables when /metrics is scraped (see metrics.ts). */
  gauges?: ModuleGauge[];
}
