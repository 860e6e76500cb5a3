/** The Ergebnisprotokoll as PDF (pdfmake) and DOCX (docx); a draft carries "Entwurf – nicht genehmigt" on every page. */
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { DRAFT_LABEL, type MinutesAttendee, type MinutesModel } from './minutes-model.js';
import { CREATOR, DOCX_STYLES, DRAFT_RED, docxFacts, docxLetterhead, INK, MUTED, paragraphsOf, pdfFacts, pdfLetterhead } from './document-parts.js';

const attendee = (a: MinutesAttendee) => (a.organisation ? `${a.name} (${a.organisation})` : a.name);

function facts(m: MinutesModel): [string, string][] {
  return [
    ['Gremium', m.body],
    ['Datum', m.date],
    ['Uhrzeit', m.time],
    ['Ort', m.place],
    ['Stand', m.draft ? DRAFT_LABEL : (m.approval ?? 'genehmigt')],
  ];
}

/** The attendance groups in order, each with its heading (empty groups are left out, except "Anwesend"). */
function attendanceGroups(m: MinutesModel): { heading: string; names: string[] }[] {
  return [
    { heading: 'Anwesend', names: m.present.map(attendee) },
    { heading: 'Entschuldigt', names: m.excused.map(attendee) },
    { heading: 'Gäste', names: m.guests.map(attendee) },
  ].filter((g, i) => i === 0 || g.names.length);
}

const unnamedNote = (m: MinutesModel) => (m.unnamed
  ? `${m.unnamed === 1 ? 'Eine weitere Person hat' : `${m.unnamed} weitere Personen haben`} teilgenommen oder sich entschuldigt; ${m.unnamed === 1 ? 'sie wird' : 'sie werden'} in der öffentlichen Fassung nicht namentlich genannt.`
  : null);
const publicNote = 'Öffentliche Fassung: Nicht öffentliche Tagesordnungspunkte sind nicht enthalten.';
const itemHeading = (i: MinutesModel['items'][number]) => `TOP ${i.order}: ${i.title}${i.isPublic ? '' : ' (nicht öffentlich)'}`;
const NO_MINUTES = 'Zu diesem Tagesordnungspunkt ist kein Protokolltext erfasst.';

