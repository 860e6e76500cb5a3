import { z } from 'zod';
import { ZDate, ZString } from '../http/zod.js';
import { ZPageFields } from '../http/paging.js';

export const ZAuditQuery = z.object({
  entityType: ZString.max(100).optional(),
  entityId: ZString.max(200).optional(),
  /** A module's actions (its name, as listed by /admin/audit/vocabulary). */
  module: ZString.max(40).optional(),
  /** Prefix of the action, e.g. `user.` or `commune_group.updated`. */
  action: ZString.max(100).optional(),
  /** The acting account. */
  actorId: z.uuid({ error: 'Person: ungültige Kennung.' }).optional(),
  /** Part of the actor's label (e-mail address, or `demo-seed`, `oidc`, …). */
  actor: ZString.max(200).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
/** The CSV export takes the same filters and the language of its labels; it has no page. */
export const ZAuditCsvQuery = ZAuditQuery.omit({ limit: true, offset: true }).extend({ lang: z.enum(['de', 'en']).default('de') });
export type TAuditCsvQuery = z.infer<typeof ZAuditCsvQuery>;

const ZRecordJson = z.record(z.string(), z.unknown());
const ZLabel = z.object({ de: z.string(), en: z.string() });
export const ZAuditEntry = z.object({
  id: z.number().int(), at: z.string(), actorId: z.string().nullable(), actorLabel: z.string(),
  /** The acting account's display name (null for system actors or deleted accounts). */
  actorName: z.string().nullable(),
  action: z.string(),
  /** The module that wrote the entry and the action's label (null for an action no module labels any more). */
  module: z.string().nullable(), actionLabel: ZLabel.nullable(),
  entityType: z.string(), entityTypeLabel: ZLabel.nullable(), entityId: z.string(),
  /** The entity's name when its module can still name it (a commune, a user, an analysis, …). */
  entityName: z.string().nullable(),
  /** The record before and after the write, secrets redacted. */
  before: ZRecordJson.nullable(), after: ZRecordJson.nullable(),
  /** Top-level fields that changed: { field: [before, after] }. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditList = z.object({ items: z.array(ZAuditEntry), ...ZPageFields });
export type TAuditList = z.infer<typeof ZAuditList>;

/** What the filters offer: every labelled action (by module), entity type and the accounts that wrote entries. */
export const ZAuditVocabulary = z.object({
  modules: z.array(z.string()),
  actions: z.array(z.object({ action: z.string(), module: z.string(), label: ZLabel })),
  entityTypes: z.array(z.object({ type: z.string(), label: ZLabel })),
  actors: z.array(z.object({ id: z.string(), label: z.string(), name: z.string().nullable() })),
});
export type TAuditVocabulary = z.infer<typeof ZAuditVocabulary>;
