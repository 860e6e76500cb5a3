import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { isLpr, type Actor } from '../../server/auth/roles.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { forbidden, invalidField, notFound, unprocessable } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { coaches, coachingProcesses } from './schema.js';
import { COACHING_STATUS_LABELS, getProcessRow, getVisibleProcess, ownCoachIds, type CoachingStatus } from './coaching.js';
import { getCoach } from './coaches.js';

export type CoachingAction = 'match' | 'start' | 'complete' | 'cancel';
const FROM: Record<CoachingAction, CoachingStatus[]> = {
  match: ['requested', 'matched'], start: ['matched'], complete: ['running'], cancel: ['requested', 'matched', 'running'],
};
const ACTION_LABELS: Record<CoachingAction, string> = { match: 'einem Coach zuordnen', start: 'beginnen', complete: 'abschließen', cancel: 'abbrechen' };

/** May the actor run this process? LPR staff always; a coach only their own, and never (re)match or cancel. */
export async function assertRunsProcess(db: Db, actor: Actor, row: { coachId: string | null }, action: CoachingAction | 'log') {
  if (isLpr(actor)) return;
  const own = await ownCoachIds(db, actor);
  if (!row.coachId || !own.includes(row.coachId)) throw notFound('Diesen Coaching-Prozess gibt es nicht.');
  if (action === 'match' || action === 'cancel') throw forbidden('Nur der Landespräventionsrat vermittelt oder bricht Coaching-Prozesse ab.');
}

export async function transitionCoaching(db: Db, ctx: AuditContext, actor: Actor, id: string, input: {
  action: CoachingAction; version: number; coachId?: string; date?: string; note?: string;
}) {
  return db.transaction(async (tx) => {
    const row = await getProcessRow(tx, id);
    await assertRunsProcess(tx, actor, row, input.action);
    if (!FROM[input.action].includes(row.status as CoachingStatus)) {
      throw unprocessable('invalid_transition', `Ein Coaching im Zustand „${COACHING_STATUS_LABELS[row.status as CoachingStatus]}“ kann man nicht ${ACTION_LABELS[input.action]}.`);
    }
    const date = input.date ?? todayIso();
    if (date > todayIso()) throw unprocessable('date_in_future', 'Das Datum liegt in der Zukunft.', 'date');
    if (date < row.requestedOn) throw unprocessable('date_before_request', 'Das Datum liegt vor der Anfrage.', 'date');
    const before = await getVisibleProcess(tx, actor, id);
    let changes: Record<string, unknown> = {};
    if (input.action === 'match') {
      if (!input.coachId) throw invalidField('coachId', 'Bitte einen Coach wählen.');
      // Lock the coach so that two simultaneous matches cannot both take the last free place.
      await tx.select({ id: coaches.id }).from(coaches).where(eq(coaches.id, input.coachId)).for('update');
      const coach = await getCoach(tx, input.coachId);
      if (!coach.active) throw unprocessable('coach_inactive', `${coach.name} nimmt derzeit keine Coachings an.`, 'coachId');
      const load = coach.load - (row.coachId === coach.id ? 1 : 0);
      if (load >= coach.capacity) throw unprocessable('coach_at_capacity', `${coach.name} ist mit ${coach.load} von ${coach.capacity} Prozessen ausgelastet.`, 'coachId');
      changes = { status: 'matched', coachId: coach.id, matchedOn: date };
    }
    if (input.action === 'start') changes = { status: 'running', startedOn: date };
    if (input.action === 'complete') changes = { status: 'completed', endedOn: date, endNote: input.note ?? '' };
    if (input.action === 'cancel') changes = { status: 'cancelled', endedOn: date, endNote: input.note ?? '' };
    await updateVersioned(tx, coachingProcesses, eq(coachingProcesses.id, id), input.version, { ...changes, updatedAt: new Date() }, 'Der Coaching-Prozess');
    const after = await getVisibleProcess(tx, actor, id);
    const verb = { match: 'matched', start: 'started', complete: 'completed', cancel: 'cancelled' }[input.action];
    await recordAudit(tx, ctx, { action: `coaching.${verb}`, entityType: 'coaching_process', entityId: id, before, after });
    return after;
  });
}
