/**
 * A questionnaire's resolved definition (item content copied in, so it never changes after freezing),
 * the SurveyJS JSON rendered from it, and the server-side check of submitted answers (pure; no I/O).
 */
import { isStorableText } from '../../lib/text.js';
import { FEAR_PLACE_REASONS, FEAR_PLACE_TIMES, MAX_FEAR_PLACES, type Text } from './standard-items.js';
import type { TDefinition, TResolvedQuestion } from './surveys.types.js';

export type ResolvedQuestion = TResolvedQuestion;
export type Definition = TDefinition;

const loc = (t: Text) => ({ de: t.de, en: t.en });

function element(q: ResolvedQuestion, d: Definition): Record<string, unknown> {
  const c = q.content;
  const choices = [...c.scale, ...(c.notApplicable ? [c.notApplicable] : [])].map((s) => ({ value: s.value, text: loc(s.label) }));
  const common = { name: q.code, title: loc(c.wording) };
  switch (c.kind) {
    case 'single': return { type: 'radiogroup', ...common, choices };
    case 'multi': return { type: 'checkbox', ...common, choices };
    case 'matrix': return { type: 'matrix', ...common, columns: choices, rows: c.rows.map((r) => ({ value: r.code, text: loc(r.label) })), alternateRows: true };
    case 'text': return { type: 'comment', ...common, maxLength: 2000, rows: 4 };
    case 'district': return { type: 'dropdown', ...common, choices: d.districts.map((name, i) => ({ value: i + 1, text: name })) };
    case 'fearplaces': return {
      type: 'fearplaces', ...common, maxPlaces: MAX_FEAR_PLACES, bbox: d.bbox,
      reasons: FEAR_PLACE_REASONS.map((s) => ({ value: s.value, text: loc(s.label) })), times: FEAR_PLACE_TIMES.map((s) => ({ value: s.value, text: loc(s.label) })),
    };
  }
}

/** True when every text respondents read has an English version (then an English paper form is offered). */
export function hasEnglish(d: Definition) {
  const texts: Text[] = [d.title, ...d.pages.flatMap((p) => [p.title, ...p.questions.flatMap((q) => [q.content.wording, ...q.content.scale.map((s) => s.label), ...q.content.rows.map((r) => r.label), ...(q.content.notApplicable ? [q.content.notApplicable.label] : [])])])];
  return texts.every((t) => t.en.trim().length > 0);
}

/** The SurveyJS model JSON respondents see (German default, English as second locale). */
export function toSurveyJson(d: Definition) {
  return {
    locale: 'de',
    title: loc(d.title),
    description: loc(d.intro),
    showQuestionNumbers: 'on',
    questionErrorLocation: 'bottom',
    showProgressBar: 'top',
    progressBarType: 'pages',
    pages: d.pages.map((p, i) => ({ name: `seite${i + 1}`, title: loc(p.title), elements: p.questions.map((q) => element(q, d)) })),
  };
}

export interface AnswerError { field: string; message: string }
export type Answers = Record<string, unknown>;

const isPlainObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const PLACE_KEYS = new Set(['lat', 'lon', 'reason', 'time', 'note']);
/** Free text as the questionnaire allows it: a string PostgreSQL can store, within the length. */
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max && isStorableText(x);

interface IndexedQuestion { q: ResolvedQuestion; allowed: Set<number>; rows: Set<string> }
/** Frozen definitions never change: their questions are indexed once (the check runs on every submission). */
const indexes = new WeakMap<Definition, Map<string, IndexedQuestion>>();
function questionsOf(d: Definition): Map<string, IndexedQuestion> {
  let index = indexes.get(d);
  if (!index) {
    index = new Map(d.pages.flatMap((p) => p.questions).map((q) => [q.code, {
      q,
      allowed: new Set([...q.content.scale, ...(q.content.notApplicable ? [q.content.notApplicable] : [])].map((s) => s.value)),
      rows: new Set(q.content.rows.map((r) => r.code)),
    }]));
    indexes.set(d, index);
  }
  return index;
}
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const reasons = new Set(FEAR_PLACE_REASONS.map((s) => s.value));
const times = new Set(FEAR_PLACE_TIMES.map((s) => s.value));

/**
 * Checks answers against the frozen definition: only known questions and, at every depth, only the fields
 * the question defines (matrix rows; a place's position, reason, time and note), values on their scale, at
 * most five marked places inside the commune, texts without characters that cannot be stored. Every
 * question is optional. Returns the errors (German).
 */
