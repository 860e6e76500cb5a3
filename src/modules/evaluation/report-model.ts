/**
 * The Sicherheitsanalyse report as a document-neutral list of blocks (headings, text, tables, charts),
 * built from the findings (publication rules already applied), the field figures and the
 * recommendations. The web page, the PDF and the DOCX are three renderings of the same model.
 */
import { formatDateDe } from '../../lib/dates.js';
import { communeBaseName, officialName } from '../communes/official-name.js';
import { FEAR_PLACE_REASONS, FEAR_PLACE_TIMES } from '../surveys/standard-items.js';
import { GROUP_LABELS, UNSAFE_AT_NIGHT } from './indicators.js';
import { shareBarsSvg, trendLinesSvg } from './charts.js';
import { fearMapSvg, placeOf } from './fear-map.js';
import type { TMapBase } from '../surveys/surveys.types.js';
import { INDICATOR_GROUPS, type TCell as Cell, type TDomainCell, type TFindings as Findings, type TIndicatorFinding, type TIndicatorGroup, type TRecommendation, type TReportBlock as Block, type TReportModel, type TShareBar } from './evaluation.types.js';

export interface FieldFigures { invited: number; returned: number; online: number; paper: number; responseRate: number; firstDay: string | null; lastDay: string | null; strata: number }

