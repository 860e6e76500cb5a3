import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { councilDecisions, councilDecisionUpdates } from './schema.js';
import type { TDecisionUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { decisionOf, meetingOf } from './council-records.js';
import { checkRecommendation, checkTracking, checkVote, decisionNumber } from './decision-rules.js';

/** Corrects a decision (text, vote, owner, due date) while the minutes are not approved; tracking can be switched on later. */
export async function updateDecision(db: Db, ctx: AuditContext, council: CouncilRow, decisionId: string, input: TDecisionUpdate) {
  const decision = await decisionOf(db, council.id, decisionId);
  const meeting = await meetingOf(db, council.id, decision.meetingId);
  const { version, ...fields } = input;
  const wording = fields.text !== decision.text || fields.voteMode !== decision.voteMode || fields.votesYes !== decision.votesYes || fields.votesNo !== decision.votesNo || fields.votesAbstain !== decision.votesAbstain;
  if (meeting.minutesState === 'genehmigt' && wording) throw new Problem(409, 'minutes_approved', 'Das Protokoll ist genehmigt: Text und Abstimmung des Beschlusses sind endgültig. Verantwortliche und Frist können Sie weiter ändern.');
  const vote = await checkVote(db, meeting, fields);
  await checkTracking(db, council, fields);
  await checkRecommendation(db, council, fields.recommendationId);
  return db.transaction(async (tx) => {
    const number = fields.number === decision.number ? decision.number : await decisionNumber(tx, council, meeting, fields.number, decision.id);
    const startsTracking = fields.tracked && decision.trackState === null;
    const row = await updateVersioned(tx, councilDecisions, eq(councilDecisions.id, decision.id), version, {
      number, text: fields.text, voteMode: fields.voteMode, ...vote, recommendationId: fields.recommendationId,
      trackState: fields.tracked ? (decision.trackState ?? 'offen') : null, ownerPersonId: fields.tracked ? fields.ownerPersonId : null, dueOn: fields.tracked ? fields.dueOn : null,
      updatedAt: new Date(),
    }, 'Der Beschluss');
    if (startsTracking) await tx.insert(councilDecisionUpdates).values({ decisionId: decision.id, state: 'offen', note: 'In die Beschlusskontrolle aufgenommen', byUserId: ctx.actorId, byName: ctx.actorLabel });
    await recordCouncilsAudit(tx, ctx, {
      action: 'council_decision.updated', entityType: 'council_decision', entityId: decision.id,
      before: { number: decision.number, text: decision.text, voteMode: decision.voteMode, votesYes: decision.votesYes, votesNo: decision.votesNo, votesAbstain: decision.votesAbstain, ownerPersonId: decision.ownerPersonId, dueOn: decision.dueOn, trackState: decision.trackState },
      after: { number: row.number, text: row.text, voteMode: row.voteMode, votesYes: row.votesYes, votesNo: row.votesNo, votesAbstain: row.votesAbstain, ownerPersonId: row.ownerPersonId, dueOn: row.dueOn, trackState: row.trackState },
    });
    return row;
  });
}
