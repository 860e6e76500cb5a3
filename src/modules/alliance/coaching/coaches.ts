import { asc, count, inArray } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { notFound, unprocessable } from '../../../server/http/problem.js';
import { districts } from '../../communes/schema.js';
import { coaches, coachingProcesses } from '../schema.js';
import { checkTopics, usersWithRole } from '../lookups.js';
import type { TCoach, TCoachInput } from './coaching.types.js';

/** Processes a coach currently carries (matched or running) — compared with their capacity. */
async function coachLoads(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ id: coachingProcesses.coachId, n: count() }).from(coachingProcesses)
    .where(inArray(coachingProcesses.status, ['matched', 'running'])).groupBy(coachingProcesses.coachId);
  return new Map(rows.filter((r) => r.id).map((r) => [r.id!, r.n]));
}

/** The coach pool with each coach's load. */
export async function listCoaches(db: Db): Promise<TCoach[]> {
  const loads = await coachLoads(db);
  const rows = await db.select().from(coaches).orderBy(asc(coaches.name));
  return rows.map((c) => ({ ...c, load: loads.get(c.id) ?? 0 }));
}

/** One coach, or undefined (the policy's subject loader). */
export async function loadCoach(db: Db, id: string): Promise<TCoach | undefined> {
  return (await listCoaches(db)).find((c) => c.id === id);
}

export async function getCoach(db: Db, id: string): Promise<TCoach> {
  const coach = await loadCoach(db, id);
  if (!coach) throw notFound('Diesen Coach gibt es nicht.');
  return coach;
}

/** Known competencies and Kreise; a linked account must hold the coach role. */
export async function checkCoach(db: Db, input: TCoachInput) {
  await checkTopics(db, input.competencies, 'competencies');
  if (input.regions.length) {
    const known = new Set((await db.select({ ags: districts.ags }).from(districts)).map((d) => d.ags));
    const bad = input.regions.filter((r) => !known.has(r));
    if (bad.length) throw unprocessable('unknown_region', `Unbekannter Kreis: ${bad.join(', ')}.`, 'regions');
  }
  if (input.userId && !(await usersWithRole(db, ['coach'])).some((u) => u.id === input.userId)) {
    throw unprocessable('not_a_coach_account', 'Das verknüpfte Konto hat keine Coach-Rolle.', 'userId');
  }
}
