/**
 * The findings an analysis reports, derived from the standard items (pure). Each indicator turns a
 * response into 1/0 (a share) or a number (a mean), or NaN where the respondent gave no usable answer,
 * so that "no answer" and "does not apply" are left out as a domain.
 */
import type { Definition } from '../surveys/questionnaire-definition.js';
import type { Text } from '../surveys/standard-items.js';
import type { TIndicatorGroup } from './evaluation.types.js';

export interface Indicator {
  key: string;
  group: TIndicatorGroup;
  label: Text;
  /** How the value is formed, for the methods section and the Interpretationshilfe. */
  definition: Text;
  kind: 'share' | 'mean';
  value(answers: Record<string, unknown>): number;
}

const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
const inSet = (v: unknown, yes: number[], no: number[]) => (yes.includes(num(v)) ? 1 : no.includes(num(v)) ? 0 : NaN);
const row = (a: Record<string, unknown>, item: string, code: string) => (a[item] && typeof a[item] === 'object' ? (a[item] as Record<string, unknown>)[code] : undefined);
/** 1 if any row of a yes/no matrix is "yes", 0 if all answered rows are "no", NaN if none is answered. */
const anyYes = (a: Record<string, unknown>, item: string, rows: readonly { code: string }[]) => {
  const vals = rows.map((r) => num(row(a, item, r.code))).filter((v) => !Number.isNaN(v));
  return vals.length ? (vals.some((v) => v === 1) ? 1 : 0) : NaN;
};

export const GROUP_LABELS: Record<TIndicatorGroup, Text> = {
  fear: { de: 'Affektive Kriminalitätsfurcht', en: 'Affective fear of crime' },
  cognitive: { de: 'Kognitive Kriminalitätsfurcht', en: 'Cognitive fear of crime' },
  conative: { de: 'Konatives Verhalten (Vermeidung, Schutz)', en: 'Conative behaviour (avoidance, protection)' },
  places: { de: 'Sicherheitsgefühl an Orten', en: 'Feeling safe in places' },
  incivilities: { de: 'Incivilities (wahrgenommene Probleme)', en: 'Incivilities (perceived problems)' },
  victimisation: { de: 'Opfererfahrungen (letzte 12 Monate)', en: 'Victimisation (last 12 months)' },
  reporting: { de: 'Anzeigeverhalten', en: 'Reporting to the police' },
  trust: { de: 'Vertrauen in Polizei und Ordnungsamt', en: 'Trust in police and public order office' },
  satisfaction: { de: 'Zufriedenheit mit der Gemeinde', en: 'Satisfaction with the town' },
};

export const UNSAFE_AT_NIGHT = 'unsafe_night';

