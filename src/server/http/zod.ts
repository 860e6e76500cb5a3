import { z } from 'zod';
import { unstorableText } from '../../lib/text.js';
import { todayIso } from '../../lib/dates.js';

export { unstorableText };

/**
 * The zod primitives of every request schema (bodies, path and query parameters, upload fields). They refuse
 * what PostgreSQL cannot store, so such input is a 400 naming the field instead of a database error:
 * - text: no NUL character (text and jsonb refuse it) and no lone UTF-16 surrogate (jsonb refuses it; text
 *   would silently store U+FFFD instead);
 * - integers that go to integer (int4) columns, such as versions and revisions: within ±2,147,483,647;
 * - dates: real calendar dates (no 30 February, no year 0) between the years 1900 and 2999 (a date in the far
 *   future is left to the use case's own check, e.g. „nicht in der Zukunft“ as a 422 naming the field);
 * - free JSON values stored in jsonb: the same rules for every string and key, and at most 32 levels deep.
 */

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
export const MAX_JSON_DEPTH = 32;

/** Why PostgreSQL's jsonb could not store this value (strings, keys, depth), in German, or null when it can. */
export function unstorableJson(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const why = unstorableText(v);
      if (why) return why;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'Die Zahl ist zu groß.';
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_JSON_DEPTH) return `Die Daten sind zu tief verschachtelt (höchstens ${MAX_JSON_DEPTH} Ebenen).`;
      for (const [k, x] of Object.entries(v)) {
        const why = unstorableText(k);
        if (why) return why;
        stack.push([x, depth + 1]);
      }
    }
  }
  return null;
}

/** Any string PostgreSQL can store; chain `.trim()`, `.max()`, `.regex()` as with `z.string()`. */
export const ZString = z.string().superRefine((s, ctx) => {
  const why = unstorableText(s);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});

/** Free text, trimmed, at most `max` characters (may be empty). */
export const ZText = (max: number) => ZString.trim().max(max, { error: `Der Text darf höchstens ${max} Zeichen lang sein.` });

/** Free text that must be given: trimmed, 1 to `max` characters; `what` completes „Bitte … angeben.“ */
export const ZRequiredText = (max: number, what: string) =>
  ZString.trim().min(1, { error: `Bitte ${what} angeben.` }).max(max, { error: `Der Text darf höchstens ${max} Zeichen lang sein.` });

/** The official commune key (Amtlicher Gemeindeschlüssel): the communes module's records and every commune route. */
export const ZAgs = z.string().regex(/^\d{8}$/, { error: 'Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern.' });

/** A record's id (uuid). */
export const ZId = z.uuid({ error: 'Ungültige Kennung.' });

const intError = (min: number, max: number) => ({ error: `Bitte eine ganze Zahl von ${min} bis ${max} angeben.` });
const int4 = (min: number, max: number) => [Math.max(min, INT4_MIN), Math.min(max, INT4_MAX)] as const;

/** An integer for an integer (int4) column, optionally narrower. */
export const ZInt = (min = INT4_MIN, max = INT4_MAX) => {
  const [lo, hi] = int4(min, max);
  const e = intError(lo, hi);
  return z.number(e).int(e).min(lo, e).max(hi, e);
};

/** An integer from a path or query parameter (a string in the URL), for an integer (int4) column. */
export const ZIntParam = (min = INT4_MIN, max = INT4_MAX) => {
  const [lo, hi] = int4(min, max);
  const e = intError(lo, hi);
  return z.coerce.number(e).int(e).min(lo, e).max(hi, e);
};

const versionError = { error: `Die Version ist eine ganze Zahl von 0 bis ${INT4_MAX}.` };
/** The version a client read (optimistic locking): a stale one is a 409, one that cannot exist a 400. */
export const ZVersion = z.number(versionError).int(versionError).min(0, versionError).max(INT4_MAX, versionError);
/** The version as a query parameter (`?version=3`, e.g. for DELETE). */
export const ZVersionParam = z.coerce.number(versionError).int(versionError).min(0, versionError).max(INT4_MAX, versionError);

/** True for a real calendar date `YYYY-MM-DD` (no 30 February) between MIN_YEAR and MAX_YEAR. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // (Date.UTC would read the years 0–99 as 1900–1999)
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A date `YYYY-MM-DD` that exists, between the years 1900 and 2999. */
export const ZDate = z.string({ error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.', abort: true })
  .refine(isCalendarDate, { error: 'Dieses Datum gibt es nicht.', abort: true })
  .refine((s) => { const y = Number(s.slice(0, 4)); return y >= MIN_YEAR && y <= MAX_YEAR; }, { error: `Das Datum muss zwischen den Jahren ${MIN_YEAR} und ${MAX_YEAR} liegen.` });

/** A free JSON value stored in jsonb (answers, settings): storable strings and keys, at most 32 levels deep. */
export const ZJson = z.unknown().superRefine((v, ctx) => {
  const why = unstorableJson(v);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});

/**
 * The label a request field carries in the forms, in German (e.g. „E-Mail-Adresse“): validation problems name
 * the field by it instead of its internal name. Kept in its own registry, so the OpenAPI descriptions stay as
 * they are. For an array, the label of one item („Aufgabe“ → „Aufgabe 1: Fällig am“).
 */
export const fieldLabels = z.registry<{ label: string }>();
/** A copy of `schema` that carries `label` (a copy, so a shared primitive such as a date keeps no label). */
export const labelled = <S extends z.ZodType>(schema: S, label: string): S => {
  const copy = schema.clone() as S;
  fieldLabels.add(copy, { label });
  return copy;
};

/** The error for a „Stand“ (as-of date) after today: figures and registers describe what is, not what will be. */
export const FUTURE_AS_OF = 'Der Stand darf nicht in der Zukunft liegen; bitte wählen Sie heute oder einen früheren Tag.';
/** A reference day („Stichtag“, the Stand of figures or of a register): a date, today at the latest. */
export const ZAsOfDate = labelled(ZDate.refine((d) => d <= todayIso(), { error: FUTURE_AS_OF }), 'Stichtag');
