import { inArray, or, eq, type Column, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { forbidden, notFound } from '../http/problem.js';
import { access, isAllowed, type Access } from '../http/access.js';
import { hasRole, ROLE_SCOPE, scopesOf, type Actor, type Role, type ScopeType } from './roles.js';
import { communesOfGrants } from './scopes.js';

/**
 * How far a role reaches for one ability:
 * - `any`: every record (the LPR);
 * - `communes`: records of the communes the grant's scope covers (a commune, a directorate's communes,
 *   an analysis' commune);
 * - `scope`: records that name the grant's scope itself (the analyst's analysis);
 * - `self`: records that name the actor's account (a coach's processes).
 */
export type Reach = 'any' | 'communes' | 'scope' | 'self';
export type RoleRule = Partial<Record<Role, Reach>>;
/** An ability's rule: open to all, to every signed-in user, or per role with its reach. */
export type Rule = 'public' | 'authenticated' | RoleRule;

/** What a record says about its tenant, for the rules above. */
export interface SubjectRef {
  communes?: readonly string[];
  scopes?: Partial<Record<ScopeType, readonly string[]>>;
  users?: readonly (string | null)[];
}

type Condition<V> = Column | ((values: V) => SQL);

/** A kind of record that rules speak about, defined by the module that owns its table. */
export interface Subject<Row> {
  name: string;
  /** Loads the record named by a route parameter; undefined when there is none. */
  load(db: Db, id: string): Promise<Row | undefined>;
  ref(row: Row): SubjectRef;
  /** The 404 detail when the record does not exist (or is hidden). */
  missing: string;
  /** How a list query filters by the same rules. */
  columns?: {
    communes?: Condition<string[]>;
    scopes?: Partial<Record<ScopeType, Condition<string[]>>>;
    users?: Condition<string>;
  };
}

export const defineSubject = <Row>(subject: Subject<Row>): Subject<Row> => subject;

export interface PolicyOptions {
  /** `hide`: an actor who may not act on the record gets the 404 of a missing one (others' analyses stay invisible). */
  denied: 'hide' | 'forbid';
  /** The 403 detail (with `forbid`): one for all abilities, or one per ability. */
  detail?: string | Partial<Record<string, string>>;
}

/** How a route names its subject: the pre-handler loads and authorizes it before the handler runs. */
export interface RouteSubject {
  policy: Policy<string, unknown, string>;
  ability: string;
  param: string;
  from: 'params' | 'query';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    subject?: RouteSubject;
  }
  interface FastifyRequest {
    subject: unknown;
  }
}

const toSql = <V>(c: Condition<V>, values: V): SQL => (typeof c === 'function' ? c(values) : Array.isArray(values) ? inArray(c, values) : eq(c, values));

/**
 * A module's subject rules: for each ability, who may do it and how far they reach. The route's door rule
 * (`door`), the record check (`authorize`), the list filter (`filter`) and what a response says the viewer may
 * do (`can`) all derive from these definitions, so they cannot disagree.
 */
export class Policy<A extends string, Row = never, N extends string = string> {
  constructor(
    /** `module.subject`, e.g. `surveys.analysis`; abilities are named `surveys.analysis.read`. */
    readonly name: N,
    readonly rules: Record<A, Rule>,
    readonly subject?: Subject<Row>,
    readonly options: PolicyOptions = { denied: 'forbid' },
  ) {}

  get abilities(): A[] { return Object.keys(this.rules) as A[]; }

  /** The route-level rule: who may call at all. */
  door(ability: A): Access {
    const rule = this.rules[ability];
    if (rule === 'public') return access.public;
    if (rule === 'authenticated') return access.authenticated;
    return access.roles(...(Object.keys(rule) as Role[]));
  }

  /** Route config for a route whose parameter `param` names the subject. */
  route(ability: A, param = 'id', from: 'params' | 'query' = 'params') {
    return { access: this.door(ability), subject: { policy: this as unknown as Policy<string, unknown, string>, ability, param, from } };
  }

  async allows(db: Db, actor: Actor | null, ability: A, row: Row): Promise<boolean> {
    const rule = this.rules[ability];
    if (!isAllowed(this.door(ability), actor)) return false;
    if (typeof rule === 'string') return true;
    if (!this.subject) return true;
    const ref = this.subject.ref(row);
    for (const [role, reach] of Object.entries(rule) as [Role, Reach][]) {
      if (!hasRole(actor, role)) continue;
      if (reach === 'any') return true;
      if (reach === 'self' && ref.users?.includes(actor!.userId)) return true;
      if (reach === 'scope') {
        const type = ROLE_SCOPE[role];
        const own = scopesOf(actor, role);
        if (type && ref.scopes?.[type]?.some((id) => own.includes(id))) return true;
      }
      if (reach === 'communes' && ref.communes?.length) {
        const reached = await communesOfGrants(db, actor!, [role]);
        if (ref.communes.some((a) => reached.has(a))) return true;
      }
    }
    return false;
  }

