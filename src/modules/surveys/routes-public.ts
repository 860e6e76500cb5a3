import type { App } from '../../server/modules.js';
import { access } from '../../server/http/access.js';
import { rateLimiter } from '../../server/http/rate-limit.js';
import * as T from './surveys.types.js';
import { openSurvey } from './open-survey.js';
import { saveDraft } from './save-draft.js';
import { submitResponse } from './submit-response.js';
import { nudgeMix } from './mixing.js';
import { refuseDemoCodeInProduction } from './respondent.js';

/**
 * The respondents' side: public, anonymous, rate-limited; codes travel in the body, never in a URL. These
 * routes write no log lines at all (no access log, no error log): a time, an address or a code in a log
 * could link an answer to a person (docs/anonymity.md).
 */
export async function surveyPublicRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Öffentlich: Bürgerbefragung'];
  const production = app.config.production;
  const limit = rateLimiter({ max: app.config.surveyRateLimit, windowMs: 60_000, message: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.' });

  app.post('/public/survey/open', {
    logLevel: 'silent',
    config: { access: access.public }, preHandler: limit,
    schema: { tags, summary: 'Befragung mit dem Zugangscode öffnen (mit gespeicherten Antworten)', body: T.ZOpenRequest, response: { 200: T.ZOpenedSurvey } },
  }, async (request) => {
    refuseDemoCodeInProduction(production, request.body.code);
    return openSurvey(db, request.body.code, app.config.mapBase);
  });

  app.put('/public/survey/draft', {
    logLevel: 'silent',
    config: { access: access.public }, preHandler: limit,
    schema: { tags, summary: 'Antworten zwischenspeichern (später mit dem Code fortsetzen)', body: T.ZDraftRequest, response: { 200: T.ZDraftSaved } },
  }, async (request) => {
    refuseDemoCodeInProduction(production, request.body.code);
    return saveDraft(db, request.body.code, request.body.answers, request.body.page ?? 0);
  });

  app.post('/public/survey/submit', {
    logLevel: 'silent',
    config: { access: access.public }, preHandler: limit,
    schema: { tags, summary: 'Antworten absenden (idempotent über die Absende-Kennung)', body: T.ZSubmitRequest, response: { 201: T.ZSubmitResult, 200: T.ZSubmitResult } },
  }, async (request, reply) => {
    refuseDemoCodeInProduction(production, request.body.code);
    const result = await submitResponse(db, request.body);
    if (result.status === 'received') nudgeMix(app.jobs, result.survey, app.config.surveyMixIntervalSeconds, () => {});
    return reply.status(result.status === 'received' ? 201 : 200).send({ status: result.status });
  });
}
