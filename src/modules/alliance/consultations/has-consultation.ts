import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { consultationCommunes, consultations } from '../schema.js';

/** Was the commune advised on or before `day`? The funding module's precondition check. */
export async function hasConsultationBy(db: Db, ags: string, day: string): Promise<boolean> {
  const [row] = await db.select({ id: consultations.id }).from(consultations)
    .innerJoin(consultationCommunes, eq(consultationCommunes.consultationId, consultations.id))
    .where(and(eq(consultationCommunes.ags, ags), lte(consultations.heldOn, day))).limit(1);
  return !!row;
}