export async function minutesPdf(m: MinutesModel): Promise<Buffer> {
  const content: Content[] = [
    pdfLetterhead(m.letterhead, m.council),
    ...(m.draft ? [{ text: DRAFT_LABEL, color: DRAFT_RED, bold: true, fontSize: 11, margin: [0, 0, 0, 6] } as Content] : []),
    { text: 'Ergebnisprotokoll', fontSize: 20, bold: true, color: INK, margin: [0, 0, 0, 4] },
    { text: m.title, fontSize: 13, color: INK, margin: [0, 0, 0, 12] },
    pdfFacts(facts(m)),
    ...(m.publicOnly ? [{ text: publicNote, italics: true, fontSize: 9, color: MUTED, margin: [0, 0, 0, 10] } as Content] : []),
    { text: 'Teilnehmende', fontSize: 13, bold: true, margin: [0, 6, 0, 4] },
    ...attendanceGroups(m).flatMap((g): Content[] => [
      { text: g.heading, bold: true, margin: [0, 4, 0, 2] },
      g.names.length ? { ul: g.names, margin: [0, 0, 0, 4] } : { text: 'keine Angaben', italics: true, color: MUTED, margin: [0, 0, 0, 4] },
    ]),
    ...(unnamedNote(m) ? [{ text: unnamedNote(m)!, fontSize: 9, italics: true, color: MUTED, margin: [0, 2, 0, 6] } as Content] : []),
    ...(m.general.trim() ? [{ text: 'Allgemeines', fontSize: 13, bold: true, margin: [0, 10, 0, 4] } as Content, ...paragraphsOf(m.general).map((p) => ({ text: p, margin: [0, 0, 0, 6] } as Content))] : []),
    { text: 'Tagesordnung', fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
    m.items.length ? { stack: m.items.map((i) => ({ text: itemHeading(i), margin: [0, 0, 0, 2] })), margin: [0, 0, 0, 8] } as Content : { text: 'Keine Tagesordnungspunkte.', italics: true },
    ...m.items.flatMap((i): Content[] => [
      { text: itemHeading(i), fontSize: 12, bold: true, margin: [0, 12, 0, 4], headlineLevel: 1 } as Content,
      ...(i.minutes.trim() ? paragraphsOf(i.minutes).map((p) => ({ text: p, margin: [0, 0, 0, 6] } as Content)) : [{ text: NO_MINUTES, italics: true, color: MUTED, margin: [0, 0, 0, 6] } as Content]),
      ...i.decisions.map((d): Content => ({
        table: { widths: ['*'], body: [[{ stack: [
          { text: `Beschluss${d.number ? ` ${d.number}` : ''}`, bold: true, margin: [0, 0, 0, 2] },
          ...paragraphsOf(d.text).map((p) => ({ text: p, margin: [0, 0, 0, 3] })),
          { text: `Abstimmung: ${d.vote}`, color: MUTED, fontSize: 9.5 },
        ], margin: [6, 4, 6, 4] }]] },
        layout: { hLineWidth: () => 0.5, vLineWidth: (i: number) => (i === 0 ? 2 : 0), hLineColor: () => '#c9ced4', vLineColor: () => '#0b4f8a' },
        margin: [0, 2, 0, 8],
      } as Content)),
    ]),
  ];
  const definition: TDocumentDefinitions = {
    info: { title: `Ergebnisprotokoll ${m.body} ${m.date}`, subject: m.title, creator: CREATOR, author: m.council },
    language: 'de-DE',
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    ...(m.draft ? { watermark: { text: DRAFT_LABEL, color: DRAFT_RED, opacity: 0.12, bold: true, fontSize: 40 } } : {}),
    header: (current) => (m.draft && current > 1 ? { text: DRAFT_LABEL, color: DRAFT_RED, bold: true, fontSize: 9, alignment: 'right', margin: [56, 24, 56, 0] } : ''),
    footer: (current, total) => ({ text: `Ergebnisprotokoll · ${m.body} · ${m.date} · Seite ${current} von ${total}`, alignment: 'center', fontSize: 8, color: MUTED, margin: [0, 20, 0, 0] }),
    content,
  };
  return renderPdf(definition);
}

export async function minutesDocx(m: MinutesModel): Promise<Buffer> {
  const p = (text: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number; after?: number } = {}) =>
    new Paragraph({ spacing: { after: opts.after ?? 100 }, children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, color: opts.color?.slice(1), size: opts.size })] });
  const heading = (text: string, level: 1 | 2) => new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(text)] });
  const children: (Paragraph | Table)[] = [
    ...docxLetterhead(m.letterhead, m.council),
    ...(m.draft ? [p(DRAFT_LABEL, { bold: true, color: DRAFT_RED, size: 24 })] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 80 }, children: [new TextRun({ text: 'Ergebnisprotokoll', bold: true, size: 40 })] }),
    p(m.title, { size: 26, after: 200 }),
    docxFacts(facts(m)),
    ...(m.publicOnly ? [p(publicNote, { italics: true, color: MUTED, size: 18 })] : []),
    heading('Teilnehmende', 1),
    ...attendanceGroups(m).flatMap((g) => [
      p(g.heading, { bold: true, after: 40 }),
      ...(g.names.length ? g.names.map((n) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(n)] })) : [p('keine Angaben', { italics: true, color: MUTED })]),
    ]),
    ...(unnamedNote(m) ? [p(unnamedNote(m)!, { italics: true, color: MUTED, size: 18 })] : []),
    ...(m.general.trim() ? [heading('Allgemeines', 1), ...paragraphsOf(m.general).map((t) => p(t))] : []),
    heading('Tagesordnung', 1),
    ...(m.items.length ? m.items.map((i) => p(itemHeading(i), { after: 40 })) : [p('Keine Tagesordnungspunkte.', { italics: true })]),
    ...m.items.flatMap((i) => [
      heading(itemHeading(i), 2),
      ...(i.minutes.trim() ? paragraphsOf(i.minutes).map((t) => p(t)) : [p(NO_MINUTES, { italics: true, color: MUTED })]),
      ...i.decisions.flatMap((d) => [
        new Paragraph({ spacing: { before: 80, after: 40 }, indent: { left: 240 }, border: { left: { style: 'single', size: 18, color: '0B4F8A', space: 8 } },
          children: [new TextRun({ text: `Beschluss${d.number ? ` ${d.number}` : ''}`, bold: true })] }),
        ...paragraphsOf(d.text).map((t) => new Paragraph({ spacing: { after: 40 }, indent: { left: 240 }, border: { left: { style: 'single', size: 18, color: '0B4F8A', space: 8 } }, children: [new TextRun(t)] })),
        new Paragraph({ spacing: { after: 160 }, indent: { left: 240 }, border: { left: { style: 'single', size: 18, color: '0B4F8A', space: 8 } },
          children: [new TextRun({ text: `Abstimmung: ${d.vote}`, color: MUTED.slice(1), size: 19 })] }),
      ]),
    ]),
  ];
  const doc = new Document({
    creator: CREATOR, title: `Ergebnisprotokoll ${m.body} ${m.date}`, subject: m.title, description: m.draft ? DRAFT_LABEL : (m.approval ?? ''),
    styles: DOCX_STYLES,
    sections: [{
      headers: { default: new Header({ children: m.draft ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: DRAFT_LABEL, bold: true, color: DRAFT_RED.slice(1), size: 18 })] })] : [new Paragraph('')] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`Ergebnisprotokoll · ${m.body} · ${m.date} · Seite `, PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
