import { communeBaseName } from '../communes/official-name.js';
import { eq } from 'drizzle-orm';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import { unprocessable } from '../../server/http/problem.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { communes } from '../communes/schema.js';
import type { AnalysisRow } from './policy.js';
import { surveyLetters } from './schema.js';
import { latestFrozenQuestionnaire } from './survey-state.js';
import { getLetter } from './letter.js';
import { FEAR_PLACE_REASONS, FEAR_PLACE_TIMES } from './standard-items.js';
import { hasEnglish } from './questionnaire-definition.js';
import type { TDefinition, TResolvedQuestion, TScaleValue, TText } from './surveys.types.js';

const MM = 2.8346;
const GREY = '#555555';
/** Places asked for on paper (online up to five; on paper the space of one page). */
const PAPER_PLACES = 3;
export type PaperLanguage = 'de' | 'en';

const WORDS = {
  de: {
    title: (town: string) => `Bürgerbefragung zur Sicherheit in ${town}`,
    sheet: 'Nur für die Auswertung – Bogen-Nr.',
    howTo: 'So füllen Sie den Fragebogen aus',
    instructions: [
      'Kreuzen Sie bei jeder Frage das Kästchen an, das für Sie am ehesten zutrifft. Wenn nicht anders angegeben, bitte nur ein Kreuz je Frage oder Zeile.',
      'Um ein Kreuz zu korrigieren, malen Sie das falsche Kästchen ganz aus und kreuzen Sie das richtige an.',
      'Alle Fragen sind freiwillig: Was Sie nicht beantworten möchten, lassen Sie einfach aus.',
      'Die Befragung ist anonym. Die kleinen grauen Kürzel und Zahlen neben den Fragen dienen nur der Erfassung Ihrer Antworten.',
    ],
    code: 'Ihr Zugangscode aus dem Brief (freiwillig; so wird Ihre Teilnahme nur einmal gezählt, auch wenn Sie online begonnen haben):',
    multi: 'Mehrere Antworten möglich.',
    district: 'Bitte ein Kästchen ankreuzen.',
    text: 'Bitte in Druckschrift schreiben.',
    fearIntro: 'Statt auf der Karte beschreiben Sie hier bis zu drei Orte (Straße, Platz, Haltestelle, Gebäude), mit dem Grund und der Tageszeit.',
    place: (n: number) => `Ort ${n} – wo genau?`,
    reason: 'Warum fühlen Sie sich dort unsicher?',
    time: 'Wann?',
    thanks: 'Vielen Dank für Ihre Teilnahme!',
    returnTo: 'Bitte senden Sie den ausgefüllten Fragebogen im beiliegenden Rückumschlag zurück (das Porto zahlt der Empfänger) an:',
    separated: 'Ihr Name und Ihre Anschrift werden gelöscht, sobald die Briefe versandt sind; Ihre Antworten lassen sich Ihnen nicht zuordnen.',
    online: (url: string) => `Sie können auch online teilnehmen: ${url} – mit dem Zugangscode aus Ihrem Brief. Bitte nehmen Sie nur einmal teil (online oder auf Papier).`,
    page: (n: number, of: number) => `Seite ${n} von ${of}`,
    revision: (code: string, revision: number) => `Fragebogen ${code}, Fassung ${revision}`,
  },
  en: {
    title: (town: string) => `Citizen survey on safety in ${town}`,
    sheet: 'For processing only – sheet no.',
    howTo: 'How to fill in the questionnaire',
    instructions: [
      'For each question, tick the box that fits you best. Unless stated otherwise, please tick only one box per question or row.',
      'To correct a tick, fill in the wrong box completely and tick the right one.',
      'All questions are voluntary: simply leave out what you do not want to answer.',
      'The survey is anonymous. The small grey codes and numbers beside the questions are only for entering your answers.',
    ],
    code: 'Your access code from the letter (optional; so that your participation counts only once, even if you started online):',
    multi: 'Several answers possible.',
    district: 'Please tick one box.',
    text: 'Please write in block letters.',
    fearIntro: 'Instead of the map, describe up to three places here (street, square, stop, building), with the reason and the time of day.',
    place: (n: number) => `Place ${n} – where exactly?`,
    reason: 'Why do you feel unsafe there?',
    time: 'When?',
    thanks: 'Thank you for taking part!',
    returnTo: 'Please return the completed questionnaire in the enclosed reply envelope (postage paid by the recipient) to:',
    separated: 'Your name and address are deleted once the letters have been sent; your answers cannot be traced back to you.',
    online: (url: string) => `You can also take part online: ${url} – with the access code from your letter. Please take part only once (online or on paper).`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    revision: (code: string, revision: number) => `Questionnaire ${code}, version ${revision}`,
  },
} as const;