export function checkAnswers(d: Definition, answers: unknown): AnswerError[] {
  if (!isPlainObject(answers)) return [{ field: 'answers', message: 'Die Antworten fehlen.' }];
  const errors: AnswerError[] = [];
  const byCode = questionsOf(d);
  for (const [code, value] of Object.entries(answers)) {
    const indexed = byCode.get(code);
    if (!indexed) { errors.push({ field: code, message: `Unbekannte Frage ${code}.` }); continue; }
    if (value === null || value === undefined) continue;
    const { q, allowed } = indexed;
    const c = q.content;
    const onScale = (x: unknown) => isInt(x) && allowed.has(x);
    const bad = (message: string) => errors.push({ field: code, message });
    switch (c.kind) {
      case 'single':
        if (!onScale(value)) bad(`Die Antwort zu Frage ${code} liegt nicht auf der Antwortskala.`);
        break;
      case 'multi':
        if (!Array.isArray(value) || !value.every(onScale) || new Set(value).size !== value.length) bad(`Die Antworten zu Frage ${code} liegen nicht auf der Antwortskala.`);
        break;
      case 'matrix': {
        const { rows } = indexed;
        if (!isPlainObject(value)) { bad(`Die Antworten zu Frage ${code} haben ein falsches Format.`); break; }
        for (const [row, x] of Object.entries(value as Answers)) {
          if (!rows.has(row)) errors.push({ field: `${code}.${row}`, message: `Frage ${code} hat keine Zeile ${row}.` });
          else if (x !== null && !onScale(x)) errors.push({ field: `${code}.${row}`, message: `Die Antwort zu ${row} liegt nicht auf der Antwortskala.` });
        }
        break;
      }
      case 'text':
        if (!isText(value, 2000)) bad(`Die Antwort zu Frage ${code} muss ein Text mit höchstens 2000 Zeichen sein (ohne Steuerzeichen).`);
        break;
      case 'district':
        if (!isInt(value) || value < 1 || value > d.districts.length) bad(`Bitte einen Ortsteil aus der Liste wählen (Frage ${code}).`);
        break;
      case 'fearplaces': {
        if (!Array.isArray(value)) { bad(`Die Orte zu Frage ${code} haben ein falsches Format.`); break; }
        if (value.length > MAX_FEAR_PLACES) { bad(`Bitte höchstens ${MAX_FEAR_PLACES} Orte markieren.`); break; }
        value.forEach((p: unknown, i: number) => {
          const f = `${code}.${i + 1}`;
          if (!isPlainObject(p)) { errors.push({ field: f, message: `Ort ${i + 1} hat ein falsches Format.` }); return; }
          const unknown = Object.keys(p).filter((k) => !PLACE_KEYS.has(k));
          if (unknown.length) { errors.push({ field: f, message: `Ort ${i + 1}: unbekanntes Feld ${unknown[0]!.slice(0, 40)}.` }); return; }
          const place = p as { lat?: unknown; lon?: unknown; reason?: unknown; time?: unknown; note?: unknown };
          const located = typeof place.lat === 'number' && typeof place.lon === 'number';
          if ((place.lat !== undefined || place.lon !== undefined) && !located) { errors.push({ field: f, message: `Ort ${i + 1}: Die Lage ist unvollständig.` }); return; }
          const described = typeof place.note === 'string' && place.note.trim().length > 0;
          // Without the map (e.g. with a screen reader) a place may be described in words instead.
          if (!located && !described) { errors.push({ field: f, message: `Ort ${i + 1}: Bitte auf der Karte markieren oder beschreiben.` }); return; }
          const [w, s, e, n] = d.bbox ?? [-180, -90, 180, 90];
          if (located && ((place.lon as number) < w || (place.lon as number) > e || (place.lat as number) < s || (place.lat as number) > n)) errors.push({ field: f, message: `Ort ${i + 1} liegt nicht in der Gemeinde.` });
          if (!isInt(place.reason) || !reasons.has(place.reason)) errors.push({ field: f, message: `Ort ${i + 1}: Bitte einen Grund wählen.` });
          if (!isInt(place.time) || !times.has(place.time)) errors.push({ field: f, message: `Ort ${i + 1}: Bitte die Tageszeit wählen.` });
          if (place.note !== undefined && !isText(place.note, 300)) errors.push({ field: f, message: `Ort ${i + 1}: Die Notiz darf höchstens 300 Zeichen lang sein (ohne Steuerzeichen).` });
        });
        break;
      }
    }
  }
  return errors;
}

/** Marked places are kept to about a metre: finer digits would only carry what the respondent did not mean to say. */
const roundCoordinate = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * The answers as they are stored, after `checkAnswers` found no error: unanswered questions and rows
 * dropped, coordinates rounded, every value rebuilt from the fields the definition knows.
 */
export function normaliseAnswers(d: Definition, answers: Answers): Answers {
  const byCode = questionsOf(d);
  const out: Answers = {};
  for (const [code, value] of Object.entries(answers)) {
    const q = byCode.get(code)?.q;
    if (!q || value === null || value === undefined) continue;
    switch (q.content.kind) {
      case 'matrix': {
        const rows = Object.fromEntries(Object.entries(value as Answers).filter(([, x]) => x !== null && x !== undefined));
        if (Object.keys(rows).length) out[code] = rows;
        break;
      }
      case 'multi': out[code] = [...(value as number[])]; break;
      case 'fearplaces':
        out[code] = (value as { lat?: number; lon?: number; reason: number; time: number; note?: string }[]).map((p) => ({
          ...(typeof p.lat === 'number' && typeof p.lon === 'number' ? { lat: roundCoordinate(p.lat), lon: roundCoordinate(p.lon) } : {}),
          reason: p.reason, time: p.time,
          ...(typeof p.note === 'string' && p.note.trim() ? { note: p.note.trim() } : {}),
        }));
        break;
      default: out[code] = value;
    }
  }
  return out;
}
