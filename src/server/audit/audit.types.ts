import { z } from 'zod';
import { ZDate, ZString } from '../http/zod.js';

export const ZAuditQuery = z.object({
  entityType: ZString.max(100).optional(),
  entityId: ZString.max(200).optional(),
  /** Prefix of the action, e.g. `user.` or `commune_group.updated`. */
  action: ZString.max(100).optional(),
  /** Part of the actor's label (e-mail address, or `demo-seed`, `oidc`, …). */
  actor: ZString.max(200).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

const ZRecordJson = z.record(z.string(), z.unknown());
export const ZAuditEntry = z.object({
  id: z.number().int(), at: z.string(), actorId: z.string().nullable(), actorLabel: z.string(), action: z.string(),
  entityType: z.string(), entityId: z.string(),
  /** The record before and after the write, secrets redacted. */
  before: ZRecordJson.nullable(), after: ZRecordJson.nullable(),
  /** Top-level fields that changed: { field: [before, after] }. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditList = z.object({ items: z.array(ZAuditEntry), total: z.number().int() });
export type TAuditList = z.infer<typeof ZAuditList>;
