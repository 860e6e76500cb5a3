import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { notFound } from '../../../server/http/problem.js';
import { users } from '../../auth/schema.js';
import { communes } from '../../communes/schema.js';
import { coaches, coachingFeedback, coachingProcesses, coachingSessions } from '../schema.js';
import { fieldLabels, labelTopics } from '../lookups.js';
import type { TCoachingProcessRecord } from './coaching.types.js';

export const COACHING_STATUS_LABELS = { requested: 'angefragt', matched: 'vermittelt', running: 'laufend', completed: 'abgeschlossen', cancelled: 'abgebrochen' } as const;
export type CoachingStatus = keyof typeof COACHING_STATUS_LABELS;
type Row = typeof coachingProcesses.$inferSelect;

export async function presentProcesses(db: Db, rows: Row[]): Promise<TCoachingProcessRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const names = new Map((await db.select({ ags: communes.ags, name: communes.name }).from(communes).where(inArray(communes.ags, [...new Set(rows.map((r) => r.ags))]))).map((c) => [c.ags, c.name]));
  const coachIds = [...new Set(rows.map((r) => r.coachId).filter((c): c is string => !!c))];
  const coachRows = new Map(coachIds.length ? (await db.select({ id: coaches.id, name: coaches.name, organisation: coaches.organisation, userId: coaches.userId }).from(coaches).where(inArray(coaches.id, coachIds))).map((c) => [c.id, c]) : []);
  const coacheeIds = [...new Set(rows.map((r) => r.coacheeUserId).filter((c): c is string => !!c))];
  const coachees = new Map(coacheeIds.length ? (await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, coacheeIds))).map((u) => [u.id, u.n]) : []);
  const sessions = await db.select().from(coachingSessions).where(inArray(coachingSessions.processId, ids)).orderBy(asc(coachingSessions.heldOn));
  const feedback = new Map((await db.select().from(coachingFeedback).where(inArray(coachingFeedback.processId, ids))).map((f) => [f.processId, f]));
  const labels = await fieldLabels(db);
  return rows.map((r) => {
    const fb = feedback.get(r.id);
    return {
      id: r.id, commune: { ags: r.ags, name: names.get(r.ags) ?? r.ags },
      status: r.status as CoachingStatus, statusLabel: COACHING_STATUS_LABELS[r.status as CoachingStatus],
      requestedOn: r.requestedOn, reason: r.reason, topics: labelTopics(labels, r.topics),
      coach: r.coachId ? coachRows.get(r.coachId) ?? null : null,
      coachee: { userId: r.coacheeUserId, name: r.coacheeUserId ? coachees.get(r.coacheeUserId) ?? r.coacheeName : r.coacheeName },
      matchedOn: r.matchedOn, startedOn: r.startedOn, endedOn: r.endedOn, endNote: r.endNote,
      sessions: sessions.filter((s) => s.processId === r.id).map((s) => ({
        id: s.id, heldOn: s.heldOn, participants: s.participants, topics: labelTopics(labels, s.topics), notes: s.notes, nextSteps: s.nextSteps,
      })),
      feedback: fb ? { goalsReached: fb.goalsReached, satisfaction: fb.satisfaction, wouldRecommend: fb.wouldRecommend, comment: fb.comment, submittedAt: fb.submittedAt.toISOString() } : null,
      version: r.version,
    };
  });
}

export async function getProcessRow(db: Db, id: string) {
  const [row] = await db.select().from(coachingProcesses).where(eq(coachingProcesses.id, id));
  if (!row) throw notFound('Diesen Coaching-Prozess gibt es nicht.');
  return row;
}

/** One process, or undefined (the policy's subject loader). */
export async function loadProcess(db: Db, id: string): Promise<TCoachingProcessRecord | undefined> {
  const [row] = await db.select().from(coachingProcesses).where(eq(coachingProcesses.id, id));
  return row ? (await presentProcesses(db, [row]))[0] : undefined;
}

/** One process inside a write; 404 when it is gone. */
export async function getProcess(db: Db, id: string): Promise<TCoachingProcessRecord> {
  return (await presentProcesses(db, [await getProcessRow(db, id)]))[0]!;
}
