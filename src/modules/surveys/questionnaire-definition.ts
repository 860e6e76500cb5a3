/**
 * A questionnaire's resolved definition (item content copied in, so it never changes after freezing),
 * the SurveyJS JSON rendered from it, and the server-side check of submitted answers (pure; no I/O).
 */
import { FEAR_PLACE_REASONS, FEAR_PLACE_TIMES, MAX_FEAR_PLACES, type ItemContent, type Text } from './standard-items.js';

export interface ResolvedQuestion { code: string; source: 'bank' | 'custom'; itemVersion: number | null; content: ItemContent }
export interface Definition {
  title: Text;
  intro: Text;
  pages: { title: Text; questions: ResolvedQuestion[] }[];
  /** Ortsteile for the district question (from the register extract or entered by the analyst). */
  districts: string[];
  /** [west, south, east, north] of the commune, for the map question. */
  bbox: [number, number, number, number] | null;
}

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

/**
 * Checks answers against the frozen definition: only known questions, values on their scale, at most
 * five marked places inside the commune. Every question is optional. Returns the errors (German).
 */
export function checkAnswers(d: Definition, answers: unknown): AnswerError[] {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return [{ field: 'answers', message: 'Die Antworten fehlen.' }];
  const errors: AnswerError[] = [];
  const byCode = new Map(d.pages.flatMap((p) => p.questions).map((q) => [q.code, q]));
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  for (const [code, value] of Object.entries(answers as Answers)) {
    const q = byCode.get(code);
    if (!q) { errors.push({ field: code, message: `Unbekannte Frage ${code}.` }); continue; }
    if (value === null || value === undefined) continue;
    const c = q.content;
    const allowed = new Set([...c.scale, ...(c.notApplicable ? [c.notApplicable] : [])].map((s) => s.value));
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
        const rows = new Set(c.rows.map((r) => r.code));
        if (typeof value !== 'object' || Array.isArray(value)) { bad(`Die Antworten zu Frage ${code} haben ein falsches Format.`); break; }
        for (const [row, x] of Object.entries(value as Answers)) {
          if (!rows.has(row)) errors.push({ field: `${code}.${row}`, message: `Frage ${code} hat keine Zeile ${row}.` });
          else if (!onScale(x)) errors.push({ field: `${code}.${row}`, message: `Die Antwort zu ${row} liegt nicht auf der Antwortskala.` });
        }
        break;
      }
      case 'text':
        if (typeof value !== 'string' || value.length > 2000) bad(`Die Antwort zu Frage ${code} muss ein Text mit höchstens 2000 Zeichen sein.`);
        break;
      case 'district':
        if (!isInt(value) || value < 1 || value > d.districts.length) bad(`Bitte einen Ortsteil aus der Liste wählen (Frage ${code}).`);
        break;
      case 'fearplaces': {
        if (!Array.isArray(value)) { bad(`Die Orte zu Frage ${code} haben ein falsches Format.`); break; }
        if (value.length > MAX_FEAR_PLACES) { bad(`Bitte höchstens ${MAX_FEAR_PLACES} Orte markieren.`); break; }
        const reasons = new Set(FEAR_PLACE_REASONS.map((s) => s.value));
        const times = new Set(FEAR_PLACE_TIMES.map((s) => s.value));
        value.forEach((p: unknown, i: number) => {
          const f = `${code}.${i + 1}`;
          const place = p as { lat?: unknown; lon?: unknown; reason?: unknown; time?: unknown; note?: unknown };
          const located = typeof place?.lat === 'number' && typeof place.lon === 'number';
          const described = typeof place?.note === 'string' && place.note.trim().length > 0;
          // Without the map (e.g. with a screen reader) a place may be described in words instead.
          if (!located && !described) { errors.push({ field: f, message: `Ort ${i + 1}: Bitte auf der Karte markieren oder beschreiben.` }); return; }
          const [w, s, e, n] = d.bbox ?? [-180, -90, 180, 90];
          if (located && ((place.lon as number) < w || (place.lon as number) > e || (place.lat as number) < s || (place.lat as number) > n)) errors.push({ field: f, message: `Ort ${i + 1} liegt nicht in der Gemeinde.` });
          if (!isInt(place.reason) || !reasons.has(place.reason)) errors.push({ field: f, message: `Ort ${i + 1}: Bitte einen Grund wählen.` });
          if (!isInt(place.time) || !times.has(place.time)) errors.push({ field: f, message: `Ort ${i + 1}: Bitte die Tageszeit wählen.` });
          if (place.note !== undefined && (typeof place.note !== 'string' || place.note.length > 300)) errors.push({ field: f, message: `Ort ${i + 1}: Die Notiz darf höchstens 300 Zeichen lang sein.` });
        });
        break;
      }
    }
  }
  return errors;
}
