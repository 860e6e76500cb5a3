import type { PressTextSource } from '../../../server/figures.js';
import { formatDateDe } from '../../../lib/dates.js';

/** The figures the text names, by key: the alliance's own and those of other modules (analyses: surveys). */
const HEADLINE_KEYS = ['communesAdvised', 'communesCooperating', 'councils', 'agreements', 'coachingProcesses', 'safetyAnalyses', 'fundingCommitted'] as const;
type HeadlineFigures = Record<(typeof HEADLINE_KEYS)[number], number> & { asOf: string };

const de = (n: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(n);

/** "über ein Drittel" etc. for part/whole, or null when no customary fraction fits. */
export function shareInWords(part: number, whole: number): string | null {
  if (whole <= 0 || part <= 0) return null;
  const r = part / whole;
  const steps: [number, string][] = [[3 / 4, 'drei Viertel'], [2 / 3, 'zwei Drittel'], [1 / 2, 'die Hälfte'], [1 / 3, 'ein Drittel'], [1 / 4, 'ein Viertel'], [1 / 5, 'ein Fünftel']];
  for (const [value, words] of steps) {
    if (part * (1 / value) === whole) return words;
    if (r > value) return `über ${words}`;
  }
  return null;
}

/** The "Hintergrundinformationen" block of the LPR's press releases, with live numbers. */
export function pressText(f: HeadlineFigures): { title: string; text: string } {
  const share = shareInWords(f.communesCooperating, f.communesAdvised);
  const cooperating = share ? `wovon ${share} (${de(f.communesCooperating)})` : `wovon ${de(f.communesCooperating)}`;
  const paragraphs = [
    `Immer mehr Städte und Gemeinden im Freistaat setzen im Rahmen ihrer Sicherheitskonzepte auf kommunale Prävention. Unter dem Dach der Anfang 2019 gegründeten Allianz Sichere Sächsische Kommunen hat der Landespräventionsrat Sachsen inzwischen bereits ${de(f.communesAdvised)} Kommunen zu Fragen von Prävention und Sicherheit beraten, ${cooperating} eng mit »ASSKomm« zusammenarbeitet. In ${de(f.councils)} Kommunen hat sich zudem ein Kommunaler Präventionsrat konstituiert oder ist reaktiviert worden.`,
    `${de(f.agreements)} Kooperationsvereinbarungen wurden geschlossen, ${de(f.coachingProcesses)} »ASSKomm«-Coaching-Prozesse in Gang gesetzt und ${de(f.safetyAnalyses)} Sicherheitsanalysen durchgeführt.`
      + (f.fundingCommitted > 0 ? ` Für Projekte der kommunalen Prävention wurden Fördermittel in Höhe von ${de(f.fundingCommitted)} Euro bewilligt.` : ''),
    '»ASSKomm« bietet neben Sicherheitsanalysen und Coaching auch Aus- und Fortbildung – u. a. das bundesweit einmalige Studium Präventionsmanagement (B.A./M.A. berufsbegleitend) – und auch die Förderung von kommunaler Prävention mit einer jährlichen Gesamtsumme von 1,3 Mio. Euro für ganz Sachsen.',
    `Weitere Informationen sind unter www.asskomm.sachsen.de abrufbar. (Stand der Zahlen: ${formatDateDe(f.asOf)})`,
  ];
  return { title: 'Hintergrundinformationen zu »ASSKomm«', text: paragraphs.join('\n\n') };
}

/** The press text as the alliance's contribution to the core's figures (values by key from every module). */
export const alliancePressText: PressTextSource = (figure, asOf) =>
  pressText({ asOf, ...Object.fromEntries(HEADLINE_KEYS.map((k) => [k, figure(k)])) as Record<(typeof HEADLINE_KEYS)[number], number> });
