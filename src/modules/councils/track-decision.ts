import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { forbidden, invalidField, Problem } from '../../server/http/problem.js';
import { councilDecisions, councilDecisionUpdates, councilPersons } from './schema.js';
import { LABELS, type TDecisionTrackState, type TTrackInput } from './councils.types.js';
import { councilPolicy, type CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { berlinDay, decisionOf, type DecisionRow } from './council-records.js';
import { ownsPerson } from './own-person.js';

const NEXT: Record<TDecisionTrackState, readonly TDecisionTrackState[]> = {
  offen: ['in_arbeit', 'erledigt', 'nicht_umgesetzt'],
  in_arbeit: ['offen', 'erledigt', 'nicht_umgesetzt'],
  erledigt: ['in_arbeit'],
  nicht_umgesetzt: ['in_arbeit'],
};

/** Whether the actor is the decision's owner (by the linked account, or by the e-mail the person is recorded with). */
export async function ownsDecision(db: Db, actor: Actor, decision: Pick<DecisionRow, 'ownerPersonId'>): Promise<boolean> {
  if (!decision.ownerPersonId) return false;
  const [owner] = await db.select({ userId: councilPersons.userId, email: councilPersons.email }).from(councilPersons).where(eq(councilPersons.id, decision.ownerPersonId));
  return !!owner && ownsPerson(actor, owner);
}

/** The owner (or the council's managers) move a tracked decision on: offen → in Arbeit → erledigt / nicht umgesetzt. */
export async function trackDecision(db: Db, ctx: AuditContext, actor: Actor, council: CouncilRow, decisionId: string, input: TTrackInput) {
  const decision = await decisionOf(db, council.id, decisionId);
  if (!(await councilPolicy.allows(db, actor, 'manage', council)) && !(await ownsDecision(db, actor, decision))) {
    throw forbidden('Den Stand der Umsetzung trägt die verantwortliche Person ein (oder die Koordination des Rates).');
  }
  if (decision.trackState === null) throw new Problem(409, 'not_tracked', 'Dieser Beschluss ist nicht in der Beschlusskontrolle; nehmen Sie ihn zuerst mit einer verantwortlichen Person auf.');
  if (input.state !== decision.trackState && !NEXT[decision.trackState].includes(input.state)) {
    throw invalidField('state', `Von „${LABELS.trackState[decision.trackState]}“ geht es weiter mit: ${NEXT[decision.trackState].map((s) => LABELS.trackState[s]).join(', ')}.`, 'Stand der Umsetzung');
  }
  if (input.state === 'nicht_umgesetzt' && !input.note.trim()) throw invalidField('note', 'Bitte begründen Sie, warum der Beschluss nicht umgesetzt wird.', 'Vermerk');
  if (input.state === decision.trackState && !input.note.trim()) throw invalidField('note', 'Bitte einen neuen Stand wählen oder einen Vermerk schreiben.', 'Vermerk');
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilDecisions, eq(councilDecisions.id, decision.id), input.version, {
      trackState: input.state, trackNote: input.note || decision.trackNote, doneOn: input.state === 'erledigt' || input.state === 'nicht_umgesetzt' ? berlinDay(new Date()) : null, updatedAt: new Date(),
    }, 'Der Beschluss');
    await tx.insert(councilDecisionUpdates).values({ decisionId: decision.id, state: input.state, note: input.note, byUserId: actor.userId, byName: actor.displayName });
    await recordCouncilsAudit(tx, ctx, { action: 'council_decision.tracked', entityType: 'council_decision', entityId: decision.id, before: { trackState: decision.trackState }, after: { trackState: input.state, note: input.note } });
    return row;
  });
}
