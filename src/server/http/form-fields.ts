import type { MultipartFile } from '@fastify/multipart';
import type { z } from 'zod';
import { Problem } from './problem.js';

/** A text field sent with a multipart upload ('' when sent empty, undefined when absent). */
export function formField(file: MultipartFile, name: string): string | undefined {
  const f = file.fields[name] as { value?: unknown } | undefined;
  return typeof f?.value === 'string' ? f.value : undefined;
}

/** Checks an upload's text fields against a schema; a bad field is a 400 naming it, as for JSON bodies. */
export function parseFormFields<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0]!;
  throw new Problem(400, 'validation_failed', `Feld „${first.path.join('.')}“: ${first.message}`, {
    field: String(first.path[0] ?? ''), errors: issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  });
}
