/** Building blocks shared by the council's documents (minutes, Präventionsbericht): colours, letterhead, paragraphs. */
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Content } from 'pdfmake/interfaces.js';
import { crestDataUrl, type Letterhead } from './letterhead.js';

export const INK = '#1b1b1b';
export const MUTED = '#4a4f55';
export const BRAND = '#0b4f8a';
export const DRAFT_RED = '#b3261e';
export const CREATOR = 'ASSKomm-Plattform';

/** Free text as paragraphs (blank lines separate them; single line breaks stay). */
export const paragraphsOf = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** The PDF letterhead: crest (if any) beside the official name and the council. */
export function pdfLetterhead(letterhead: Letterhead, council: string): Content {
  const names: Content = { stack: [
    { text: letterhead.officialName, fontSize: 12, bold: true, color: INK },
    { text: council, fontSize: 10.5, color: MUTED, margin: [0, 2, 0, 0] },
  ], margin: [0, letterhead.crest ? 12 : 0, 0, 0] };
  const columns: Content[] = letterhead.crest
    ? [{ image: crestDataUrl(letterhead.crest), width: letterhead.crest.width, height: letterhead.crest.height, margin: [0, 0, 12, 0] } as Content, names]
    : [names];
  return { stack: [
    { columns, columnGap: 0 } as Content,
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 1.5, lineColor: BRAND }], margin: [0, 10, 0, 14] },
  ] };
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

/** The DOCX letterhead: the same as the PDF's. */
export function docxLetterhead(letterhead: Letterhead, council: string): (Paragraph | Table)[] {
  const names = [
    new Paragraph({ children: [new TextRun({ text: letterhead.officialName, bold: true, size: 24 })] }),
    new Paragraph({ children: [new TextRun({ text: council, size: 21, color: MUTED.slice(1) })] }),
  ];
  const rule = new Paragraph({ spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BRAND.slice(1), space: 6 } }, children: [] });
  if (!letterhead.crest) return [...names, rule];
  const crest = letterhead.crest;
  const image = new Paragraph({ children: [new ImageRun({ type: crest.type, data: crest.data, transformation: { width: crest.width * 96 / 72, height: crest.height * 96 / 72 },
    altText: { name: 'Wappen', title: `Wappen: ${letterhead.officialName}`, description: `Wappen: ${letterhead.officialName}` } })] });
  return [
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ children: [
      new TableCell({ width: { size: 14, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: [image] }),
      new TableCell({ width: { size: 86, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: names }),
    ] })] }),
    rule,
  ];
}

/** Label/value lines (date, time, place …) as a borderless table. */
export function pdfFacts(facts: [string, string][]): Content {
  return { table: { widths: [110, '*'], body: facts.map(([k, v]) => [{ text: k, color: MUTED }, { text: v, color: INK }]) }, layout: 'noBorders', margin: [0, 0, 0, 12] };
}

export function docxFacts(facts: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: facts.map(([k, v]) => new TableRow({ children: [
      new TableCell({ width: { size: 24, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: [new Paragraph({ children: [new TextRun({ text: k, color: MUTED.slice(1) })] })] }),
      new TableCell({ width: { size: 76, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: [new Paragraph({ children: [new TextRun({ text: v })] })] }),
    ] })),
  });
}

/** A data table (header row bold, numeric columns right-aligned; column `wide` takes the remaining width). */
export function pdfTable(columns: string[], rows: string[][], numeric: boolean[] = [], wide = 0): Content {
  const cell = (text: string, i: number, bold = false) => ({ text, bold, fontSize: 9, alignment: numeric[i] ? 'right' : 'left' });
  return {
    table: { headerRows: 1, widths: columns.map((_, i) => (i === wide ? '*' : 'auto')), body: [columns.map((c, i) => cell(c, i, true)), ...rows.map((r) => r.map((c, i) => cell(c, i)))], dontBreakRows: true },
    layout: 'lightHorizontalLines', margin: [0, 2, 0, 10],
  } as Content;
}

export function docxTable(columns: string[], rows: string[][], numeric: boolean[] = []): (Paragraph | Table)[] {
  const cell = (text: string, i: number, bold = false) => new TableCell({
    children: [new Paragraph({ alignment: numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold, size: 18 })] })],
  });
  return [
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) })),
    ] }),
    new Paragraph(''),
  ];
}

/** DOCX document styles shared by the council's documents. */
export const DOCX_STYLES = { default: {
  document: { run: { font: 'Arial', size: 21, color: INK.slice(1) } },
  heading1: { run: { font: 'Arial', size: 30, bold: true, color: INK.slice(1) }, paragraph: { spacing: { before: 280, after: 120 } } },
  heading2: { run: { font: 'Arial', size: 24, bold: true, color: INK.slice(1) }, paragraph: { spacing: { before: 220, after: 100 } } },
  heading3: { run: { font: 'Arial', size: 22, bold: true, color: INK.slice(1) }, paragraph: { spacing: { before: 160, after: 80 } } },
} };
