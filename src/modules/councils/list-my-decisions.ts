import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { councilDecisions, councilPersons, councils } from './schema.js';
import { OPEN_TRACK_STATES } from './councils.types.js';
import { presentDecisions } from './present-decisions.js';

/** The decisions the actor is responsible for and that are still to be done (their start page), due first. */
export async function listMyDecisions(db: Db, actor: Actor, limit = 50) {
  const mine = await db.select({ id: councilPersons.id }).from(councilPersons).innerJoin(councils, eq(councils.id, councilPersons.councilId))
    .where(and(isNull(councilPersons.deletedAt), isNull(councils.deletedAt), or(eq(councilPersons.userId, actor.userId), sql`lower(${councilPersons.email}) = ${actor.email.toLowerCase()}`)));
  if (!mine.length) return [];
  const rows = await db.select().from(councilDecisions)
    .where(and(inArray(councilDecisions.ownerPersonId, mine.map((p) => p.id)), isNull(councilDecisions.deletedAt), inArray(councilDecisions.trackState, [...OPEN_TRACK_STATES])))
    .orderBy(sql`${councilDecisions.dueOn} asc nulls last`, councilDecisions.number).limit(limit);
  return presentDecisions(db, rows, { actor, canManage: false });
}
