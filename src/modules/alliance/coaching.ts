import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { hasRole, isLpr, type Actor } from '../../server/auth/roles.js';
import { isAllowed } from '../../server/http/access.js';
import { notFound } from '../../server/http/problem.js';
import { users } from '../auth/schema.js';
import { communes } from '../communes/schema.js';
import { coaches, coachingFeedback, coachingProcesses, coachingSessions } from './schema.js';
import { fieldLabels, labelTopics } from './lookups.js';
import { alliancePolicy } from './policy.js';
import { visibleCommunes } from './visibility.js';

export const COACHING_STATUS_LABELS = { requested: 'angefragt', matched: 'vermittelt', running: 'laufend', completed: 'abgeschlossen', cancelled: 'abgebrochen' } as const;
export type CoachingStatus = keyof typeof COACHING_STATUS_LABELS;
type Row = typeof coachingProcesses.$inferSelect;

/** The coach records linked to the actor's account (a coach sees only these coaches' processes). */
export async function ownCoachIds(db: Db, actor: Actor | null): Promise<string[]> {
  if (!actor) return [];
  return (await db.select({ id: coaches.id }).from(coaches).where(eq(coaches.userId, actor.userId))).map((c) => c.id);
}

/** Filter for the processes an actor may see: LPR all, a commune its own, a coach their own. */
export async function coachingScope(db: Db, actor: Actor | null): Promise<SQL | undefined | 'none'> {
  if (isLpr(actor)) return undefined;
  const conditions: SQL[] = [];
  if (hasRole(actor, 'coach')) {
    const own = await ownCoachIds(db, actor);
    if (own.length) conditions.push(inArray(coachingProcesses.coachId, own));
  }
  if (hasRole(actor, 'commune')) {
    const v = await visibleCommunes(db, actor);
    if (!v.all && v.ags.size) conditions.push(inArray(coachingProcesses.ags, [...v.ags]));
  }
  if (!conditions.length) return 'none';
  return conditions.length === 1 ? conditions[0] : or(...conditions);
}

/** Which of these processes the actor may open (GET /coaching/:id: the route's roles and coachingScope), e.g. for links in the Bilanz. */
export async function openableProcessIds(db: Db, actor: Actor | null, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length || !isAllowed(alliancePolicy.readCoaching, actor)) return new Set();
  const scope = await coachingScope(db, actor);
  if (scope === 'none') return new Set();
  const inList = inArray(coachingProcesses.id, [...ids]);
  return new Set((await db.select({ id: coachingProcesses.id }).from(coachingProcesses).where(scope ? and(inList, scope) : inList)).map((r) => r.id));
}

export async function presentProcesses(db: Db, rows: Row[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const names = new Map((await db.select({ ags: communes.ags, name: communes.name }).from(communes).where(inArray(communes.ags, [...new Set(rows.map((r) => r.ags))]))).map((c) => [c.ags, c.name]));
  const coachIds = [...new Set(rows.map((r) => r.coachId).filter((c): c is string => !!c))];
  const coachRows = new Map(coachIds.length ? (await db.select({ id: coaches.id, name: coaches.name, organisation: coaches.organisation }).from(coaches).where(inArray(coaches.id, coachIds))).map((c) => [c.id, c]) : []);
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

export async function listCoaching(db: Db, actor: Actor | null, q: { ags?: string; status?: string }) {
  const scope = await coachingScope(db, actor);
  if (scope === 'none') return { items: [] };
  const where: SQL[] = scope ? [scope] : [];
  if (q.ags) where.push(eq(coachingProcesses.ags, q.ags));
  if (q.status) where.push(eq(coachingProcesses.status, q.status));
  const rows = await db.select().from(coachingProcesses).where(where.length ? and(...where) : undefined).orderBy(desc(coachingProcesses.requestedOn), desc(coachingProcesses.createdAt));
  return { items: await presentProcesses(db, rows) };
}

export async function getProcessRow(db: Db, id: string) {
  const [row] = await db.select().from(coachingProcesses).where(eq(coachingProcesses.id, id));
  if (!row) throw notFound('Diesen Coaching-Prozess gibt es nicht.');
  return row;
}

/** One process, if the actor may see it (404 otherwise, so that others' processes stay invisible). */
export async function getVisibleProcess(db: Db, actor: Actor | null, id: string) {
  const scope = await coachingScope(db, actor);
  if (scope === 'none') throw notFound('Diesen Coaching-Prozess gibt es nicht.');
  const [row] = await db.select().from(coachingProcesses).where(scope ? and(eq(coachingProcesses.id, id), scope) : eq(coachingProcesses.id, id));
  if (!row) throw notFound('Diesen Coaching-Prozess gibt es nicht.');
  return (await presentProcesses(db, [row]))[0]!;
}
