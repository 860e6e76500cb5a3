import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { invalidField } from '../../server/http/problem.js';
import { councilDecisions, councilDecisionUpdates } from './schema.js';
import type { TDecisionInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { agendaItemOf, meetingOf } from './council-records.js';
import { checkDecisionOpen, checkRecommendation, checkTracking, checkVote, decisionNumber } from './decision-rules.js';

/** A decision on an agenda item, with its vote; with an owner it becomes tracked work (Beschlusskontrolle, state offen). */
export async function recordDecision(db: Db, ctx: AuditContext, council: CouncilRow, meetingId: string, input: TDecisionInput) {
  const meeting = await meetingOf(db, council.id, meetingId);
  const item = await agendaItemOf(db, council.id, input.agendaItemId).catch(() => { throw invalidField('agendaItemId', 'Diesen Tagesordnungspunkt gibt es in dieser Sitzung nicht.', 'Tagesordnungspunkt'); });
  if (item.meetingId !== meeting.id) throw invalidField('agendaItemId', 'Dieser Tagesordnungspunkt gehört zu einer anderen Sitzung.', 'Tagesordnungspunkt');
  checkDecisionOpen(meeting);
  const vote = await checkVote(db, meeting, input);
  await checkTracking(db, council, input);
  await checkRecommendation(db, council, input.recommendationId);
  return db.transaction(async (tx) => {
    const number = await decisionNumber(tx, council, meeting, input.number);
    const [row] = await tx.insert(councilDecisions).values({
      councilId: council.id, meetingId: meeting.id, agendaItemId: item.id, number, text: input.text, voteMode: input.voteMode, ...vote,
      recommendationId: input.recommendationId,
      trackState: input.tracked ? 'offen' : null, ownerPersonId: input.tracked ? input.ownerPersonId : null, dueOn: input.tracked ? input.dueOn : null,
    }).returning();
    if (input.tracked) await tx.insert(councilDecisionUpdates).values({ decisionId: row!.id, state: 'offen', note: 'Beschlossen', byUserId: ctx.actorId, byName: ctx.actorLabel });
    await recordCouncilsAudit(tx, ctx, { action: 'council_decision.created', entityType: 'council_decision', entityId: row!.id, after: { number, agendaItem: item.order, voteMode: input.voteMode, ...vote, tracked: input.tracked, ownerPersonId: row!.ownerPersonId, dueOn: row!.dueOn } });
    return row!;
  });
}
