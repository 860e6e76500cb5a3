import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField } from '../../server/http/problem.js';
import { councils, councilStateChanges } from './schema.js';
import { COUNCIL_TRANSITIONS, LABELS, type TStateChangeInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { berlinDay } from './council-records.js';

/** Moves the council along geplant → konstituiert → aktiv → ruhend → reaktiviert → aufgelöst, dated, never back in time. */
export async function changeCouncilState(db: Db, ctx: AuditContext, council: CouncilRow, input: TStateChangeInput): Promise<CouncilRow> {
  const allowed = COUNCIL_TRANSITIONS[council.state];
  if (!allowed.includes(input.state)) {
    throw invalidField('state', `Ein ${LABELS.councilState[council.state]}er Rat kann nicht ${LABELS.councilState[input.state]} werden${allowed.length ? ` (möglich: ${allowed.map((s) => LABELS.councilState[s]).join(', ')})` : ''}.`, 'Stand');
  }
  if (input.effectiveOn > berlinDay(new Date())) throw invalidField('effectiveOn', 'Der Stand kann nicht für einen künftigen Tag eingetragen werden.', 'Datum');
  const [last] = await db.select().from(councilStateChanges).where(eq(councilStateChanges.councilId, council.id)).orderBy(desc(councilStateChanges.effectiveOn)).limit(1);
  if (last && input.effectiveOn < last.effectiveOn) {
    throw invalidField('effectiveOn', `Das Datum liegt vor dem letzten Eintrag (${LABELS.councilState[last.state]} am ${last.effectiveOn.split('-').reverse().join('.')}).`, 'Datum');
  }
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councils, eq(councils.id, council.id), input.version, { state: input.state, updatedAt: new Date() }, 'Der Präventionsrat');
    await tx.insert(councilStateChanges).values({ councilId: council.id, state: input.state, effectiveOn: input.effectiveOn, note: input.note, createdBy: ctx.actorId });
    await recordCouncilsAudit(tx, ctx, { action: 'council.state_changed', entityType: 'council', entityId: council.id, before: { state: council.state }, after: { state: input.state, effectiveOn: input.effectiveOn, note: input.note } });
    return row;
  });
}
