/** The report model rendered as PDF (pdfmake, charts as vector SVG) and DOCX (docx). */
import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { svgToPng } from '../../server/documents/raster.js';
import type { TReportBlock as Block, TReportModel as ReportModel } from './evaluation.types.js';

const BLUE = '#0b4f8a';

function pdfBlock(b: Block): Content[] {
  switch (b.kind) {
    case 'heading': return [{ text: b.text, fontSize: b.level === 1 ? 16 : b.level === 2 ? 12.5 : 11, bold: true, color: b.level === 1 ? BLUE : '#1b1b1b', margin: [0, b.level === 1 ? 14 : 10, 0, 6], headlineLevel: b.level, tocItem: b.level === 1 } as Content];
    case 'paragraph': return [{ text: b.text, margin: [0, 0, 0, 6] }];
    // pdfmake rewrites the nodes it is given, so it gets copies and the model stays reusable.
    case 'bullets': return [{ ul: [...b.items], margin: [0, 0, 0, 8] }];
    case 'note': return [{ text: b.text, fontSize: 8.5, italics: true, margin: [0, 0, 0, 8] }];
    case 'pagebreak': return [{ text: '', pageBreak: 'after' }];
    case 'chart': return [{ svg: b.svg, width: 470, margin: [0, 4, 0, 4] } as Content];
    case 'table': {
      const body = [
        b.columns.map((c, i) => ({ text: c, bold: true, fontSize: 9, alignment: b.numeric?.[i] ? 'right' : 'left' })),
        ...b.rows.map((r) => r.map((c, i) => ({ text: c, fontSize: 9, alignment: b.numeric?.[i] ? 'right' : 'left' }))),
      ];
      return [
        { text: b.caption, italics: true, fontSize: 9, margin: [0, 4, 0, 2] },
        { table: { headerRows: 1, widths: b.columns.map((_, i) => (i === 0 ? '*' : 'auto')), body, dontBreakRows: true }, layout: 'lightHorizontalLines', margin: [0, 0, 0, b.note ? 2 : 8] } as Content,
        ...(b.note ? [{ text: b.note, fontSize: 8, italics: true, margin: [0, 0, 0, 8] } as Content] : []),
      ];
    }
  }
}

export async function reportPdf(model: ReportModel): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: model.title, subject: model.subtitle, creator: 'ASSKomm-Plattform', author: model.institute },
    language: 'de-DE',
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    footer: (current, total) => ({ text: `${model.title} · Seite ${current} von ${total}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content: [
      { text: model.title, fontSize: 24, bold: true, color: BLUE, margin: [0, 120, 0, 8] },
      { text: model.subtitle, fontSize: 14, margin: [0, 0, 0, 24] },
      { text: `Durchgeführt von: ${model.institute}`, margin: [0, 0, 0, 4] },
      { text: `Im Rahmen der Allianz Sichere Sächsische Kommunen (ASSKomm) · Stand ${model.date}`, margin: [0, 0, 0, 0] },
      { toc: { title: { text: 'Inhalt', fontSize: 14, bold: true, margin: [0, 0, 0, 8] } }, pageBreak: 'before' } as Content,
      { text: '', pageBreak: 'after' },
      ...model.blocks.flatMap(pdfBlock),
    ],
  };
  return renderPdf(definition);
}


function svgSize(svg: string): { width: number; height: number } {
  const w = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 640);
  const h = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 300);
  return { width: w, height: h };
}

const cellText = (text: string, opts: { bold?: boolean; right?: boolean } = {}) => new TableCell({
  children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: opts.bold, size: 18 })] })],
});

function docxBlock(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading': return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun(b.text)] })];
    case 'paragraph': return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(b.text)] })];
    case 'bullets': return b.items.map((t) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(t)] }));
    case 'note': return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: b.text, italics: true, size: 17 })] })];
    case 'pagebreak': return [new Paragraph({ children: [new PageBreak()] })];
    case 'chart': {
      const { width, height } = svgSize(b.svg);
      const scale = Math.min(1, 600 / width);
      // SVG for current Word versions, a 2× PNG of the same chart for viewers without SVG support.
      const png = svgToPng(b.svg, Math.round(width * 2));
      return [new Paragraph({ children: [new ImageRun({ type: 'svg', data: Buffer.from(b.svg), fallback: { type: 'png', data: png }, transformation: { width: width * scale, height: height * scale }, altText: { name: 'Diagramm', description: b.alt, title: b.alt } })] })];
    }
    case 'table': {
      const header = new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cellText(c, { bold: true, right: b.numeric?.[i] })) });
      const rows = b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cellText(c, { right: b.numeric?.[i] })) }));
      return [
        new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: b.caption, italics: true, size: 18 })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ...(b.note ? [new Paragraph({ children: [new TextRun({ text: b.note, italics: true, size: 16 })] })] : [new Paragraph('')]),
      ];
    }
  }
}

export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'ASSKomm-Plattform', title: model.title, subject: model.subtitle, description: `Sicherheitsanalyse ${model.commune}`,
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [{
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${model.title} · Seite `, PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
      children: [
        new Paragraph({ spacing: { before: 2400, after: 200 }, children: [new TextRun({ text: model.title, bold: true, size: 48, color: BLUE.slice(1) })] }),
        new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: model.subtitle, size: 28 })] }),
        new Paragraph({ children: [new TextRun(`Durchgeführt von: ${model.institute}`)] }),
        new Paragraph({ children: [new TextRun(`Im Rahmen der Allianz Sichere Sächsische Kommunen (ASSKomm) · Stand ${model.date}`)] }),
        new Paragraph({ children: [new PageBreak()] }),
        ...model.blocks.flatMap(docxBlock),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
