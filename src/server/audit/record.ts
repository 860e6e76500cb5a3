import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { auditLog } from './schema.js';
import { stableJson } from '../../lib/json.js';

export interface AuditContext { actorId: string | null; actorLabel: string; requestId: string | null }

export const systemContext = (label = 'system'): AuditContext => ({ actorId: null, actorLabel: label, requestId: null });

export function auditContext(request: FastifyRequest): AuditContext {
  const a = request.actor;
  return { actorId: a?.userId ?? null, actorLabel: a ? a.email : 'anonym', requestId: String(request.id) };
}

type Json = Record<string, unknown>;

/** Top-level fields that differ between two versions of a record: { field: [before, after] }. */
export function diff(before: Json | null, after: Json | null): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (stableJson(b) !== stableJson(a)) out[k] = [b, a];
  }
  return out;
}

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'token', 'csrfToken']);
function redact(record: Json | null | undefined): Json | null {
  if (!record) return null;
  const json = JSON.parse(JSON.stringify(record)) as Json;
  for (const k of Object.keys(json)) if (SECRET_FIELDS.has(k)) json[k] = json[k] == null ? null : '[geschützt]';
  return json;
}

/** Records one write. Call inside the transaction of the write so both commit or neither. */
export async function recordAudit(db: Db, ctx: AuditContext, entry: {
  action: string; entityType: string; entityId: string; before?: Json | null; after?: Json | null;
}): Promise<void> {
  const before = redact(entry.before);
  const after = redact(entry.after);
  await db.insert(auditLog).values({
    actorId: ctx.actorId, actorLabel: ctx.actorLabel, requestId: ctx.requestId,
    action: entry.action, entityType: entry.entityType, entityId: entry.entityId,
    before, after, changes: diff(before, after),
  });
}

/**
 * A module's audit writer, typed by its own list of actions and entity types, so that a misspelt action does not
 * compile: `export const recordSurveysAudit = auditRecorder<SurveysAuditAction, 'analysis_project' | …>();`
 */
export const auditRecorder = <A extends string, E extends string = string>() =>
  (db: Db, ctx: AuditContext, entry: { action: A; entityType: E; entityId: string; before?: Json | null; after?: Json | null }) => recordAudit(db, ctx, entry);
