import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/client.js';
import type { Config } from './config.js';
import type { Actor } from './auth/roles.js';
import type { FigureDefinition, TimelineEntry } from './figures.js';
import type { FileStorage } from './files/storage.js';
import type { JobDefinition } from './jobs.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface SeedContext { db: Db; config: Config; log: (msg: string) => void; files: FileStorage }

/**
 * A feature module registers itself with the core: its routes (under /api), its reference data
 * (loaded in every environment) and its demo data (development only). Later modules add figures,
 * exports and search through the same object.
 */
export interface PlatformModule {
  name: string;
  routes(app: App): Promise<void> | void;
  /** Idempotent: loads reference data that the module needs to work. */
  seedReference?(ctx: SeedContext): Promise<void>;
  /** Loads demo records into an empty database; never runs in production. Runs in module order. */
  seedDemo?(ctx: SeedContext): Promise<void>;
  /** Background jobs this module runs (see jobs.ts). */
  jobs?: JobDefinition<never>[];
  /** Statewide figures this module computes (see figures.ts). */
  figures?: FigureDefinition[];
  /** This module's entries in a commune's timeline, already filtered to what `actor` may see. */
  timeline?(db: Db, ags: string, actor: Actor | null): Promise<TimelineEntry[]>;
}