/** Number and "%" joined by a no-break space (German style "12,3 %"), so a narrow table column never wraps the sign. */
export const NBSP = '\u00a0';
const pct = (v: number | null, digits = 1) => (v === null ? '–' : `${(v * 100).toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${NBSP}%`);
const num = (v: number | null, digits = 0) => (v === null ? '–' : v.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const SUPPRESSED = '–*';
const ci = (c: Cell) => (c.suppressed || c.low === null ? SUPPRESSED : `${pct(c.low)} – ${pct(c.high)}`);
const share = (c: Cell) => (c.suppressed ? SUPPRESSED : pct(c.estimate));
/** Respondent counts below the publication threshold are not shown exactly either. */
const answers = (n: number, min: number) => (n < min ? `< ${min}` : num(n));
const bar = (label: string, c: Cell): TShareBar => ({ label, value: c.suppressed ? null : c.estimate, low: c.suppressed ? null : c.low, high: c.suppressed ? null : c.high });

function suppressionNote(findings: Findings) {
  return `* weniger als ${findings.publication.minRespondents} Antworten: aus Gründen der Aussagekraft und des Datenschutzes nicht ausgewiesen.`;
}

function indicatorTable(caption: string, list: TIndicatorFinding[], findings: Findings): Block {
  return {
    kind: 'table', caption, columns: ['Merkmal', 'Anteil', '95-%-Konfidenzintervall', 'Antworten'], numeric: [false, true, true, true],
    rows: list.map((f) => [f.label.de, share(f.overall), ci(f.overall), answers(f.overall.respondents, findings.publication.minRespondents)]),
    note: list.some((f) => f.overall.suppressed) ? suppressionNote(findings) : undefined,
  };
}

function domainBlocks(title: string, what: string, cells: TDomainCell[], findings: Findings): Block[] {
  const blocks: Block[] = [
    { kind: 'chart', svg: shareBarsSvg(`${title} nach ${what}`, cells.map((c) => bar(c.level, c))), alt: `Balkendiagramm: ${title} nach ${what}, mit 95-%-Konfidenzintervallen; die Werte stehen in der folgenden Tabelle.`, bars: cells.map((c) => bar(c.level, c)) },
    { kind: 'table', caption: `${title} nach ${what}`, columns: [what, 'Anteil', '95-%-Konfidenzintervall', 'Antworten'], numeric: [false, true, true, true],
      rows: cells.map((c) => [c.level, share(c), ci(c), answers(c.respondents, findings.publication.minRespondents)]), note: cells.some((c) => c.suppressed) ? suppressionNote(findings) : undefined },
  ];
  return blocks;
}

function byGroup(findings: Findings, group: TIndicatorGroup) {
  return findings.indicators.filter((f) => f.group === group);
}

const METHOD_LABEL: Record<string, string> = { none: 'keine Kalibrierung (nur Designgewichte)', poststratify: 'Nachschichtung (Post-Stratifikation)', rake: 'Raking (iterative proportionale Anpassung)' };
const VARIABLE_LABEL: Record<string, string> = { age_group: 'Altersgruppe', sex: 'Geschlecht', district: 'Ortsteil', 'age_group×sex': 'Altersgruppe × Geschlecht' };
const label = (list: readonly { value: number; label: { de: string } }[], v: number) => list.find((x) => x.value === v)?.label.de ?? String(v);

function summary(findings: Findings, field: FieldFigures, recommendations: TRecommendation[]): string[] {
  const items: string[] = [];
  items.push(`${num(field.returned)} Bürgerinnen und Bürger haben geantwortet (${pct(field.responseRate)} der ${num(field.invited)} Angeschriebenen).`);
  const unsafe = findings.indicators.find((f) => f.key === UNSAFE_AT_NIGHT);
  if (unsafe && !unsafe.overall.suppressed) {
    items.push(`${pct(unsafe.overall.estimate, 0)} fühlen sich nachts allein in ihrer Wohngegend unsicher (95-%-Konfidenzintervall ${ci(unsafe.overall)}).`);
    const domains = [...unsafe.byDistrict.map((d) => ({ ...d, what: 'Ortsteil' })), ...unsafe.bySex.map((d) => ({ ...d, what: 'Geschlecht' })), ...unsafe.byAgeGroup.map((d) => ({ ...d, what: 'Altersgruppe' }))]
      .filter((d) => !d.suppressed && d.low !== null && unsafe.overall.estimate !== null && d.low > unsafe.overall.estimate);
    if (domains.length) items.push(`Deutlich über dem Durchschnitt liegt der Anteil bei: ${domains.map((d) => `${d.what} ${d.level} (${pct(d.estimate, 0)})`).join(', ')}.`);
  }
  const top = findings.incivilitiesRanked.map((k) => findings.indicators.find((f) => f.key === k)!).filter((f) => !f.overall.suppressed).slice(0, 3);
  if (top.length) items.push(`Als größte Probleme in der Wohngegend gelten: ${top.map((f) => `${f.label.de} (${pct(f.overall.estimate, 0)})`).join(', ')}.`);
  const victim = findings.indicators.find((f) => f.key === 'victim_any');
  const reported = findings.indicators.find((f) => f.key === 'reported');
  if (victim && !victim.overall.suppressed) items.push(`${pct(victim.overall.estimate, 0)} wurden in den letzten zwölf Monaten Opfer mindestens einer der abgefragten Taten${reported && !reported.overall.suppressed ? `; ${pct(reported.overall.estimate, 0)} der Betroffenen haben die letzte Tat angezeigt` : ''}.`);
  const trust = byGroup(findings, 'trust').filter((f) => !f.overall.suppressed);
  if (trust.length) items.push(`Großes oder sehr großes Vertrauen: ${trust.map((f) => `${f.label.de} ${pct(f.overall.estimate, 0)}`).join(', ')}.`);
  if (findings.crime?.total.commune) {
    const c = findings.crime;
    items.push(`Die Polizei hat ${c.latestYear} ${num(c.total.commune!.cases)} Straftaten erfasst, ${num(c.total.commune!.crimeRate)} je 100.000 Einwohner (${c.kreis}: ${num(c.total.kreis?.crimeRate ?? null)}, Sachsen: ${num(c.total.saxony?.crimeRate ?? null)}).`);
  }
  items.push(findings.fearPlaces.clusters.length
    ? `${findings.fearPlaces.clusters.length} Orte wurden von jeweils mindestens ${findings.publication.minClusterSize} Personen als Angstraum markiert.`
    : 'Kein Ort wurde von so vielen Personen als Angstraum markiert, dass er ausgewiesen werden kann.');
  if (recommendations.length) items.push(`Der Bericht gibt ${recommendations.length} Handlungsempfehlungen.`);
  return items;
}

function methods(findings: Findings, field: FieldFigures): Block[] {
  const w = findings.weighting;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Stichprobe und Rücklauf' },
    { kind: 'paragraph', text: `Aus dem Melderegister wurde eine nach ${field.strata > 1 ? `${num(field.strata)} Schichten geschichtete` : 'einfache'} Zufallsstichprobe der Einwohnerinnen und Einwohner ab 16 Jahren gezogen; ${num(field.invited)} Personen wurden mit persönlichem Zugangscode angeschrieben. Sie konnten online oder auf Papier antworten. Die Teilnahme war freiwillig und anonym.` },
    { kind: 'table', caption: 'Rücklauf', columns: ['', 'Anzahl'], numeric: [false, true], rows: [
      ['Angeschrieben', num(field.invited)], ['Antworten insgesamt', num(field.returned)], ['davon online', num(field.online)], ['davon auf Papier', num(field.paper)],
      ['Rücklaufquote', pct(field.responseRate)], ['Feldphase', field.firstDay ? `${formatDateDe(field.firstDay)} bis ${formatDateDe(field.lastDay!)}` : '–'],
    ] },
    { kind: 'heading', level: 2, text: 'Gewichtung' },
    { kind: 'paragraph', text: `Jede Antwort erhält zunächst das Designgewicht ihrer Schicht (Einwohner der Schicht ÷ Angeschriebene). Anschließend wurden die Gewichte per ${METHOD_LABEL[w.method]}${w.variables.length ? ` nach ${w.variables.map((v) => VARIABLE_LABEL[v]).join(' und ')}` : ''} an die Bevölkerung angepasst, damit Gruppen, die seltener antworten, mit ihrem tatsächlichen Anteil eingehen.` },
  ];
  for (const m of w.margins) {
    blocks.push({ kind: 'table', caption: `Randverteilung ${VARIABLE_LABEL[m.variable]} (Quelle: ${m.source})`, columns: [VARIABLE_LABEL[m.variable]!, 'Einwohner ab 16', 'Antworten'], numeric: [false, true, true],
      rows: m.cells.map((c) => [c.label, num(Math.round(c.population)), answers(c.respondents, findings.publication.minRespondents)]) });
  }
  const rows: string[][] = [
    ['Verfahren', METHOD_LABEL[w.method]!],
    ['Antworten in der Gewichtung', num(w.respondents)],
  ];
  if (w.method === 'rake') rows.push(['Iterationen / konvergiert', `${w.iterations} / ${w.converged ? 'ja' : 'nein'}`], ['Größte Abweichung von den Randsummen', num(w.maxMarginDeviation, 4)]);
  rows.push(['Spannweite der Gewichte', `${num(w.minWeight, 2)} bis ${num(w.maxWeight, 2)}`], ['Effektive Stichprobengröße', num(w.effectiveSampleSize)]);
  if (w.trimmed) rows.push(['Gekappte Gewichte', `${num(w.trimmed)} (Grenzen ${w.trimBounds.map((b) => (b === null ? '–' : `${num(b, 1)} × Mittel`)).join(' / ')})`]);
  if (w.missingCalibration) rows.push(['Ohne Angabe zu einem Gewichtungsmerkmal (nicht ausgewertet)', num(w.missingCalibration)]);
  if (w.excluded) rows.push(['Keiner Schicht zuzuordnen (nicht ausgewertet)', num(w.excluded)]);
  if (w.collapsedStrata) rows.push(['Schichten mit nur einer Antwort (für die Varianz zusammengelegt)', num(w.collapsedStrata)]);
  blocks.push({ kind: 'table', caption: 'Kennzahlen der Gewichtung', columns: ['', ''], numeric: [false, true], rows });
  if (findings.weightingWarning) blocks.push({ kind: 'note', text: findings.weightingWarning });
  blocks.push(
    { kind: 'heading', level: 2, text: 'Schätzung und Veröffentlichungsregeln' },
    { kind: 'paragraph', text: 'Anteile sind gewichtete Schätzungen für die Bevölkerung ab 16 Jahren. Die 95-%-Konfidenzintervalle berücksichtigen die Schichtung, die Endlichkeitskorrektur und die Gewichtung (Taylor-Linearisierung; für Anteile auf der Logit-Skala). Fehlende Angaben werden je Frage ausgelassen.' },
    { kind: 'bullets', items: [
      `Werte, die auf weniger als ${findings.publication.minRespondents} Antworten beruhen, werden nicht ausgewiesen (–*).`,
      `Angsträume erscheinen nur als Gebiete, die mindestens ${findings.publication.minClusterSize} verschiedene Personen markiert haben (Umkreis ${findings.publication.clusterRadiusM} m); einzelne Markierungen werden nie gezeigt.`,
    ] },
  );
  return blocks;
}

