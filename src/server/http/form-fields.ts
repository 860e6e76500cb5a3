import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Problem } from './problem.js';
import { fieldLabel, labelledDetail } from './field-label.js';

/** Checks an upload's text fields against a schema; a bad field is a 400 naming it, as for JSON bodies. */
export function parseFormFields<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0]!;
  const labelOf = (path: PropertyKey[]) => fieldLabel(schema, path);
  throw new Problem(400, 'validation_failed', labelledDetail(labelOf(first.path), first.message), {
    field: String(first.path[0] ?? ''),
    errors: issues.map((i) => { const label = labelOf(i.path); return { field: i.path.join('.'), ...(label ? { label } : {}), message: i.message }; }),
  });
}

export interface UploadOptions<T> {
  /** Largest accepted file; one byte more is a 413 with `tooLarge`, answered without reading the rest. */
  maxBytes: number;
  tooLarge: string;
  /** The 400 detail when the form has no file. */
  missing: string;
  /**
   * Checks the text fields. They must come before the file in the form (browsers send them in form order):
   * this runs when the file part starts, before any of its bytes are read, so a missing or bad field is
   * answered at once instead of after the whole upload.
   */
  fields?: (values: Record<string, string | undefined>) => T;
  /** Checks the file's name and type when it starts (e.g. a 415 for the wrong kind), before its bytes are read. */
  accept?: (file: { filename: string; mimetype: string }) => void;
}
export interface Upload<T> { filename: string; mimetype: string; data: Buffer; fields: T }

/**
 * Reads a multipart upload with one file and its text fields. Every problem (a bad field, a file that is
 * too large, no file) is thrown as soon as it is known; the rest of the body is then not read: the answer
 * says `connection: close` and the server closes the connection after it instead of waiting for the upload.
 */
export async function readUpload<T = undefined>(request: FastifyRequest, reply: FastifyReply, opts: UploadOptions<T>): Promise<Upload<T>> {
  const values: Record<string, string | undefined> = {};
  let upload: Upload<T> | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: opts.maxBytes + 1, files: 1, fields: 50, fieldSize: 64 * 1024, parts: 60 } })) {
      if (part.type === 'field') {
        if (!upload && typeof part.value === 'string') values[part.fieldname] = part.value;
        continue;
      }
      const fields = opts.fields ? opts.fields(values) : (undefined as T);
      opts.accept?.({ filename: part.filename, mimetype: part.mimetype });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > opts.maxBytes) throw new Problem(413, 'file_too_large', opts.tooLarge, { field: 'file' });
        chunks.push(chunk);
      }
      upload = { filename: part.filename, mimetype: part.mimetype, data: Buffer.concat(chunks), fields };
    }
  } catch (err) {
    if (!request.raw.complete) reply.header('connection', 'close');
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new Problem(413, 'file_too_large', opts.tooLarge, { field: 'file' });
    if (code === 'FST_FILES_LIMIT') throw new Problem(400, 'too_many_files', 'Bitte laden Sie genau eine Datei hoch.', { field: 'file' });
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new Problem(400, 'too_many_fields', 'Das Formular enthält zu viele Felder.');
    throw err;
  }
  if (!upload) throw new Problem(400, 'file_missing', opts.missing, { field: 'file' });
  return upload;
}
