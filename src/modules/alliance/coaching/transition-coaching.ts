import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import type { Actor } from '../../../server/auth/roles.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { forbidden, invalidField, unprocessable } from '../../../server/http/problem.js';
import { todayIso } from '../../../lib/dates.js';
import { recordAllianceAudit, type AllianceAuditAction } from '../audit.js';
import { coachingPolicy } from '../policy.js';
import { coaches, coachingProcesses } from '../schema.js';
import { COACHING_STATUS_LABELS, getProcess, getProcessRow, type CoachingStatus } from './coaching.js';
import { getCoach } from './coaches.js';
import type { TCoachingProcessRecord, TCoachingTransition } from './coaching.types.js';

type CoachingAction = TCoachingTransition['action'];
const FROM: Record<CoachingAction, CoachingStatus[]> = {
  match: ['requested', 'matched'], start: ['matched'], complete: ['running'], cancel: ['requested', 'matched', 'running'],
};
const ACTION_LABELS: Record<CoachingAction, string> = { match: 'einem Coach zuordnen', start: 'beginnen', complete: 'abschließen', cancel: 'abbrechen' };
const AUDIT_ACTIONS: Record<CoachingAction, AllianceAuditAction> = { match: 'coaching.matched', start: 'coaching.started', complete: 'coaching.completed', cancel: 'coaching.cancelled' };

/**
 * Moves a process on. The route let in who may run it (the LPR, its own coach); matching and cancelling are the
 * LPR's alone (403 for the coach).
 */
export async function transitionCoaching(db: Db, ctx: AuditContext, actor: Actor | null, process: TCoachingProcessRecord, input: TCoachingTransition): Promise<TCoachingProcessRecord> {
  if ((input.action === 'match' || input.action === 'cancel') && !(await coachingPolicy.allows(db, actor, 'manage', process))) {
    throw forbidden('Nur der Landespräventionsrat vermittelt oder bricht Coaching-Prozesse ab.');
  }
  const id = process.id;
  return db.transaction(async (tx) => {
    const row = await getProcessRow(tx, id);
    if (!FROM[input.action].includes(row.status as CoachingStatus)) {
      throw unprocessable('invalid_transition', `Ein Coaching im Zustand „${COACHING_STATUS_LABELS[row.status as CoachingStatus]}“ kann man nicht ${ACTION_LABELS[input.action]}.`);
    }
    const date = input.date ?? todayIso();
    if (date > todayIso()) throw unprocessable('date_in_future', 'Das Datum liegt in der Zukunft.', 'date');
    if (date < row.requestedOn) throw unprocessable('date_before_request', 'Das Datum liegt vor der Anfrage.', 'date');
    const before = await getProcess(tx, id);
    let changes: Record<string, unknown> = {};
    if (input.action === 'match') {
      if (!input.coachId) throw invalidField('coachId', 'Bitte einen Coach wählen.', 'Coach');
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
    const after = await getProcess(tx, id);
    await recordAllianceAudit(tx, ctx, { action: AUDIT_ACTIONS[input.action], entityType: 'coaching_process', entityId: id, before, after });
    return after;
  });
}