function results(findings: Findings): Block[] {
  const blocks: Block[] = [];
  const unsafe = findings.indicators.find((f) => f.key === UNSAFE_AT_NIGHT);
  for (const group of INDICATOR_GROUPS) {
    let list = byGroup(findings, group);
    if (!list.length) continue;
    if (group === 'incivilities') list = findings.incivilitiesRanked.map((k) => list.find((f) => f.key === k)!);
    blocks.push({ kind: 'heading', level: 2, text: GROUP_LABELS[group].de });
    if (group === 'fear' && unsafe) {
      blocks.push({ kind: 'paragraph', text: `Frage: „Wie sicher fühlen Sie sich, wenn Sie nachts allein in Ihrer Wohngegend unterwegs sind?“ ${unsafe.definition.de}.` });
      blocks.push(indicatorTable('Affektive Kriminalitätsfurcht', list, findings));
      blocks.push(...domainBlocks('Nachts unsicher', 'Ortsteil', unsafe.byDistrict, findings));
      blocks.push(...domainBlocks('Nachts unsicher', 'Altersgruppe', unsafe.byAgeGroup, findings));
      blocks.push(...domainBlocks('Nachts unsicher', 'Geschlecht', unsafe.bySex, findings));
      continue;
    }
    if (group === 'incivilities' || group === 'places' || group === 'victimisation') {
      const bars = list.map((f) => bar(f.label.de, f.overall));
      blocks.push({ kind: 'chart', svg: shareBarsSvg(GROUP_LABELS[group].de, bars), alt: `Balkendiagramm: ${GROUP_LABELS[group].de}; die Werte stehen in der folgenden Tabelle.`, bars });
    }
    blocks.push(indicatorTable(GROUP_LABELS[group].de, list, findings));
    blocks.push({ kind: 'paragraph', text: list.map((f) => `${f.label.de}: ${f.definition.de}.`).join(' ') });
  }
  return blocks;
}

