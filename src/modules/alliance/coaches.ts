import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { notFound, unprocessable } from '../../server/http/problem.js';
import { districts } from '../communes/schema.js';
import { coaches, coachingProcesses } from './schema.js';
import { checkTopics, usersWithRole } from './lookups.js';

export interface CoachInput { name: string; organisation: string; email: string; userId: string | null; competencies: string[]; regions: string[]; capacity: number; active: boolean }

/** Processes a coach currently carries (matched or running) — compared with their capacity. */
export async function coachLoads(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ id: coachingProcesses.coachId, n: count() }).from(coachingProcesses)
    .where(inArray(coachingProcesses.status, ['matched', 'running'])).groupBy(coachingProcesses.coachId);
  return new Map(rows.filter((r) => r.id).map((r) => [r.id!, r.n]));
}

export async function listCoaches(db: Db) {
  const loads = await coachLoads(db);
  const rows = await db.select().from(coaches).orderBy(asc(coaches.name));
  return rows.map((c) => ({ ...c, load: loads.get(c.id) ?? 0 }));
}

export async function getCoach(db: Db, id: string) {
  const row = (await listCoaches(db)).find((c) => c.id === id);
  if (!row) throw notFound('Diesen Coach gibt es nicht.');
  return row;
}

async function checkCoach(db: Db, input: CoachInput) {
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

export async function createCoach(db: Db, ctx: AuditContext, input: CoachInput) {
  return db.transaction(async (tx) => {
    await checkCoach(tx, input);
    const [row] = await tx.insert(coaches).values(input).returning();
    const after = await getCoach(tx, row!.id);
    await recordAudit(tx, ctx, { action: 'coach.created', entityType: 'coach', entityId: row!.id, after });
    return after;
  });
}

export async function updateCoach(db: Db, ctx: AuditContext, id: string, input: CoachInput & { version: number }) {
  return db.transaction(async (tx) => {
    const before = await getCoach(tx, id);
    await checkCoach(tx, input);
    const { version, ...values } = input;
    await updateVersioned(tx, coaches, eq(coaches.id, id), version, values, 'Der Coach');
    const after = await getCoach(tx, id);
    await recordAudit(tx, ctx, { action: 'coach.updated', entityType: 'coach', entityId: id, before, after });
    return after;
  });
}