/** The indicators the questionnaire's items allow (items missing from it give no indicator). */
export function indicatorsFor(definition: Definition): Indicator[] {
  const items = new Map(definition.pages.flatMap((p) => p.questions).map((q) => [q.code, q.content]));
  const out: Indicator[] = [];
  if (items.has('AF01')) {
    out.push({ key: UNSAFE_AT_NIGHT, group: 'fear', kind: 'share', label: { de: 'Nachts allein in der Wohngegend unsicher', en: 'Unsafe alone in the neighbourhood at night' },
      definition: { de: 'Anteil „ziemlich unsicher“ oder „sehr unsicher“ (AF01)', en: 'Share "fairly" or "very unsafe" (AF01)' }, value: (a) => inSet(a.AF01, [3, 4], [1, 2]) });
  }
  if (items.has('CF01')) {
    out.push({ key: 'victim_thoughts', group: 'cognitive', kind: 'share', label: { de: 'Denkt oft an eigene Opferwerdung', en: 'Often thinks about becoming a victim' },
      definition: { de: 'Anteil „oft“ oder „sehr oft“ (CF01)', en: 'Share "often" or "very often" (CF01)' }, value: (a) => inSet(a.CF01, [4, 5], [1, 2, 3]) });
  }
  if (items.has('CF02')) {
    out.push({ key: 'victim_likely', group: 'cognitive', kind: 'share', label: { de: 'Hält Opferwerdung für wahrscheinlich', en: 'Thinks becoming a victim is likely' },
      definition: { de: 'Anteil „eher“ oder „sehr wahrscheinlich“ (CF02)', en: 'Share "rather" or "very likely" (CF02)' }, value: (a) => inSet(a.CF02, [3, 4], [1, 2]) });
  }
  const cn = items.get('CN01');
  if (cn) {
    out.push({ key: 'avoidance_any', group: 'conative', kind: 'share', label: { de: 'Mindestens ein Schutz- oder Vermeidungsverhalten', en: 'At least one protective or avoidance behaviour' },
      definition: { de: 'Anteil mit mindestens einem „ja“ in CN01', en: 'Share with at least one "yes" in CN01' },
      value: (a) => anyYes(a, 'CN01', cn.rows) });
    for (const r of cn.rows) {
      out.push({ key: `conative:${r.code}`, group: 'conative', kind: 'share', label: r.label, definition: { de: `Anteil „ja“ (${r.code})`, en: `Share "yes" (${r.code})` }, value: (a) => inSet(row(a, 'CN01', r.code), [1], [0]) });
    }
  }
  const ps = items.get('PS01');
  if (ps) for (const r of ps.rows) {
    out.push({ key: `place:${r.code}`, group: 'places', kind: 'share', label: r.label,
      definition: { de: `Anteil „eher“ oder „sehr unsicher“ unter denen, die den Ort nutzen (${r.code})`, en: `Share "rather" or "very unsafe" among those who go there (${r.code})` },
      value: (a) => inSet(row(a, 'PS01', r.code), [4, 5], [1, 2, 3]) });
  }
  const inc = items.get('IN01');
  if (inc) for (const r of inc.rows) {
    out.push({ key: `incivility:${r.code}`, group: 'incivilities', kind: 'share', label: r.label,
      definition: { de: `Anteil „ziemliches“ oder „großes Problem“ (${r.code})`, en: `Share "fairly big" or "big problem" (${r.code})` }, value: (a) => inSet(row(a, 'IN01', r.code), [3, 4], [1, 2]) });
  }
  const vi = items.get('VI01');
  if (vi) {
    out.push({ key: 'victim_any', group: 'victimisation', kind: 'share', label: { de: 'Opfer mindestens einer Tat', en: 'Victim of at least one offence' },
      definition: { de: 'Anteil mit mindestens einem „ja“ in VI01 (Prävalenz)', en: 'Share with at least one "yes" in VI01 (prevalence)' },
      value: (a) => anyYes(a, 'VI01', vi.rows) });
    for (const r of vi.rows) {
      out.push({ key: `victim:${r.code}`, group: 'victimisation', kind: 'share', label: r.label, definition: { de: `Anteil „ja“ (${r.code})`, en: `Share "yes" (${r.code})` }, value: (a) => inSet(row(a, 'VI01', r.code), [1], [0]) });
    }
  }
  if (items.has('VI02')) {
    out.push({ key: 'reported', group: 'reporting', kind: 'share', label: { de: 'Letzte Tat bei der Polizei angezeigt', en: 'Reported the latest offence to the police' },
      definition: { de: 'Anteil „ja“ unter Opfern (VI02; „trifft nicht zu“ ausgenommen)', en: 'Share "yes" among victims (VI02; "does not apply" left out)' }, value: (a) => inSet(a.VI02, [1], [0]) });
  }
  const tr = items.get('TR01');
  if (tr) for (const r of tr.rows) {
    out.push({ key: `trust:${r.code}`, group: 'trust', kind: 'share', label: r.label,
      definition: { de: `Anteil „großes“ oder „sehr großes Vertrauen“ (${r.code})`, en: `Share "much" or "very much trust" (${r.code})` }, value: (a) => inSet(row(a, 'TR01', r.code), [4, 5], [1, 2, 3]) });
  }
  if (items.has('SA01')) {
    out.push({ key: 'satisfied', group: 'satisfaction', kind: 'share', label: { de: 'Zufrieden, in der Gemeinde zu leben', en: 'Satisfied living in the town' },
      definition: { de: 'Anteil „eher“ oder „sehr zufrieden“ (SA01)', en: 'Share "rather" or "very satisfied" (SA01)' }, value: (a) => inSet(a.SA01, [4, 5], [1, 2, 3]) });
  }
  return out;
}
