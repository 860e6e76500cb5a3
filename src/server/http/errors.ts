import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { Problem, TITLES } from './problem.js';
import { fieldLabel, labelledDetail } from './field-label.js';

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
    if (error.validationContext === 'body' && error.validation.some((v) => v.instancePath === '/' && v.keyword === 'invalid_type')) {
      return sendProblem(reply, request, notAnObject(request));
    }
    const schema = (request.routeOptions.schema as Record<string, z.ZodType | undefined> | undefined)?.[error.validationContext ?? 'body'];
    const errors = error.validation.map((v) => {
      const issuePath = (v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path;
      const path = issuePath?.length ? issuePath : v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
      const label = fieldLabel(schema, path);
      return { field: path.map(String).join('.'), ...(label ? { label } : {}), message: v.message ?? 'ungültig' };
    });
    const first = errors[0]!;
    return sendProblem(reply, request, new Problem(400, 'validation_failed', labelledDetail(first.label, first.message), { field: first.field, errors }));
  }
  const input = inputProblem(error);
  if (input) {
    request.log.warn({ err: error }, 'request refused by the database or the upload parser');
    return sendProblem(reply, request, input);
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
    FST_FILES_LIMIT: ['too_many_files', 'Bitte laden Sie genau eine Datei hoch.'],
    FST_PARTS_LIMIT: ['too_many_parts', 'Die Anfrage enthält zu viele Felder.'],
    FST_FIELDS_LIMIT: ['too_many_parts', 'Die Anfrage enthält zu viele Felder.'],
    FST_PROTO_VIOLATION: ['invalid_multipart', 'Die Anfrage enthält ein unzulässiges Feld.'],
    FST_MP_PREMATURE_CLOSE: ['invalid_multipart', 'Die hochgeladenen Daten sind unvollständig. Bitte laden Sie die Datei erneut hoch.'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'Die Länge des Inhalts stimmt nicht mit der Angabe überein.'],
  };
  const [code, detail] = known[error.code] ?? ['bad_request', 'Die Anfrage ist ungültig.'];
  return sendProblem(reply, request, new Problem(status, code, detail));
}

/** The body is JSON but not an object (`"x"`, `[]`, `null`, `42`), or missing, or sent in another format. */
function notAnObject(request: FastifyRequest): Problem {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (request.body === undefined && type.startsWith('multipart/')) {
    return new Problem(415, 'unsupported_media_type', 'Bitte senden Sie den Inhalt der Anfrage als JSON-Objekt (application/json), nicht als Formular.');
  }
  if (request.body === undefined) return new Problem(400, 'body_missing', 'Der Inhalt der Anfrage fehlt; erwartet wird ein JSON-Objekt.');
  return new Problem(400, 'body_not_object', 'Der Inhalt der Anfrage muss ein JSON-Objekt sein.');
}

/** SQLSTATE of a PostgreSQL error (pg or PGlite), also when wrapped by Drizzle ("Failed query: …", as `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; severity?: unknown; routine?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && (e.severity !== undefined || e.routine !== undefined)) return e.code;
  }
  return undefined;
}

/** Messages of the multipart parser (busboy) for bodies that are cut off or malformed. */
const MALFORMED_MULTIPART = /^(Unexpected end of (multipart data|form)|Part terminated early|.* terminated early due to unexpected end of multipart data|Multipart: Boundary not found|Boundary required|The needle cannot have a length bigger than 256\.|Malformed part header|Unexpected end of file)$/;

/**
 * Input that passed the schemas but that PostgreSQL or the multipart parser refuses: a 4xx, not a 500.
 * The schemas' primitives (./zod.ts) catch text, numbers and dates first, with the field; this is the net
 * below them (uploaded file contents, a stale reference, a race on a unique key).
 */
export function inputProblem(error: unknown): Problem | null {
  const state = sqlStateOf(error);
  if (state?.startsWith('22')) {
    return new Problem(400, 'value_not_storable', 'Die Anfrage enthält einen Wert, der nicht gespeichert werden kann (z. B. ein Nullzeichen, ein ungültiges Unicode-Zeichen, ein Datum außerhalb des gültigen Bereichs oder eine zu große Zahl).');
  }
  if (state?.startsWith('54')) return new Problem(400, 'value_too_large', 'Die Anfrage enthält zu große oder zu tief verschachtelte Werte.');
  if (state === '23503') {
    const deleting = /update or delete on table/.test(String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message));
    return new Problem(409, 'still_referenced', deleting
      ? 'Der Datensatz wird noch verwendet (z. B. von einer Vereinbarung) und kann deshalb nicht gelöscht werden.'
      : 'Ein verknüpfter Datensatz existiert nicht (mehr). Bitte laden Sie die Seite neu.');
  }
  if (state === '23505') return new Problem(409, 'already_exists', 'Ein Datensatz mit diesen Angaben existiert bereits.');
  const message = (error as Error | undefined)?.message;
  if (typeof message === 'string' && MALFORMED_MULTIPART.test(message)) {
    return new Problem(400, 'invalid_multipart', 'Die hochgeladenen Daten sind unvollständig oder fehlerhaft (multipart/form-data). Bitte laden Sie die Datei erneut hoch.');
  }
  return null;
}

/**
 * Errors Fastify's router answers before any route runs: a path parameter longer than `maxParamLength`
 * (414) or a path that is not valid percent-encoding (400). Registered as `frameworkErrors`.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, request, new Problem(414, 'uri_too_long', 'Die Adresse (URL) ist zu lang.'));
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, request, new Problem(400, 'bad_url', 'Die Adresse (URL) ist ungültig kodiert.'));
  }
  return errorHandler(error, request, reply);
}

/**
 * Requests that Node's HTTP parser refuses before Fastify sees them (headers or URL over the size limit,
 * malformed HTTP, timeouts) get a problem+json answer too. Registered as `clientErrorHandler`.
 */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let code = 'bad_request';
  let detail = 'Die Anfrage ist ungültig.';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_HEADERS_TIMEOUT') {
    [status, code, detail] = [408, 'request_timeout', 'Die Anfrage kam nicht rechtzeitig vollständig an.'];
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Node counts the request line into the header limit: when the request line alone is that long, the
    // URL is too long; otherwise the headers are.
    const raw = Buffer.isBuffer(error.rawPacket) ? error.rawPacket : Buffer.alloc(0);
    const lineEnd = raw.indexOf('\r\n');
    const requestLine = raw.subarray(0, lineEnd === -1 ? raw.length : lineEnd).toString('latin1');
    [status, code, detail] = /^[A-Z]+ /.test(requestLine) && (lineEnd === -1 || requestLine.length > 8 * 1024)
      ? [414, 'uri_too_long', 'Die Adresse (URL) ist zu lang.']
      : [431, 'headers_too_large', 'Die Kopfzeilen der Anfrage (z. B. Cookies) sind zu groß.'];
  } else if (error.code === 'HPE_URI_TOO_LONG') {
    [status, code, detail] = [414, 'uri_too_long', 'Die Adresse (URL) ist zu lang.'];
  }
  if (socket.writable) {
    const body = JSON.stringify({
      type: `https://asskomm.sachsen.example/probleme/${code}`, title: TITLES[status] ?? STATUS_CODES[status] ?? 'Fehler', status, code, detail,
    });
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
