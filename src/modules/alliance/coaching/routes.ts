import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { coachingPolicy, coachPoolPolicy } from '../policy.js';
import { ZIdParams } from '../alliance.types.js';
import * as T from './coaching.types.js';
import { listCoaches } from './coaches.js';
import { createCoach } from './create-coach.js';
import { updateCoach } from './update-coach.js';
import { listCoaching } from './list-coaching.js';
import { requestCoaching } from './request-coaching.js';
import { listCoachees } from './list-coachees.js';
import { coachCandidates } from './coach-candidates.js';
import { transitionCoaching } from './transition-coaching.js';
import { logCoachingSession } from './log-coaching-session.js';
import { submitCoachingFeedback } from './submit-coaching-feedback.js';

/** The coach pool and coaching processes (request, matching, sessions, feedback). */
export async function coachingRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Coaching'];

  app.get('/coaches', {
    config: { access: coachPoolPolicy.door('read') },
    schema: { tags, summary: 'Coach-Pool mit Auslastung', response: { 200: T.ZCoachList } },
  }, async () => ({ items: await listCoaches(db) }));

  app.post('/coaches', {
    config: { access: coachPoolPolicy.door('manage') },
    schema: { tags, summary: 'Coach in den Pool aufnehmen', body: T.ZCoachInput, response: { 201: T.ZCoach } },
  }, async (request, reply) => reply.status(201).send(await createCoach(db, auditContext(request), request.body)));

  app.put('/coaches/:id', {
    config: coachPoolPolicy.route('manage'),
    schema: { tags, summary: 'Coach ändern (mit Versionsprüfung)', params: ZIdParams, body: T.ZCoachUpdate, response: { 200: T.ZCoach } },
  }, async (request) => updateCoach(db, auditContext(request), coachPoolPolicy.of(request).id, request.body));

  app.get('/coaching', {
    config: { access: coachingPolicy.door('read') },
    schema: { tags, summary: 'Coaching-Prozesse (Coach: nur eigene; Kommune: eigene)', querystring: T.ZCoachingListQuery, response: { 200: T.ZCoachingList } },
  }, async (request) => listCoaching(db, request.actor, request.query));

  app.post('/coaching', {
    config: { access: coachingPolicy.door('request') },
    schema: { tags, summary: 'Coaching anfragen (durch oder für eine Kommune)', body: T.ZCoachingRequest, response: { 201: T.ZCoachingProcess } },
  }, async (request, reply) => reply.status(201).send(await coachingPolicy.withCan(db, request.actor, await requestCoaching(db, auditContext(request), request.actor, request.body))));

  app.get('/coaching/coachees', {
    config: { access: coachingPolicy.door('request') },
    schema: { tags, summary: 'Koordinatorinnen und Koordinatoren einer Kommune (mögliche Coachees)', querystring: T.ZCoacheesQuery, response: { 200: T.ZCoacheeList } },
  }, async (request) => ({ items: await listCoachees(db, request.actor, request.query.ags) }));

  app.get('/coaching/:id', {
    config: coachingPolicy.route('read'),
    schema: { tags, summary: 'Ein Coaching-Prozess mit Sitzungen und Rückmeldung', params: ZIdParams, response: { 200: T.ZCoachingProcess } },
  }, async (request) => coachingPolicy.withCan(db, request.actor, coachingPolicy.of(request)));

  app.get('/coaching/:id/candidates', {
    config: coachingPolicy.route('manage'),
    schema: { tags, summary: 'Passende Coaches: nach Kompetenz, dann Region, dann Auslastung, jeweils mit Begründung', params: ZIdParams, response: { 200: T.ZCoachCandidateList } },
  }, async (request) => ({ items: await coachCandidates(db, coachingPolicy.of(request).id) }));

  app.post('/coaching/:id/transitions', {
    config: coachingPolicy.route('run'),
    schema: { tags, summary: 'Coach zuordnen, beginnen, abschließen oder abbrechen', params: ZIdParams, body: T.ZCoachingTransition, response: { 200: T.ZCoachingProcess } },
  }, async (request) => coachingPolicy.withCan(db, request.actor, await transitionCoaching(db, auditContext(request), request.actor, coachingPolicy.of(request), request.body)));

  app.post('/coaching/:id/sessions', {
    config: coachingPolicy.route('run'),
    schema: { tags, summary: 'Sitzung protokollieren', params: ZIdParams, body: T.ZCoachingSessionInput, response: { 201: T.ZCoachingProcess } },
  }, async (request, reply) => reply.status(201).send(await coachingPolicy.withCan(db, request.actor, await logCoachingSession(db, auditContext(request), coachingPolicy.of(request).id, request.body))));

  app.post('/coaching/:id/feedback', {
    config: coachingPolicy.route('feedback'),
    schema: { tags, summary: 'Abschließende Rückmeldung der Kommune', params: ZIdParams, body: T.ZFeedbackInput, response: { 201: T.ZCoachingProcess } },
  }, async (request, reply) => reply.status(201).send(await coachingPolicy.withCan(db, request.actor, await submitCoachingFeedback(db, auditContext(request), coachingPolicy.of(request).id, request.body))));
}
