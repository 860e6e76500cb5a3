import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Problem, TITLES } from './problem.js';

export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: Problem) {
  if (p.status === 429 && typeof p.extra.retryAfterSeconds === 'number') reply.header('retry-after', String(p.extra.retryAfterSeconds));
  return reply.status(p.status).type('application/problem+json').send({
    type: `https://asskomm.sachsen.example/probleme/${p.code}`,
    title: TITLES[p.status] ?? 'Fehler',
    status: p.status,
    code: p.code,
    detail: p.detail,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...p.extra,
  });
}

/** Every error leaves as application/problem+json; 5xx details stay in the log (with the request id). */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Problem) return sendProblem(reply, request, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || ((v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path?.join('.') ?? ''),
      message: v.message ?? 'ungültig',
    }));
    const first = errors[0]!;
    return sendProblem(reply, request, new Problem(400, 'validation_failed',
      first.field ? `Feld „${first.field}“: ${first.message}` : first.message, { field: first.field, errors }));
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, new Problem(500, 'internal_error', `Ein interner Fehler ist aufgetreten. Bitte nennen Sie bei Rückfragen die Kennung ${request.id}.`));
  }
  const known: Record<string, [string, string]> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Dieses Datenformat wird nicht unterstützt.'],
    FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'Die Anfrage ist zu groß.'],
    FST_REQ_FILE_TOO_LARGE: ['file_too_large', 'Die Datei ist zu groß.'],
    FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', 'Der Inhalt der Anfrage ist kein gültiges JSON.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', 'Der Inhalt der Anfrage fehlt.'],
    FST_INVALID_MULTIPART_CONTENT_TYPE: ['unsupported_media_type', 'Bitte laden Sie eine Datei hoch (multipart/form-data).'],
  };
  const [code, detail] = known[error.code] ?? ['bad_request', 'Die Anfrage ist ungültig.'];
  return sendProblem(reply, request, new Problem(status, code, detail));
}
