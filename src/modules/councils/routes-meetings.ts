import { z } from 'zod';
import { and, asc, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { access } from '../../server/http/access.js';
import { ZListQuery } from '../../server/http/paging.js';
import { ZDate, ZId, ZVersion, ZVersionParam, ZText, labelled } from '../../server/http/zod.js';
import { councilPolicy as policy } from './policy.js';
import * as T from './councils.types.js';
import * as V from './councils.views.js';
import { councilMeetings } from './schema.js';
import { berlinDayStart, meetingOf, nextDay } from './council-records.js';
import { presentMeeting, presentMeetingSummaries } from './present-meeting.js';
import { scheduleMeeting } from './schedule-meeting.js';
import { updateMeeting } from './update-meeting.js';
import { inviteMeeting } from './invite-meeting.js';
import { cancelMeeting } from './cancel-meeting.js';
import { markMeetingHeld } from './mark-meeting-held.js';
import { addAgendaItem } from './add-agenda-item.js';
import { updateAgendaItem } from './update-agenda-item.js';
import { deleteAgendaItem } from './delete-agenda-item.js';
import { reorderAgenda } from './reorder-agenda.js';
import { recordAttendance } from './record-attendance.js';
import { saveMinutes } from './save-minutes.js';
import { approveMinutes } from './approve-minutes.js';
import { recordDecision } from './record-decision.js';
import { updateDecision } from './update-decision.js';
import { deleteDecision } from './delete-decision.js';
import { trackDecision } from './track-decision.js';
import { listDecisions } from './list-decisions.js';
import { listMyDecisions } from './list-my-decisions.js';
import { presentDecisions } from './present-decisions.js';
import { decisionOf } from './council-records.js';

const ZMeetingQuery = z.object({ from: labelled(ZDate, 'Von').optional(), to: labelled(ZDate, 'Bis').optional(), bodyId: labelled(ZId, 'Gremium').optional() });
const ZVersionBody = z.object({ version: ZVersion });
const ZCancelBody = z.object({ reason: labelled(ZText(1000), 'Grund der Absage').default(''), version: ZVersion });
const ZDecisionQuery = ZListQuery(['dueOn'] as const, { sort: 'dueOn' }, {
  state: z.enum(['open', 'overdue', 'all', ...T.DECISION_TRACK_STATES], { error: 'Bitte einen Stand wählen.' }).default('open'),
  ownerPersonId: labelled(ZId, 'Verantwortlich').optional(),
});
const ZMailResult = z.object({ meeting: V.ZMeetingDetail, mailsSent: z.number().int() });

export async function meetingRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Präventionsräte: Sitzungen und Beschlüsse'];
  const mail = { mailer: app.mailer, config: app.config };
  const detail = async (request: Parameters<typeof policy.of>[0], meetingId: string) => {
    const c = policy.of(request);
    return presentMeeting(db, request.actor, c, await meetingOf(db, c.id, meetingId));
  };

  app.get('/councils/:id/meetings', {
    config: policy.route('read'),
    schema: { tags, summary: 'Sitzungskalender des Rates (alle Gremien oder eines), nach Datum', params: T.ZCouncilParams, querystring: ZMeetingQuery, response: { 200: V.ZMeetingList } },
  }, async (request) => {
    const c = policy.of(request);
    const q = request.query;
    const rows = await db.select().from(councilMeetings).where(and(eq(councilMeetings.councilId, c.id), isNull(councilMeetings.deletedAt),
      q.bodyId ? eq(councilMeetings.bodyId, q.bodyId) : undefined,
      q.from ? gte(councilMeetings.startsAt, berlinDayStart(q.from)) : undefined,
      q.to ? lt(councilMeetings.startsAt, berlinDayStart(nextDay(q.to))) : undefined) as SQL).orderBy(asc(councilMeetings.startsAt)).limit(500);
    return { items: await presentMeetingSummaries(db, rows) };
  });

  app.post('/councils/:id/meetings', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Sitzung planen', params: T.ZCouncilParams, body: T.ZMeetingInput, response: { 201: V.ZMeetingDetail } },
  }, async (request, reply) => {
    const m = await scheduleMeeting(db, auditContext(request), policy.of(request), request.body);
    return reply.status(201).send(await detail(request, m.id));
  });

  app.get('/councils/:id/meetings/:childId', {
    config: policy.route('read'),
    schema: { tags, summary: 'Sitzung mit Tagesordnung, Anwesenheit, Protokoll und Beschlüssen', params: T.ZCouncilChildParams, response: { 200: V.ZMeetingDetail } },
  }, async (request) => detail(request, request.params.childId));

  app.put('/councils/:id/meetings/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Sitzung ändern (nach der Einladung erhalten alle eine Aktualisierung)', params: T.ZCouncilChildParams, body: T.ZMeetingUpdate, response: { 200: ZMailResult } },
  }, async (request) => {
    const r = await updateMeeting(db, auditContext(request), mail, policy.of(request), request.params.childId, request.body);
    return { meeting: await detail(request, r.meeting.id), mailsSent: r.mailsSent };
  });

  app.post('/councils/:id/meetings/:childId/invitation', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Einladung mit Tagesordnung und Kalenderdatei an alle Mitglieder senden', params: T.ZCouncilChildParams, body: ZVersionBody, response: { 200: ZMailResult } },
  }, async (request) => {
    const r = await inviteMeeting(db, auditContext(request), mail, policy.of(request), request.params.childId, request.body.version);
    return { meeting: await detail(request, r.meeting.id), mailsSent: r.mailsSent };
  });

  app.post('/councils/:id/meetings/:childId/cancel', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Sitzung absagen (Eingeladene erhalten eine Absage für ihren Kalender)', params: T.ZCouncilChildParams, body: ZCancelBody, response: { 200: ZMailResult } },
  }, async (request) => {
    const r = await cancelMeeting(db, auditContext(request), mail, policy.of(request), request.params.childId, request.body);
    return { meeting: await detail(request, r.meeting.id), mailsSent: r.mailsSent };
  });

  app.post('/councils/:id/meetings/:childId/held', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Sitzung als durchgeführt vermerken', params: T.ZCouncilChildParams, body: ZVersionBody, response: { 200: V.ZMeetingDetail } },
  }, async (request) => {
    const m = await markMeetingHeld(db, auditContext(request), policy.of(request), request.params.childId, request.body.version);
    return detail(request, m.id);
  });

  app.post('/councils/:id/meetings/:childId/agenda', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Tagesordnungspunkt anlegen (öffentlich oder nicht öffentlich)', params: T.ZCouncilChildParams, body: T.ZAgendaItemInput, response: { 201: V.ZMeetingDetail } },
  }, async (request, reply) => {
    await addAgendaItem(db, auditContext(request), policy.of(request), request.params.childId, request.body);
    return reply.status(201).send(await detail(request, request.params.childId));
  });

  app.put('/councils/:id/meetings/:childId/agenda-order', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Tagesordnung neu ordnen (alle Punkte in der neuen Reihenfolge; nummeriert ab 1)', params: T.ZCouncilChildParams, body: z.object({ itemIds: z.array(ZId).max(200), version: ZVersion }), response: { 200: V.ZMeetingDetail } },
  }, async (request) => {
    await reorderAgenda(db, auditContext(request), policy.of(request), request.params.childId, request.body);
    return detail(request, request.params.childId);
  });

  app.put('/councils/:id/agenda/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Tagesordnungspunkt ändern', params: T.ZCouncilChildParams, body: T.ZAgendaItemUpdate, response: { 200: V.ZMeetingDetail } },
  }, async (request) => {
    const item = await updateAgendaItem(db, auditContext(request), policy.of(request), request.params.childId, request.body);
    return detail(request, item.meetingId);
  });

  app.delete('/councils/:id/agenda/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Tagesordnungspunkt löschen', params: T.ZCouncilChildParams, querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteAgendaItem(db, auditContext(request), policy.of(request), request.params.childId, request.query.version);
    return reply.status(204).send(null);
  });

  app.put('/councils/:id/meetings/:childId/attendance', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Anwesenheit erfassen (anwesend, entschuldigt, Gast)', params: T.ZCouncilChildParams, body: T.ZAttendanceInput, response: { 200: V.ZMeetingDetail } },
  }, async (request) => {
    await recordAttendance(db, auditContext(request), policy.of(request), request.params.childId, request.body);
    return detail(request, request.params.childId);
  });

  app.put('/councils/:id/meetings/:childId/minutes', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Ergebnisprotokoll je Tagesordnungspunkt speichern (Entwurf; 409 bei gleichzeitiger Änderung)', params: T.ZCouncilChildParams, body: T.ZMinutesInput, response: { 200: V.ZMeetingDetail } },
  }, async (request) => {
    await saveMinutes(db, auditContext(request), policy.of(request), request.params.childId, request.body);
    return detail(request, request.params.childId);
  });

  app.post('/councils/:id/meetings/:childId/minutes/approval', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Protokoll in einer späteren Sitzung genehmigen', params: T.ZCouncilChildParams, body: T.ZApproveMinutesInput, response: { 200: V.ZMeetingDetail } },
  }, async (request) => {
    await approveMinutes(db, auditContext(request), policy.of(request), request.params.childId, request.body);
    return detail(request, request.params.childId);
  });

  app.post('/councils/:id/meetings/:childId/decisions', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Beschluss zu einem Tagesordnungspunkt erfassen (mit Abstimmung; mit Verantwortlichen in die Beschlusskontrolle)', params: T.ZCouncilChildParams, body: T.ZDecisionInput, response: { 201: V.ZMeetingDetail } },
  }, async (request, reply) => {
    await recordDecision(db, auditContext(request), policy.of(request), request.params.childId, request.body);
    return reply.status(201).send(await detail(request, request.params.childId));
  });

  app.put('/councils/:id/decisions/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Beschluss berichtigen', params: T.ZCouncilChildParams, body: T.ZDecisionUpdate, response: { 200: V.ZDecisionView } },
  }, async (request) => {
    const c = policy.of(request);
    const d = await updateDecision(db, auditContext(request), c, request.params.childId, request.body);
    return (await presentDecisions(db, [d], { actor: request.actor, canManage: true }))[0];
  });

  app.delete('/councils/:id/decisions/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Versehentlich erfassten Beschluss löschen', params: T.ZCouncilChildParams, querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteDecision(db, auditContext(request), policy.of(request), request.params.childId, request.query.version);
    return reply.status(204).send(null);
  });

  app.put('/councils/:id/decisions/:childId/tracking', {
    config: policy.route('track'),
    schema: { tags, summary: 'Stand der Umsetzung eintragen (die verantwortliche Person oder die Koordination)', params: T.ZCouncilChildParams, body: T.ZTrackInput, response: { 200: V.ZDecisionView } },
  }, async (request) => {
    const c = policy.of(request);
    const d = await trackDecision(db, auditContext(request), request.actor!, c, request.params.childId, request.body);
    return (await presentDecisions(db, [d], { actor: request.actor, canManage: await policy.allows(db, request.actor, 'manage', c) }))[0];
  });

  app.get('/councils/:id/decisions', {
    config: policy.route('read'),
    schema: { tags, summary: 'Beschlusskontrolle: verfolgte Beschlüsse nach Stand, überfällige zuerst', params: T.ZCouncilParams, querystring: ZDecisionQuery, response: { 200: V.ZDecisionList } },
  }, async (request) => {
    const c = policy.of(request);
    return listDecisions(db, request.actor, c, await policy.allows(db, request.actor, 'manage', c), request.query);
  });

  app.get('/councils/:id/decisions/:childId', {
    config: policy.route('read'),
    schema: { tags, summary: 'Beschluss mit Verlauf der Umsetzung', params: T.ZCouncilChildParams, response: { 200: V.ZDecisionView } },
  }, async (request) => {
    const c = policy.of(request);
    return (await presentDecisions(db, [await decisionOf(db, c.id, request.params.childId)], { actor: request.actor, canManage: await policy.allows(db, request.actor, 'manage', c) }))[0];
  });

  app.get('/decisions/mine', {
    config: { access: access.authenticated },
    schema: { tags, summary: 'Beschlüsse, für deren Umsetzung ich verantwortlich bin (noch offen)', response: { 200: z.object({ items: z.array(V.ZDecisionView) }) } },
  }, async (request) => ({ items: await listMyDecisions(db, request.actor!) }));
}