function crimeBlocks(findings: Findings): Block[] {
  const c = findings.crime;
  if (!c) return [{ kind: 'paragraph', text: 'Für diese Gemeinde liegen noch keine Zahlen der Polizeilichen Kriminalstatistik vor.' }];
  const row = (name: string, f: typeof c.total.commune) => [name, num(f?.cases ?? null), num(f?.crimeRate ?? null), f?.clearanceRate === null || !f ? '–' : `${num(f.clearanceRate, 1)}${NBSP}%`];
  const blocks: Block[] = [
    { kind: 'paragraph', text: 'Die Polizeiliche Kriminalstatistik (PKS) zählt die der Polizei bekannt gewordenen Straftaten am Tatort. Die Häufigkeitszahl (HZ) ist die Zahl der Fälle je 100.000 Einwohner, die Aufklärungsquote der Anteil aufgeklärter Fälle. Nicht angezeigte Taten (Dunkelfeld) fehlen in der PKS.' },
    { kind: 'table', caption: `Straftaten insgesamt ${c.latestYear}: Gemeinde, Kreis und Land`, columns: ['Gebiet', 'Fälle', 'Häufigkeitszahl', 'Aufklärungsquote'], numeric: [false, true, true, true],
      rows: [row(c.commune, c.total.commune), row(c.kreis, c.total.kreis), row('Sachsen', c.total.saxony)] },
  ];
  if (c.trend.length > 1) {
    const years = c.trend.map((t) => t.year);
    blocks.push({ kind: 'chart', svg: trendLinesSvg('Häufigkeitszahl (Straftaten insgesamt) im Zeitverlauf', years, [
      { name: c.commune, values: c.trend.map((t) => t.commune) }, { name: c.kreis, values: c.trend.map((t) => t.kreis) }, { name: 'Sachsen', values: c.trend.map((t) => t.saxony) },
    ]), alt: 'Liniendiagramm der Häufigkeitszahl je Jahr für Gemeinde, Kreis und Land; die Werte stehen in der folgenden Tabelle.' });
    blocks.push({ kind: 'table', caption: 'Häufigkeitszahl je Jahr', columns: ['Jahr', c.commune, c.kreis, 'Sachsen'], numeric: [false, true, true, true],
      rows: c.trend.map((t) => [String(t.year), num(t.commune), num(t.kreis), num(t.saxony)]) });
  }
  const offences = c.offences.filter((o) => o.communeCases !== null).sort((a, b) => (b.communeCases ?? 0) - (a.communeCases ?? 0)).slice(0, 12);
  if (offences.length) {
    blocks.push({ kind: 'table', caption: `Ausgewählte Straftaten(gruppen) ${c.latestYear}: Häufigkeitszahl`, columns: ['Straftat', 'Fälle Gemeinde', c.commune, c.kreis, 'Sachsen'], numeric: [false, true, true, true, true],
      rows: offences.map((o) => [o.label, num(o.communeCases), num(o.communeRate), num(o.kreisRate), num(o.saxonyRate)]) });
  }
  blocks.push({ kind: 'note', text: `Quellen: ${c.sources.map((s) => `${s.source} (Version ${s.version})`).join('; ')}. ${c.populationBasis}` });
  const perception = findings.crimeVsPerception.filter((p) => p.survey);
  if (perception.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Kriminalität und Sicherheitsgefühl' });
    blocks.push({ kind: 'table', caption: 'Befragung und Kriminalstatistik nebeneinander', columns: ['Befragung', 'Wert', 'Kriminalstatistik', 'Wert'], numeric: [false, true, false, true],
      rows: perception.map((p) => [p.label.de, share(p.survey!), p.recordedLabel.de, num(p.recorded, 1)]) });
    blocks.push({ kind: 'paragraph', text: 'Wie sicher sich Menschen fühlen, hängt erfahrungsgemäß nur lose mit der registrierten Kriminalität zusammen; Verwahrlosung, Lärm und Verkehr im Wohnumfeld wiegen oft schwerer. Beide Blickwinkel ergänzen sich.' });
  }
  return blocks;
}