  /** Throws the policy's refusal unless the actor may do `ability` on the record. */
  async authorize(db: Db, actor: Actor | null, ability: A, row: Row): Promise<void> {
    if (await this.allows(db, actor, ability, row)) return;
    throw this.refusal(ability);
  }

  refusal(ability?: A) {
    if (this.options.denied === 'hide') return notFound(this.subject?.missing);
    const detail = this.options.detail;
    return forbidden(typeof detail === 'string' || detail === undefined ? detail : ability && detail[ability]);
  }

  /** Loads the record by id and authorizes `ability`; 404 when missing (or hidden). */
  async load(db: Db, actor: Actor | null, ability: A, id: string): Promise<Row> {
    if (!this.subject) throw new Error(`Policy ${this.name} has no subject to load.`);
    const row = await this.subject.load(db, id);
    if (row === undefined) throw notFound(this.subject.missing);
    await this.authorize(db, actor, ability, row);
    return row;
  }

  /** What the viewer may do with the record, for the response (`can: {update: true, …}`). */
  async can(db: Db, actor: Actor | null, row: Row): Promise<Record<A, boolean>> {
    const out = {} as Record<A, boolean>;
    for (const a of this.abilities) out[a] = await this.allows(db, actor, a, row);
    return out;
  }

  /** The record as the viewer gets it: with `can`, what they may do with it (the web shows actions by this). */
  async withCan<R extends Row>(db: Db, actor: Actor | null, row: R): Promise<R & { can: Record<A, boolean> }> {
    return { ...row, can: await this.can(db, actor, row) };
  }

  /** Which rows a list may show: undefined = all, 'none' = nothing, else an SQL condition on the subject's table. */
  async filter(db: Db, actor: Actor | null, ability: A): Promise<SQL | undefined | 'none'> {
    const rule = this.rules[ability];
    if (!isAllowed(this.door(ability), actor)) return 'none';
    if (typeof rule === 'string') return undefined;
    const columns = this.subject?.columns ?? {};
    const conditions: SQL[] = [];
    const communeRoles: Role[] = [];
    for (const [role, reach] of Object.entries(rule) as [Role, Reach][]) {
      if (!hasRole(actor, role)) continue;
      if (reach === 'any') return undefined;
      if (reach === 'communes') communeRoles.push(role);
      if (reach === 'scope') {
        const type = ROLE_SCOPE[role];
        const ids = scopesOf(actor, role);
        const column = type ? columns.scopes?.[type] : undefined;
        if (!column) throw new Error(`Policy ${this.name}: no column for scope ${type}.`);
        if (ids.length) conditions.push(toSql(column, ids));
      }
      if (reach === 'self') {
        if (!columns.users) throw new Error(`Policy ${this.name}: no user column.`);
        conditions.push(toSql(columns.users, actor!.userId));
      }
    }
    if (communeRoles.length) {
      if (!columns.communes) throw new Error(`Policy ${this.name}: no commune column.`);
      const ags = [...(await communesOfGrants(db, actor!, communeRoles))];
      if (ags.length) conditions.push(toSql(columns.communes, ags));
    }
    if (!conditions.length) return 'none';
    return conditions.length === 1 ? conditions[0] : or(...conditions);
  }

  /** The subject the route's pre-handler loaded and authorized. */
  of(request: FastifyRequest): Row {
    if (request.routeOptions.config?.subject?.policy !== (this as unknown)) throw new Error(`Route ${request.routeOptions.url} does not load a ${this.name}.`);
    return request.subject as Row;
  }
}

export function definePolicy<N extends string, A extends string, Row = never>(name: N, rules: Record<A, Rule>, subject?: Subject<Row>, options?: PolicyOptions) {
  return new Policy<A, Row, N>(name, rules, subject, options);
}

/** The ability names of a policy as the session lists them, e.g. `surveys.analysis.read` (the web's `can`). */
export type AbilityOf<P> = P extends Policy<infer A, any, infer N> ? `${N}.${A}` : never;

/** Every ability an actor passes at the door, named `policy.ability`: the web shows navigation and actions by these. */
export function abilitiesOf(policies: readonly Policy<string, any, string>[], actor: Pick<Actor, 'grants'> | null): string[] {
  return policies.flatMap((p) => p.abilities.filter((a) => isAllowed(p.door(a), actor as Actor | null)).map((a) => `${p.name}.${a}`));
}
