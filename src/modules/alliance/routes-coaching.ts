import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { isLpr } from '../../server/auth/roles.js';
import { ZAgs } from '../communes/communes.types.js';
import { alliancePolicy as policy } from './policy.js';
import * as T from './alliance.types.js';
import { getVisibleProcess, listCoaching } from './coaching.js';
import { createCoach, listCoaches, updateCoach } from './coaches.js';
import { requestCoaching } from './request-coaching.js';
import { coachCandidates } from './coach-candidates.js';
import { transitionCoaching } from './transition-coaching.js';
import { logCoachingSession } from './log-coaching-session.js';
import { submitCoachingFeedback } from './submit-coaching-feedback.js';
import { usersWithRole } from './lookups.js';
import { assertCommuneVisible } from './visibility.js';

export async function coachingRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Coaching'];

  app.get('/coaches', {
    config: { access: policy.readCoachPool },
    schema: { tags, summary: 'Coach-Pool mit Auslastung', response: { 200: z.object({ items: z.array(T.ZCoach) }) } },
  }, async () => ({ items: await listCoaches(db) }));

  app.post('/coaches', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Coach in den Pool aufnehmen', body: T.ZCoachInput, response: { 201: T.ZCoach } },
  }, async (request, reply) => reply.status(201).send(await createCoach(db, auditContext(request), request.body)));

  app.put('/coaches/:id', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Coach ändern (mit Versionsprüfung)', params: T.ZIdParams, body: T.ZCoachUpdate, response: { 200: T.ZCoach } },
  }, async (request) => updateCoach(db, auditContext(request), request.params.id, request.body));

  app.get('/coaching', {
    config: { access: policy.readCoaching },
    schema: { tags, summary: 'Coaching-Prozesse (Coach: nur eigene; Kommune: eigene)', querystring: T.ZCoachingListQuery, response: { 200: z.object({ items: z.array(T.ZCoachingProcess) }) } },
  }, async (request) => listCoaching(db, request.actor, request.query));

  app.post('/coaching', {
    config: { access: policy.requestCoaching },
    schema: { tags, summary: 'Coaching anfragen (durch oder für eine Kommune)', body: T.ZCoachingRequest, response: { 201: T.ZCoachingProcess } },
  }, async (request, reply) => reply.status(201).send(await requestCoaching(db, auditContext(request), request.actor!, request.body)));

  app.get('/coaching/coachees', {
    config: { access: policy.requestCoaching },
    schema: { tags, summary: 'Koordinatorinnen und Koordinatoren einer Kommune (mögliche Coachees)', querystring: z.object({ ags: ZAgs }), response: { 200: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), email: z.string() })) }) } },
  }, async (request) => {
    if (!isLpr(request.actor)) await assertCommuneVisible(db, request.actor, request.query.ags);
    return { items: await usersWithRole(db, ['commune'], request.query.ags) };
  });

  app.get('/coaching/:id', {
    config: { access: policy.readCoaching },
    schema: { tags, summary: 'Ein Coaching-Prozess mit Sitzungen und Rückmeldung', params: T.ZIdParams, response: { 200: T.ZCoachingProcess } },
  }, async (request) => getVisibleProcess(db, request.actor, request.params.id));

  app.get('/coaching/:id/candidates', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Passende Coaches (Region, Kompetenzen, freie Kapazität)', params: T.ZIdParams, response: { 200: z.object({ items: z.array(T.ZCoachCandidate) }) } },
  }, async (request) => ({ items: await coachCandidates(db, request.params.id) }));

  app.post('/coaching/:id/transitions', {
    config: { access: policy.runCoaching },
    schema: { tags, summary: 'Coach zuordnen, beginnen, abschließen oder abbrechen', params: T.ZIdParams, body: T.ZCoachingTransition, response: { 200: T.ZCoachingProcess } },
  }, async (request) => transitionCoaching(db, auditContext(request), request.actor!, request.params.id, request.body));

  app.post('/coaching/:id/sessions', {
    config: { access: policy.runCoaching },
    schema: { tags, summary: 'Sitzung protokollieren', params: T.ZIdParams, body: T.ZCoachingSessionInput, response: { 201: T.ZCoachingProcess } },
  }, async (request, reply) => reply.status(201).send(await logCoachingSession(db, auditContext(request), request.actor!, request.params.id, request.body)));

  app.post('/coaching/:id/feedback', {
    config: { access: policy.coachingFeedback },
    schema: { tags, summary: 'Abschließende Rückmeldung der Kommune', params: T.ZIdParams, body: T.ZFeedbackInput, response: { 201: T.ZCoachingProcess } },
  }, async (request, reply) => reply.status(201).send(await submitCoachingFeedback(db, auditContext(request), request.actor!, request.params.id, request.body)));
}