function fearPlaceBlocks(findings: Findings, map: TMapBase): Block[] {
  const f = findings.fearPlaces;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${num(f.respondentsWithMarks)} Befragte haben insgesamt ${num(f.marksTotal)} Orte markiert oder beschrieben, an denen sie sich unsicher fühlen. Ausgewiesen werden nur Gebiete, die mindestens ${findings.publication.minClusterSize} verschiedene Personen markiert haben; ${num(f.marksSuppressed)} Markierungen in kleineren Gruppen und ${num(f.marksWithoutLocation)} Beschreibungen ohne Kartenpunkt bleiben ungezeigt.` },
  ];
  if (f.clusters.length) {
    blocks.push({ kind: 'chart', svg: fearMapSvg(map, f.clusters, `Angsträume in ${communeBaseName(findings.project.communeName)}`), alt: `Karte der Gemeinde${map.districts.length ? ' mit ihren Ortsteilen' : ''} und den nummerierten Angsträumen; Lage und Gründe stehen in der folgenden Tabelle.` });
    blocks.push({ kind: 'table', caption: 'Angsträume', columns: ['Nr.', 'Personen', 'Häufigste Gründe', 'Tageszeit', map.districts.length ? 'Lage (Ortsteil; Breite, Länge)' : 'Lage (Breite, Länge)'], numeric: [false, true, false, false, false],
      rows: f.clusters.map((c) => [String(c.id), num(c.respondents), c.reasons.slice(0, 2).map((r) => label(FEAR_PLACE_REASONS, r.value)).join(', ') || '–',
        c.times[0] ? label(FEAR_PLACE_TIMES, c.times[0].value) : '–', placeOf(map, c)]) });
  }
  return blocks;
}

function waveBlocks(findings: Findings): Block[] {
  const thisYear = findings.project.startOn.slice(0, 4);
  return findings.waves.flatMap((w) => {
    const otherYear = w.project.startOn.slice(0, 4);
    const [first, second] = w.project.earlier ? [otherYear, thisYear] : [thisYear, otherYear];
    const running = w.project.status === 'running' ? ' Die Feldphase der anderen Befragung läuft noch; ihre Werte sind vorläufig.' : '';
    return [
      { kind: 'heading', level: 2, text: `Vergleich mit ${w.project.title}` } as Block,
      { kind: 'table', caption: `Veränderung von ${first} bis ${second} (Prozentpunkte)`, columns: ['Merkmal', first, second, 'Veränderung', '95-%-KI der Veränderung'], numeric: [false, true, true, true, true],
        rows: w.rows.map((r) => {
          const [a, b] = w.project.earlier ? [r.other, r.current] : [r.current, r.other];
          return [r.label.de, share(a), share(b), r.difference ? `${r.difference.estimate >= 0 ? '+' : ''}${num(r.difference.estimate * 100, 1)}${r.difference.significant ? ' (signifikant)' : ''}` : '–*',
            r.difference ? `${num(r.difference.low * 100, 1)} bis ${num(r.difference.high * 100, 1)}` : '–*'];
        }),
        note: `Eine Veränderung gilt als signifikant, wenn ihr 95-%-Konfidenzintervall die Null nicht einschließt. Die beiden Befragungen sind unabhängige Stichproben.${running}` } as Block,
    ];
  });
}

/** Instead of (or after) the comparison when the reader may not read another wave (see Findings.wavesWithheld). */
export const WAVES_WITHHELD_TEXT = 'Ein Vergleich mit einer weiteren Befragungswelle dieser Gemeinde ist in dieser Fassung nicht enthalten: Er wird nur denen gezeigt, die die Ergebnisse beider Befragungen einsehen dürfen (Landespräventionsrat, die Kommune selbst und die mit beiden Analysen beauftragten Analystinnen und Analysten).';

function recommendationBlocks(list: TRecommendation[], findings: Findings): Block[] {
  if (!list.length) return [{ kind: 'paragraph', text: 'Es wurden noch keine Handlungsempfehlungen formuliert.' }];
  const labels = new Map(findings.indicators.map((f) => [f.key, f.label.de]));
  return list.flatMap((r, i) => [
    { kind: 'heading', level: 3, text: `${i + 1}. ${r.title}` } as Block,
    { kind: 'paragraph', text: `Handlungsfeld: ${r.fieldOfAction.label} · Priorität: ${r.priority} · Stand: ${r.stateLabel}${r.stateNote ? ` (${r.stateNote})` : ''}` } as Block,
    { kind: 'paragraph', text: r.description } as Block,
    ...(r.findings.length ? [{ kind: 'paragraph', text: `Bezug: ${r.findings.map((k) => labels.get(k) ?? (k.startsWith('fear_place:') ? `Angstraum ${k.split(':')[1]}` : k)).join(', ')}` } as Block] : []),
  ]);
}

const interpretation = (): Block[] => [
  { kind: 'paragraph', text: 'Diese Hinweise sollen helfen, die Zahlen des Berichts in Rat und Verwaltung richtig zu lesen.' },
  { kind: 'bullets', items: [
    'Ein Anteil ist eine Schätzung für alle Einwohnerinnen und Einwohner ab 16 Jahren, nicht nur für die Befragten. Das Konfidenzintervall gibt den Bereich an, in dem der wahre Wert mit 95 % Sicherheit liegt. Je weniger Antworten, desto breiter das Intervall.',
    'Unterschiede zwischen Ortsteilen, Altersgruppen oder Befragungswellen sind erst dann belastbar, wenn sich die Konfidenzintervalle nicht überlappen bzw. die Veränderung als signifikant ausgewiesen ist.',
    'Die Gewichtung gleicht aus, dass manche Gruppen (etwa junge Männer) seltener antworten. Sie kann aber nicht ausgleichen, dass Menschen mit bestimmten Einstellungen eher teilnehmen.',
    'Werte mit dem Zeichen –* beruhen auf zu wenigen Antworten und werden deshalb nicht gezeigt. Das schützt auch die Anonymität der Befragten.',
    'Angsträume zeigen, wo sich viele Menschen unsicher fühlen – nicht, wo besonders viele Straftaten geschehen. Sie sind ein Anlass für Ortsbegehungen mit Polizei und Ordnungsamt.',
    'Die Kriminalstatistik erfasst nur angezeigte Taten. Ein Anstieg kann auch bedeuten, dass mehr angezeigt oder mehr kontrolliert wurde.',
    'Handlungsempfehlungen sind Vorschläge des Forschungsteams. Über Rangfolge und Umsetzung entscheidet die Kommune; ihr Stand wird auf der Plattform fortgeschrieben.',
  ] },
];

const LONG_DATE = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "1. Dezember 2026" from 2026-12-01. */
export const formatLongDateDe = (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));

/**
 * The names a report needs from the registry name: the town alone for titles ("Schwarzenberg/Erzgeb.") and
 * the official form ("Stadt Schwarzenberg/Erzgeb."; the registry marks towns with ", Stadt", other communes
 * are Gemeinden).
 */
export function communeNames(registerName: string): { town: string; official: string } {
  const isTown = registerName.split(',').slice(1).some((x) => x.trim() === 'Stadt');
  return { town: communeBaseName(registerName), official: officialName({ name: registerName, type: isTown ? 'Stadt' : 'Gemeinde' }).name };
}

export const REPORT_PUBLISHER = 'Landespräventionsrat Sachsen · Allianz Sichere Sächsische Kommunen (ASSKomm)';

/** What the cover shows besides the findings: the commune's approved crest (data URL) and the stored version's number. */
export interface ReportCover { crest: string | null; edition: number | null }

export function buildReportModel(findings: Findings, field: FieldFigures, recommendations: TRecommendation[], map: TMapBase, today: string, cover: ReportCover = { crest: null, edition: null }): TReportModel {
  const p = findings.project;
  const year = p.startOn.slice(0, 4);
  const names = communeNames(p.communeName);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Zusammenfassung', id: 'zusammenfassung' },
    { kind: 'bullets', items: summary(findings, field, recommendations) },
    { kind: 'heading', level: 1, text: 'Methodik', id: 'methodik' },
    ...methods(findings, field),
    { kind: 'pagebreak' },
    { kind: 'heading', level: 1, text: 'Ergebnisse der Bürgerbefragung', id: 'ergebnisse' },
    ...results(findings),
    { kind: 'heading', level: 1, text: 'Polizeiliche Kriminalstatistik', id: 'kriminalstatistik' },
    ...crimeBlocks(findings),
    { kind: 'heading', level: 1, text: 'Angsträume', id: 'angstraeume' },
    ...fearPlaceBlocks(findings, map),
    ...(findings.waves.length || findings.wavesWithheld ? [{ kind: 'heading', level: 1, text: 'Vergleich der Befragungswellen', id: 'vergleich' } as Block, ...waveBlocks(findings)] : []),
    ...(findings.wavesWithheld ? [{ kind: 'paragraph', text: WAVES_WITHHELD_TEXT } as Block] : []),
    { kind: 'heading', level: 1, text: 'Handlungsempfehlungen', id: 'empfehlungen' },
    ...recommendationBlocks(recommendations, findings),
    { kind: 'heading', level: 1, text: 'Interpretationshilfe für Ratsmitglieder', id: 'interpretationshilfe' },
    ...interpretation(),
  ];
  return {
    title: `Sicherheitsanalyse ${names.town} ${year}`,
    subtitle: `Bericht zur Bürgerbefragung ${year}`,
    commune: p.communeName,
    officialName: names.official,
    institute: p.institute,
    publisher: REPORT_PUBLISHER,
    date: formatLongDateDe(today),
    crest: cover.crest,
    edition: cover.edition,
    blocks,
  };
}