const box = (size = 9) => ({ canvas: [{ type: 'rect', x: 0, y: 1.5, w: size, h: size, lineWidth: 0.8 }], width: size + 5 }) as Content;
const small = (text: string) => ({ text, fontSize: 7, color: GREY });

/** The printed questionnaire: the frozen definition, item codes beside each question as the paper entry form shows them. */
export async function paperQuestionnairePdf(db: Db, files: FileStorage, project: AnalysisRow, lang: PaperLanguage, surveyUrl: string): Promise<Buffer> {
  const frozen = await latestFrozenQuestionnaire(db, project.id);
  if (!frozen) throw unprocessable('not_frozen', 'Der Fragebogen wird mit dem Beginn der Feldphase festgeschrieben; erst dann gibt es den Papierfragebogen.');
  const d = frozen.definition as TDefinition;
  if (lang === 'en' && !hasEnglish(d)) throw unprocessable('no_english', 'Der Fragebogen ist nicht vollständig ins Englische übersetzt.');
  const w = WORDS[lang];
  const tx = (t: TText) => (lang === 'en' && t.en.trim() ? t.en : t.de);
  const [commune] = await db.select({ name: communes.name }).from(communes).where(eq(communes.ags, project.ags));
  const town = commune ? communeBaseName(commune.name) : project.ags;
  const letter = await getLetter(db, project);
  const [row] = await db.select({ crestKey: surveyLetters.crestKey, crestType: surveyLetters.crestType }).from(surveyLetters).where(eq(surveyLetters.projectId, project.id));
  const crest = row?.crestKey ? `data:${row.crestType};base64,${(await files.get(row.crestKey)).toString('base64')}` : null;

  const sender = letter.sender.split(' · ')[0]!;
  const title = w.title(town);
  // The questionnaire's own title below, unless it says the same.
  const plain = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const subtitle = plain(tx(d.title)) === plain(title) ? '' : tx(d.title);

  /** A question's heading: number and wording, its item code small at the right. */
  const heading = (n: number, q: TResolvedQuestion): Content => ({
    columns: [{ text: `${n}. ${tx(q.content.wording)}`, bold: true }, { text: q.code, fontSize: 7, color: GREY, width: 'auto', alignment: 'right', margin: [6, 2, 0, 0] }],
    margin: [0, 8, 0, 3],
  });
  /**
   * A ticked list: box, label and its value (the number typed at paper entry). Options of a multiple-choice
   * question go without: paper entry keys each of them as ticked (1) or not (0).
   */
  const options = (values: TScaleValue[], columns: number, numbered = true): Content => {
    const cells = values.map((v): Content => ({ columns: [box(), { text: [tx(v.label), ...(numbered ? [{ text: `  ${v.value}`, fontSize: 7, color: GREY }] : [])] }], margin: [0, 1, 0, 1] }));
    if (columns <= 1) return { stack: cells, margin: [8, 0, 0, 0] };
    const rows: Content[][] = [];
    for (let i = 0; i < cells.length; i += columns) rows.push(Array.from({ length: columns }, (_, k) => cells[i + k] ?? { text: '' }));
    return { table: { widths: Array(columns).fill('*'), body: rows }, layout: 'noBorders', margin: [8, 0, 0, 0] };
  };
  const writeIn = (height: number): Content => ({ table: { widths: ['*'], body: [[{ text: '', margin: [0, height / 2, 0, height / 2] }]] }, layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 }, margin: [8, 2, 0, 2] });

  const question = (n: number, q: TResolvedQuestion): Content[] => {
    const c = q.content;
    const scale = [...c.scale, ...(c.notApplicable ? [c.notApplicable] : [])];
    switch (c.kind) {
      case 'single': return [heading(n, q), options(scale, scale.length > 6 ? 2 : 1)];
      case 'multi': return [heading(n, q), { text: w.multi, italics: true, fontSize: 9, margin: [8, 0, 0, 2] }, options(c.scale, c.scale.length > 6 ? 2 : 1, false)];
      case 'district': return [heading(n, q), { text: w.district, italics: true, fontSize: 9, margin: [8, 0, 0, 2] }, options(d.districts.map((name, i) => ({ value: i + 1, label: { de: name, en: name } })), 3)];
      case 'text': return [heading(n, q), { text: w.text, italics: true, fontSize: 9, margin: [8, 0, 0, 2] }, writeIn(50)];
      case 'matrix': {
        const head: TableCell[] = [{ text: '' }, ...scale.map((s): TableCell => ({ stack: [{ text: tx(s.label), fontSize: 8 }, small(String(s.value))], alignment: 'center' }))];
        const body: TableCell[][] = c.rows.map((r) => [
          { stack: [{ text: tx(r.label), fontSize: 9.5 }, small(r.code)] },
          ...scale.map((): TableCell => ({ stack: [box()], alignment: 'center', margin: [0, 2, 0, 0] })),
        ]);
        return [heading(n, q), {
          table: { headerRows: 1, dontBreakRows: true, widths: ['*', ...scale.map(() => 44)], body: [head, ...body] },
          layout: { hLineWidth: (i: number) => (i === 1 ? 0.6 : 0.2), vLineWidth: () => 0, hLineColor: () => '#999999', fillColor: (i: number) => (i > 0 && i % 2 === 0 ? '#f2f2f2' : null) },
          margin: [8, 0, 0, 0],
        }];
      }
      case 'fearplaces': return [heading(n, q), { text: w.fearIntro, fontSize: 9, margin: [8, 0, 0, 4] },
        ...Array.from({ length: PAPER_PLACES }, (_, i): Content => ({
          stack: [
            { text: w.place(i + 1), bold: true, fontSize: 9.5 }, writeIn(22),
            { text: w.reason, fontSize: 9 }, options(FEAR_PLACE_REASONS, 3),
            { text: w.time, fontSize: 9 }, options(FEAR_PLACE_TIMES, 3),
          ],
          unbreakable: true, margin: [0, 4, 0, 6],
        }))];
    }
  };

  let n = 0;
  const body: Content[] = d.pages.flatMap((p) => [
    { text: tx(p.title), style: 'section' } as Content,
    ...p.questions.map((q): Content => ({ stack: question(++n, q), unbreakable: q.content.kind !== 'fearplaces' && q.content.kind !== 'matrix' })),
  ]);
  const codeBoxes: Content = { columns: [...Array.from({ length: 4 }, () => box(14)), { text: '–', width: 10, margin: [0, 2, 0, 0] }, ...Array.from({ length: 4 }, () => box(14))], margin: [0, 3, 0, 0] };

  return renderPdf({
    info: { title, creator: 'ASSKomm-Plattform', subject: w.revision(project.code, frozen.revision) },
    pageSize: 'A4',
    pageMargins: [20 * MM, 18 * MM, 20 * MM, 18 * MM],
    styles: { section: { fontSize: 13, bold: true, margin: [0, 14, 0, 2] } },
    footer: (page, pages) => ({ columns: [small(w.revision(project.code, frozen.revision)), { ...small(w.page(page, pages)), alignment: 'right' }], margin: [20 * MM, 6 * MM, 20 * MM, 0] } as Content),
    content: [
      {
        columns: [
          { stack: [{ text: sender, fontSize: 9, color: GREY }, { text: title, fontSize: 18, bold: true, margin: [0, 4, 0, 2] }, ...(subtitle ? [{ text: subtitle, fontSize: 11 }] : [])] },
          ...(crest ? [{ image: crest, fit: [60, 60] as [number, number], width: 60 }] : []),
        ],
        columnGap: 10,
      },
      { table: { widths: ['*', 90], body: [[{ text: w.sheet, alignment: 'right', fontSize: 8, color: GREY, border: [false, false, false, false], margin: [0, 3, 4, 0] }, { text: ' ', margin: [0, 4, 0, 4] }]] }, margin: [0, 8, 0, 6] },
      ...(tx(d.intro).trim() ? [{ text: tx(d.intro), margin: [0, 0, 0, 6] } as Content] : []),
      {
        table: { widths: ['*'], body: [[{ stack: [{ text: w.howTo, bold: true, margin: [0, 0, 0, 3] }, { ul: [...w.instructions], fontSize: 9.5 }, { text: w.code, fontSize: 9.5, margin: [0, 6, 0, 0] }, codeBoxes], margin: [6, 6, 6, 6], fillColor: '#f2f2f2' }]] },
        layout: 'noBorders',
      },
      ...body,
      { stack: [{ text: w.thanks, bold: true, fontSize: 12, margin: [0, 0, 0, 4] }, { text: w.returnTo }, { text: sender, bold: true, margin: [0, 2, 0, 2] }, { text: w.separated }, { text: w.online(surveyUrl), margin: [0, 4, 0, 0] }], margin: [0, 18, 0, 0], unbreakable: true },
    ],
  });
}
