import type { Db } from '../../server/db/client.js';
import { fieldsOfAction } from '../alliance/schema.js';
import type { recommendations } from './schema.js';
import { nextStates, STATE_LABELS } from './recommendation-states.js';
import type { TRecommendation } from './evaluation.types.js';

/** Handlungsfeld id → label (the alliance's managed list). */
export async function fieldLabels(db: Db) {
  return new Map((await db.select({ id: fieldsOfAction.id, label: fieldsOfAction.label }).from(fieldsOfAction)).map((f) => [f.id, f.label]));
}

export function presentRecommendation(r: typeof recommendations.$inferSelect, labels: Map<string, string>): TRecommendation {
  return {
    id: r.id, projectId: r.projectId, title: r.title, description: r.description, fieldOfAction: { id: r.fieldOfAction, label: labels.get(r.fieldOfAction) ?? r.fieldOfAction },
    findings: r.findings, priority: r.priority, state: r.state, stateLabel: STATE_LABELS[r.state], stateNote: r.stateNote, nextStates: nextStates(r.state),
    sortOrder: r.sortOrder, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), version: r.version,
  };
}
