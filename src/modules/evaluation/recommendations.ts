import { and, asc, eq, max } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { notFound, staleVersion, unprocessable } from '../../server/http/problem.js';
import { fieldsOfAction } from '../alliance/schema.js';
import type { analysisProjects } from '../surveys/schema.js';
import { recommendations } from './schema.js';

type Project = typeof analysisProjects.$inferSelect;
type Row = typeof recommendations.$inferSelect;

export const PRIORITIES = ['hoch', 'mittel', 'niedrig'] as const;
export const STATES = ['offen', 'priorisiert', 'in_umsetzung', 'umgesetzt', 'verworfen'] as const;
export type RecommendationState = (typeof STATES)[number];
export const STATE_LABELS: Record<RecommendationState, string> = { offen: 'offen', priorisiert: 'priorisiert', in_umsetzung: 'in Umsetzung', umgesetzt: 'umgesetzt', verworfen: 'verworfen' };

/** offen → priorisiert → in Umsetzung → umgesetzt; verworfen from any open state (with a reason), and back to offen. */
const NEXT: Record<RecommendationState, RecommendationState[]> = {
  offen: ['priorisiert', 'verworfen'],
  priorisiert: ['in_umsetzung', 'offen', 'verworfen'],
  in_umsetzung: ['umgesetzt', 'priorisiert', 'verworfen'],
  umgesetzt: [],
  verworfen: ['offen'],
};
export const allowedNextStates = (s: RecommendationState) => NEXT[s];

async function fieldLabels(db: Db) {
  return new Map((await db.select({ id: fieldsOfAction.id, label: fieldsOfAction.label }).from(fieldsOfAction)).map((f) => [f.id, f.label]));
}

function present(r: Row, labels: Map<string, string>) {
  return {
    id: r.id, projectId: r.projectId, title: r.title, description: r.description, fieldOfAction: { id: r.fieldOfAction, label: labels.get(r.fieldOfAction) ?? r.fieldOfAction },
    findings: r.findings, priority: r.priority as (typeof PRIORITIES)[number], state: r.state as RecommendationState, stateLabel: STATE_LABELS[r.state as RecommendationState],
    stateNote: r.stateNote, nextStates: allowedNextStates(r.state as RecommendationState), sortOrder: r.sortOrder,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), version: r.version,
  };
}
export type RecommendationView = ReturnType<typeof present>;

export async function listRecommendations(db: Db, projectId: string) {
  const labels = await fieldLabels(db);
  const rows = await db.select().from(recommendations).where(eq(recommendations.projectId, projectId)).orderBy(asc(recommendations.sortOrder), asc(recommendations.createdAt));
  return rows.map((r) => present(r, labels));
}

async function getRow(db: Db, projectId: string, id: string) {
  const [row] = await db.select().from(recommendations).where(and(eq(recommendations.id, id), eq(recommendations.projectId, projectId)));
  if (!row) throw notFound('Diese Handlungsempfehlung gibt es nicht.');
  return row;
}

async function checkField(db: Db, id: string) {
  const [f] = await db.select().from(fieldsOfAction).where(eq(fieldsOfAction.id, id));
  if (!f || !f.active) throw unprocessable('field_of_action_unknown', `Das Handlungsfeld „${id}“ gibt es nicht (mehr).`, 'fieldOfAction');
}

export interface RecommendationContent { title: string; description: string; fieldOfAction: string; findings: string[]; priority: (typeof PRIORITIES)[number] }

export async function createRecommendation(db: Db, ctx: AuditContext, project: Project, input: RecommendationContent) {
  await checkField(db, input.fieldOfAction);
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ n: max(recommendations.sortOrder) }).from(recommendations).where(eq(recommendations.projectId, project.id));
    const [row] = await tx.insert(recommendations).values({ projectId: project.id, ...input, sortOrder: (last?.n ?? 0) + 1, createdBy: ctx.actorId }).returning();
    const after = present(row!, await fieldLabels(tx));
    await recordAudit(tx, ctx, { action: 'recommendation.created', entityType: 'recommendation', entityId: row!.id, after });
    return after;
  });
}

/** The analyst's (or LPR's) wording: title, text, Handlungsfeld, linked findings. */
export async function updateRecommendation(db: Db, ctx: AuditContext, project: Project, id: string, input: RecommendationContent & { version: number }) {
  await checkField(db, input.fieldOfAction);
  return db.transaction(async (tx) => {
    const labels = await fieldLabels(tx);
    const before = present(await getRow(tx, project.id, id), labels);
    const { version, ...content } = input;
    const row = await updateVersioned(tx, recommendations, eq(recommendations.id, id), version, { ...content, updatedAt: new Date() }, 'Die Handlungsempfehlung');
    const after = present(row, labels);
    await recordAudit(tx, ctx, { action: 'recommendation.updated', entityType: 'recommendation', entityId: id, before, after });
    return after;
  });
}

/** The commune's management: priority and state along the allowed steps (a reason is required to reject). */
export async function manageRecommendation(db: Db, ctx: AuditContext, project: Project, id: string, input: { priority: (typeof PRIORITIES)[number]; state: RecommendationState; stateNote: string; version: number }) {
  return db.transaction(async (tx) => {
    const labels = await fieldLabels(tx);
    const current = await getRow(tx, project.id, id);
    const from = current.state as RecommendationState;
    if (input.state !== from && !NEXT[from].includes(input.state)) {
      throw unprocessable('state_transition', `Von „${STATE_LABELS[from]}“ geht es nur nach ${NEXT[from].map((s) => `„${STATE_LABELS[s]}“`).join(' oder ') || 'nirgendwohin (abgeschlossen)'}.`, 'state');
    }
    if (input.state === 'verworfen' && from !== 'verworfen' && !input.stateNote.trim()) throw unprocessable('reason_required', 'Bitte begründen Sie, warum die Empfehlung verworfen wird.', 'stateNote');
    const before = present(current, labels);
    const row = await updateVersioned(tx, recommendations, eq(recommendations.id, id), input.version, { priority: input.priority, state: input.state, stateNote: input.stateNote, updatedAt: new Date() }, 'Die Handlungsempfehlung');
    const after = present(row, labels);
    await recordAudit(tx, ctx, { action: 'recommendation.managed', entityType: 'recommendation', entityId: id, before, after });
    return after;
  });
}

export async function deleteRecommendation(db: Db, ctx: AuditContext, project: Project, id: string, version: number) {
  return db.transaction(async (tx) => {
    const row = await getRow(tx, project.id, id);
    if (row.version !== version) throw staleVersion('Die Handlungsempfehlung');
    if (row.state !== 'offen') throw unprocessable('in_use', 'Nur offene Empfehlungen können gelöscht werden; verwerfen Sie sie sonst mit Begründung.');
    await tx.delete(recommendations).where(eq(recommendations.id, id));
    await recordAudit(tx, ctx, { action: 'recommendation.deleted', entityType: 'recommendation', entityId: id, before: present(row, await fieldLabels(tx)) });
  });
}
