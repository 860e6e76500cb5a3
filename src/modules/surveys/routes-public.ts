import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { rateLimiter } from '../../server/http/rate-limit.js';
import { ZInt, ZJson, ZString } from '../../server/http/zod.js';
import { surveysPolicy as policy } from './policy.js';
import { openSurvey, saveDraft, submitResponse } from './respond.js';
import { nudgeMix } from './mixing.js';

const ZCode = ZString.trim().min(1, { error: 'Bitte geben Sie Ihren Zugangscode ein.' }).max(20);
const ZAnswers = z.record(ZString.max(40), ZJson);

/**
 * The respondents' side: public, anonymous, rate-limited; codes travel in the body, never in a URL. These
 * routes write no log lines at all (no access log, no error log): a time, an address or a code in a log
 * could link an answer to a person (docs/anonymity.md).
 */
export async function surveyPublicRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Öffentlich: Bürgerbefragung'];
  const limit = rateLimiter({ max: app.config.surveyRateLimit, windowMs: 60_000, message: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.' });

  app.post('/public/survey/open', {
    logLevel: 'silent',
    config: { access: policy.respond }, preHandler: limit,
    schema: { tags, summary: 'Befragung mit dem Zugangscode öffnen (mit gespeicherten Antworten)', body: z.object({ code: ZCode }),
      response: { 200: z.object({ title: z.string(), survey: z.string(), revision: z.number().int(), surveyJson: z.record(z.string(), z.unknown()), answers: ZAnswers }) } },
  }, async (request) => openSurvey(db, request.body.code));

  app.put('/public/survey/draft', {
    logLevel: 'silent',
    config: { access: policy.respond }, preHandler: limit,
    schema: { tags, summary: 'Antworten zwischenspeichern (später mit dem Code fortsetzen)', body: z.object({ code: ZCode, answers: ZAnswers }), response: { 200: z.object({ saved: z.boolean() }) } },
  }, async (request) => saveDraft(db, request.body.code, request.body.answers));

  app.post('/public/survey/submit', {
    logLevel: 'silent',
    config: { access: policy.respond }, preHandler: limit,
    schema: { tags, summary: 'Antworten absenden (idempotent über die Absende-Kennung)', body: z.object({ code: ZCode, submissionId: z.uuid({ error: 'Ungültige Absende-Kennung.' }), answers: ZAnswers, survey: z.uuid().optional(), revision: ZInt(1).optional() }),
      response: { 201: z.object({ status: z.enum(['received', 'already_received']) }), 200: z.object({ status: z.enum(['received', 'already_received']) }) } },
  }, async (request, reply) => {
    const result = await submitResponse(db, request.body);
    if (result.status === 'received') nudgeMix(app.jobs, result.survey, app.config.surveyMixIntervalSeconds, () => {});
    return reply.status(result.status === 'received' ? 201 : 200).send({ status: result.status });
  });
}
