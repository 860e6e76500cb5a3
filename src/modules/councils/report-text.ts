/** The generated German texts of a Präventionsbericht draft (the coordinator edits them afterwards). */
import type { TReportContent } from './councils.types.js';
import type { TReportFigures } from './documents.types.js';

const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
/** "1 Sitzung", "3 Sitzungen", "keine Sitzung" */
export const count = (n: number, one: string, many: string, zero = `keine ${one}`) => (n === 0 ? zero : `${INTEGER.format(n)} ${n === 1 ? one : many}`);
/** "83 %" with a no-break space. */
export const percent = (share: number | null) => (share === null ? '–*' : `${Math.round(share * 100)}\u00a0%`);
export const rateDe = (rate: number | null) => (rate === null ? '–' : INTEGER.format(Math.round(rate)));
/** "+4,2 %" / "−3,1 %" */
export const changeDe = (change: number | null) => (change === null ? '–' : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${NUMBER.format(Math.abs(change))}\u00a0%`);
/** A difference of shares in percentage points: "+3 Pp." */
export const pointsDe = (d: number | null) => (d === null ? '–' : `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.round(Math.abs(d) * 100)}\u00a0Pp.`);

export const SECTION_TITLES = {
  sitzungen: 'Sitzungen und Teilnahme',
  beschluesse: 'Beschlüsse und ihre Umsetzung',
  arbeitsgruppen: 'Arbeitsgruppen und Fachkreise',
  befragung: 'Ergebnisse der Bürgerbefragung',
  kriminalitaet: 'Polizeiliche Kriminalstatistik',
  empfehlungen: 'Handlungsempfehlungen der Sicherheitsanalyse',
  ausblick: 'Ausblick',
} as const;
export type SectionKey = keyof typeof SECTION_TITLES;

function meetingsText(f: TReportFigures): string {
  const m = f.meetings;
  const bodies = m.byBody.filter((b) => b.held).map((b) => `${b.body}: ${count(b.held, 'Sitzung', 'Sitzungen')}`);
  const lines = [
    m.total
      ? `Im Jahr ${f.year} ${m.total === 1 ? 'fand' : 'fanden'} ${count(m.total, 'Sitzung', 'Sitzungen')} des Präventionsrates und seiner Gremien statt${bodies.length ? ` (${bodies.join('; ')})` : ''}.`
      : `Im Jahr ${f.year} sind keine durchgeführten Sitzungen des Präventionsrates erfasst.`,
  ];
  if (m.cancelled) lines.push(`${count(m.cancelled, 'Sitzung wurde', 'Sitzungen wurden')} abgesagt.`);
  if (f.attendance.rate !== null) lines.push(`Im Durchschnitt nahmen ${percent(f.attendance.rate)} der Mitglieder an den Sitzungen ihres Gremiums teil.`);
  return lines.join(' ');
}

function decisionsText(f: TReportFigures): string {
  const d = f.decisions;
  if (!d.total) return `Im Jahr ${f.year} wurden keine Beschlüsse gefasst.`;
  const states = d.byState.filter((s) => s.count).map((s) => `${s.count} ${s.label}`);
  const tracked = d.total - d.untracked;
  return [
    `Im Jahr ${f.year} wurden ${count(d.total, 'Beschluss', 'Beschlüsse')} gefasst.`,
    tracked ? `${tracked === 1 ? 'Ein Beschluss wird' : `${tracked} Beschlüsse werden`} in der Beschlusskontrolle nachverfolgt; Stand der Umsetzung: ${states.join(', ')}.` : '',
    d.nonPublic ? `${count(d.nonPublic, 'Beschluss betrifft', 'Beschlüsse betreffen')} nicht öffentliche Tagesordnungspunkte und ${d.nonPublic === 1 ? 'ist' : 'sind'} nur in den Zahlen enthalten.` : '',
  ].filter(Boolean).join(' ');
}

function groupsText(f: TReportFigures): string {
  if (!f.workingGroups.length) return 'Im Berichtsjahr bestanden keine Arbeitsgruppen oder Fachkreise.';
  return f.workingGroups.map((g) => `${g.kindLabel} „${g.name}“: ${count(g.meetings, 'Sitzung', 'Sitzungen')}, ${count(g.decisions.length + g.nonPublicDecisions, 'Beschluss', 'Beschlüsse', 'kein Beschluss')}.`).join('\n\n');
}

function surveyText(f: TReportFigures, commune: string): string {
  const s = f.survey;
  if (!s.analysis) return `Für ${commune} liegt noch keine abgeschlossene Sicherheitsanalyse mit Bericht vor.`;
  const night = s.rows.find((r) => r.label.startsWith('Nachts allein'));
  return [
    `Die jüngste Sicherheitsanalyse mit abgeschlossenem Bericht ist „${s.analysis.title}“ (Befragung ${s.analysis.year}).`,
    night && night.current !== null ? `${percent(night.current)} der Befragten fühlen sich nachts allein in ihrer Wohngegend unsicher.` : '',
    s.previous ? `Die Tabelle stellt die Ergebnisse der vorherigen Befragung (${s.previous.year}) gegenüber.` : 'Eine frühere Befragung zum Vergleich liegt nicht vor.',
  ].filter(Boolean).join(' ');
}

function crimeText(f: TReportFigures, commune: string): string {
  const c = f.crime;
  if (!c) return `Für ${commune} liegen keine Zahlen der Polizeilichen Kriminalstatistik vor.`;
  const total = c.rows.find((r) => r.key === '------');
  return [
    c.year < f.year
      ? `Die jüngsten verfügbaren Zahlen der Polizeilichen Kriminalstatistik sind die des Jahres ${c.year}; für ${f.year} liegen noch keine vor.`
      : `Die Zahlen der Polizeilichen Kriminalstatistik für ${c.year} liegen vor.`,
    total && total.rate !== null ? `Die Häufigkeitszahl (erfasste Straftaten je 100.000 Einwohner) betrug ${rateDe(total.rate)}${total.previousRate !== null ? ` nach ${rateDe(total.previousRate)} im Jahr ${c.previousYear} (${changeDe(total.change)})` : ''}.` : '',
    'Die Statistik erfasst nur angezeigte Taten; ein Anstieg kann auch bedeuten, dass mehr angezeigt oder kontrolliert wurde.',
  ].filter(Boolean).join(' ');
}

function recommendationsText(f: TReportFigures): string {
  const r = f.recommendations;
  if (!r || !r.items.length) return 'Aus einer Sicherheitsanalyse liegen keine Handlungsempfehlungen vor.';
  const byState = new Map<string, number>();
  for (const i of r.items) byState.set(i.stateLabel, (byState.get(i.stateLabel) ?? 0) + 1);
  const taken = r.items.filter((i) => i.decisions.length).length;
  return [
    `Die Sicherheitsanalyse „${r.analysis}“ enthält ${count(r.items.length, 'Handlungsempfehlung', 'Handlungsempfehlungen')}. Stand: ${[...byState].map(([label, n]) => `${n} ${label}`).join(', ')}.`,
    taken ? `${taken === 1 ? 'Eine Empfehlung wurde' : `${taken} Empfehlungen wurden`} durch Beschlüsse des Rates aufgegriffen.` : '',
  ].filter(Boolean).join(' ');
}

/**
 * The draft's title, foreword and sections, written from the figures. The council's own name is only quoted
 * ("Kommunaler Präventionsrat …" would need declining after an article).
 */
export function generatedContent(f: TReportFigures, names: { council: string; commune: string; communeGenitive: string }): Omit<TReportContent, 'figures'> {
  const texts: Record<SectionKey, string> = {
    sitzungen: meetingsText(f),
    beschluesse: decisionsText(f),
    arbeitsgruppen: groupsText(f),
    befragung: surveyText(f, names.commune),
    kriminalitaet: crimeText(f, names.commune),
    empfehlungen: recommendationsText(f),
    ausblick: `Für das Jahr ${f.year + 1} plant der Rat, die offenen Beschlüsse weiter umzusetzen und die Handlungsempfehlungen der Sicherheitsanalyse fortzuschreiben.`,
  };
  return {
    title: `Präventionsbericht ${f.year}`,
    foreword: `Dieser Bericht gibt Rechenschaft über die Arbeit des Präventionsrates ${names.communeGenitive} („${names.council}“) im Jahr ${f.year}: über Sitzungen und Beschlüsse, die Arbeit der Arbeitsgruppen und den Stand der Umsetzung. Zahlen der Bürgerbefragung und der Polizeilichen Kriminalstatistik ordnen die Sicherheitslage ein.`,
    sections: (Object.keys(SECTION_TITLES) as SectionKey[]).map((key) => ({ key, title: SECTION_TITLES[key], text: texts[key] })),
  };
}
