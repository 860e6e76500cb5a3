/** The report model rendered as PDF (pdfmake, charts as vector SVG) and DOCX (docx). */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { svgToPng } from '../../server/documents/raster.js';
import { checkJpeg, checkPng } from '../../server/files/images.js';
import { REPORT_PUBLISHER } from './report-model.js';
import type { TReportBlock as Block, TReportModel as ReportModel } from './evaluation.types.js';

/** The app's colours (src/web/ui/styles.css): dark ink for text, the brand blue only for the cover band and rules. */
const INK = '#1b1b1b';
const MUTED = '#4a4f55';
const BRAND = '#0b4f8a';
const A4_WIDTH = 595.28;
/** The crest on the cover: at most this many points wide and high (about 32 × 38 mm). */
const CREST_BOX = { width: 90, height: 108 };

/** The cover's lines under the title, in the order printed (PDF and DOCX). */
function coverFacts(model: ReportModel): [string, string][] {
  return [
    ['Bericht vom', model.date],
    ...(model.edition ? [['Fassung', String(model.edition)] as [string, string]] : []),
    ['Erstellt von', model.institute],
    ['Herausgeber', model.publisher ?? REPORT_PUBLISHER],
  ];
}

/** A crest data URL as bytes with its type and pixel size (null if it is not a readable PNG or JPEG). */
async function crestImage(dataUrl: string | null | undefined) {
  const m = dataUrl ? /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl) : null;
  if (!m) return null;
  const data = Buffer.from(m[2]!, 'base64');
  const limits = { maxSide: 4000, maxPixels: 16_000_000 };
  const verdict = m[1] === 'png' ? await checkPng(data, limits) : checkJpeg(data, limits);
  if (!verdict.ok) return null;
  const scale = Math.min(CREST_BOX.width / verdict.info.width, CREST_BOX.height / verdict.info.height);
  return { data, type: m[1] === 'png' ? 'png' as const : 'jpg' as const, width: verdict.info.width * scale, height: verdict.info.height * scale };
}

function pdfCover(model: ReportModel): Content[] {
  return [
    ...(model.crest ? [{ image: model.crest, fit: [CREST_BOX.width, CREST_BOX.height], margin: [0, 40, 0, 24] } as Content] : [{ text: '', margin: [0, 120, 0, 0] } as Content]),
    { text: model.officialName ?? model.commune, fontSize: 13, color: MUTED, margin: [0, 0, 0, 6] },
    { text: model.title, fontSize: 22, bold: true, color: INK, margin: [0, 0, 0, 8] },
    { text: model.subtitle, fontSize: 13, color: INK, margin: [0, 0, 0, 18] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 2, lineColor: BRAND }], margin: [0, 0, 0, 18] },
    {
      table: { widths: [90, '*'], body: coverFacts(model).map(([k, v]) => [{ text: k, color: MUTED }, { text: v, color: INK }]) },
      layout: 'noBorders',
    },
  ];
}

function pdfBlock(b: Block): Content[] {
  switch (b.kind) {
    case 'heading': return [{ text: b.text, fontSize: b.level === 1 ? 16 : b.level === 2 ? 12.5 : 11, bold: true, color: INK, margin: [0, b.level === 1 ? 14 : 10, 0, 6], headlineLevel: b.level, tocItem: b.level === 1 } as Content];
    case 'paragraph': return [{ text: b.text, margin: [0, 0, 0, 6] }];
    // pdfmake rewrites the nodes it is given, so it gets copies and the model stays reusable.
    case 'bullets': return [{ ul: [...b.items], margin: [0, 0, 0, 8] }];
    case 'note': return [{ text: b.text, fontSize: 8.5, italics: true, margin: [0, 0, 0, 8] }];
    case 'pagebreak': return [{ text: '', pageBreak: 'after' }];
    case 'chart': return [{ svg: b.svg, width: 470, margin: [0, 4, 0, 10] } as Content];
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
    // The cover: a band in the brand colour with the publisher, then dark text on white.
    background: (page) => (page === 1 ? [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: A4_WIDTH, h: 64, color: BRAND }] },
      { text: model.publisher ?? REPORT_PUBLISHER, color: '#ffffff', fontSize: 10, bold: true, absolutePosition: { x: 56, y: 26 } },
    ] as Content : ''),
    footer: (current, total) => (current === 1 ? '' : { text: `${model.title} · Seite ${current} von ${total}`, alignment: 'center', fontSize: 8, color: MUTED, margin: [0, 20, 0, 0] }),
    content: [
      ...pdfCover(model),
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

async function docxCover(model: ReportModel): Promise<(Paragraph | Table)[]> {
  const crest = await crestImage(model.crest);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  return [
    new Paragraph({ shading: { type: ShadingType.CLEAR, fill: BRAND.slice(1), color: 'auto' }, spacing: { after: 240 }, children: [new TextRun({ text: ` ${model.publisher ?? REPORT_PUBLISHER}`, bold: true, color: 'FFFFFF', size: 20 })] }),
    crest
      ? new Paragraph({ spacing: { before: 480, after: 360 }, children: [new ImageRun({ type: crest.type, data: crest.data, transformation: { width: crest.width * 96 / 72, height: crest.height * 96 / 72 }, altText: { name: 'Wappen', title: `Wappen: ${model.officialName ?? model.commune}`, description: `Wappen: ${model.officialName ?? model.commune}` } })] })
      : new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: model.officialName ?? model.commune, size: 26, color: MUTED.slice(1) })] }),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: model.title, bold: true, size: 52, color: INK.slice(1) })] }),
    new Paragraph({ spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BRAND.slice(1), space: 12 } }, children: [new TextRun({ text: model.subtitle, size: 26, color: INK.slice(1) })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders,
      rows: coverFacts(model).map(([k, v]) => new TableRow({ children: [
        new TableCell({ width: { size: 20, type: WidthType.PERCENTAGE }, borders: noBorders, children: [new Paragraph({ children: [new TextRun({ text: k, color: MUTED.slice(1) })] })] }),
        new TableCell({ width: { size: 80, type: WidthType.PERCENTAGE }, borders: noBorders, children: [new Paragraph({ children: [new TextRun({ text: v, color: INK.slice(1) })] })] }),
      ] })),
    }),
  ];
}

export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'ASSKomm-Plattform', title: model.title, subject: model.subtitle, description: `Sicherheitsanalyse ${model.commune}`,
    styles: { default: {
      document: { run: { font: 'Arial', size: 21, color: INK.slice(1) } },
      heading1: { run: { font: 'Arial', size: 32, bold: true, color: INK.slice(1) }, paragraph: { spacing: { before: 280, after: 120 } } },
      heading2: { run: { font: 'Arial', size: 25, bold: true, color: INK.slice(1) }, paragraph: { spacing: { before: 200, after: 100 } } },
      heading3: { run: { font: 'Arial', size: 22, bold: true, color: INK.slice(1) }, paragraph: { spacing: { before: 160, after: 80 } } },
    } },
    sections: [{
      // No page footer on the cover.
      properties: { titlePage: true },
      footers: { first: new Footer({ children: [new Paragraph('')] }), default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${model.title} · Seite `, PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
      children: [
        ...(await docxCover(model)),
        new Paragraph({ children: [new PageBreak()] }),
        ...model.blocks.flatMap(docxBlock),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
