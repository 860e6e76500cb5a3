/** The Präventionsbericht as PDF (pdfmake, charts as vector SVG) and DOCX (docx, charts as SVG with a PNG fallback). */
import { AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { svgToPng } from '../../server/documents/raster.js';
import type { TReportContent } from './councils.types.js';
import { ZReportFigures, type TReportFigures } from './documents.types.js';
import type { Letterhead } from './letterhead.js';
import { attendanceSvg, crimeRatesSvg, decisionsByStateSvg } from './report-charts.js';
import { changeDe, percent, pointsDe, rateDe } from './report-text.js';
import { CREATOR, DOCX_STYLES, DRAFT_RED, docxFacts, docxLetterhead, docxTable, INK, MUTED, paragraphsOf, pdfFacts, pdfLetterhead, pdfTable } from './document-parts.js';

type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; numeric?: boolean[]; wide?: number }
  | { kind: 'chart'; svg: string; alt: string };

export interface CouncilReportDocument {
  letterhead: Letterhead;
  council: string;
  content: TReportContent;
  draft: boolean;
  /** "Veröffentlicht am 1. Dezember 2026" or "Entwurf, erzeugt am …" */
  stand: string;
}

export const REPORT_DRAFT_LABEL = 'Entwurf – nicht veröffentlicht';
const dayDe = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');

/** The tables and charts under a section, by its key (sections the coordinator added carry none). */
function figureBlocks(key: string, f: TReportFigures): Block[] {
  switch (key) {
    case 'sitzungen': {
      const m = f.meetings;
      const rated = m.perMeeting.filter((x) => x.rate !== null);
      return [
        { kind: 'table', caption: `Sitzungen ${f.year} je Gremium`, columns: ['Gremium', 'Art', 'Durchgeführt', 'Abgesagt'], numeric: [false, false, true, true],
          rows: m.byBody.map((b) => [b.body, b.kindLabel, String(b.held), String(b.cancelled)]) },
        ...(rated.length ? [{ kind: 'chart', svg: attendanceSvg(rated), alt: 'Anteil anwesender Mitglieder je Sitzung' } as Block] : []),
        ...(m.perMeeting.length ? [{ kind: 'table', caption: 'Teilnahme je Sitzung', columns: ['Datum', 'Gremium', 'Anwesend', 'Entschuldigt', 'Gäste', 'Mitglieder', 'Anteil anwesend'],
          numeric: [false, false, true, true, true, true, true],
          rows: m.perMeeting.map((x) => [dayDe(x.date), x.body, String(x.present), String(x.excused), String(x.guests), String(x.members), x.rate === null ? '–' : percent(x.rate)]) } as Block] : []),
        ...(f.attendance.rate !== null ? [{ kind: 'note', text: `Anteil anwesend: anwesende Mitglieder des Gremiums geteilt durch seine Mitglieder am Sitzungstag (ohne Gäste); über alle Sitzungen ${percent(f.attendance.rate)}.` } as Block] : []),
      ];
    }
    case 'beschluesse': {
      const d = f.decisions;
      if (!d.total) return [];
      const tracked = d.total - d.untracked;
      return [
        ...(tracked ? [{ kind: 'chart', svg: decisionsByStateSvg(d.byState), alt: 'Beschlüsse nach Stand der Umsetzung' } as Block] : []),
        { kind: 'table', caption: 'Beschlüsse nach Stand der Umsetzung', columns: ['Stand', 'Anzahl'], numeric: [false, true],
          rows: [...d.byState.map((s) => [s.label, String(s.count)]), ['ohne Nachverfolgung', String(d.untracked)], ['insgesamt', String(d.total)]] },
        ...(d.listed.length ? [{ kind: 'table', caption: 'Beschlüsse zu öffentlichen Tagesordnungspunkten', columns: ['Nr.', 'Beschluss', 'Sitzung', 'Stand', 'Frist'], wide: 1,
          rows: d.listed.map((x) => [x.number, x.text, `${dayDe(x.date)}, ${x.body}`, x.stateLabel, dayDe(x.dueOn)]) } as Block] : []),
      ];
    }
    case 'arbeitsgruppen':
      return f.workingGroups.length ? [
        { kind: 'table', caption: `Gremien des Rates ${f.year}`, columns: ['Gremium', 'Art', 'Sitzungen', 'Beschlüsse'], numeric: [false, false, true, true],
          rows: f.workingGroups.map((g) => [g.name, g.kindLabel, String(g.meetings), String(g.decisions.length + g.nonPublicDecisions)]) },
        ...f.workingGroups.filter((g) => g.decisions.length).flatMap((g): Block[] => [
          { kind: 'heading', level: 2, text: g.name },
          { kind: 'bullets', items: g.decisions.map((x) => `${x.number ? `${x.number}: ` : ''}${x.text} (${x.stateLabel})`) },
        ]),
      ] : [];
    case 'befragung': {
      const s = f.survey;
      if (!s.analysis || !s.rows.length) return [];
      const columns = ['Kennzahl', `Befragung ${s.analysis.year}`, ...(s.previous ? [`Befragung ${s.previous.year}`, 'Veränderung'] : [])];
      return [
        { kind: 'table', caption: `Ausgewählte Kennzahlen der Bürgerbefragung (gewichtete Anteile)`, columns, numeric: columns.map((_, i) => i > 0),
          rows: s.rows.map((r) => [r.label, percent(r.current), ...(s.previous ? [percent(r.previous), `${pointsDe(r.difference)}${r.significant ? '*' : ''}`] : [])]) },
        { kind: 'note', text: `–*: zu wenige Antworten, der Wert wird nicht gezeigt.${s.previous ? ' Veränderung in Prozentpunkten; * = statistisch signifikant (95 %).' : ''}` },
      ];
    }
    case 'kriminalitaet': {
      const c = f.crime;
      if (!c || !c.rows.length) return [];
      return [
        ...(c.rows.some((r) => r.key !== '------') ? [{ kind: 'chart', svg: crimeRatesSvg({ ...c, rows: c.rows.filter((r) => r.key !== '------') }), alt: `Häufigkeitszahl der häufigsten Straftatengruppen ${c.year} und ${c.previousYear}; die Werte stehen in der folgenden Tabelle.` } as Block] : []),
        { kind: 'table', caption: `Häufigkeitszahl (Fälle je 100.000 Einwohner) ${c.year} und ${c.previousYear}`, columns: ['Straftatengruppe', String(c.year), String(c.previousYear), 'Veränderung'], numeric: [false, true, true, true],
          rows: c.rows.map((r) => [r.label, rateDe(r.rate), rateDe(r.previousRate), changeDe(r.change)]) },
        ...(c.source ? [{ kind: 'note', text: `Quelle: ${c.source}.` } as Block] : []),
      ];
    }
    case 'empfehlungen': {
      const r = f.recommendations;
      if (!r || !r.items.length) return [];
      return [{ kind: 'table', caption: `Handlungsempfehlungen aus „${r.analysis}“`, columns: ['Empfehlung', 'Handlungsfeld', 'Priorität', 'Stand', 'Beschlüsse'],
        rows: r.items.map((i) => [i.title, i.fieldOfAction, i.priority, i.stateNote ? `${i.stateLabel} (${i.stateNote})` : i.stateLabel, i.decisions.join(', ') || '–']) }];
    }
    default: return [];
  }
}

function blocksOf(doc: CouncilReportDocument): Block[] {
  const parsed = ZReportFigures.safeParse(doc.content.figures);
  const figures = parsed.success ? parsed.data : null;
  return [
    ...(doc.content.foreword.trim() ? [{ kind: 'heading', level: 1, text: 'Vorwort' } as Block, ...paragraphsOf(doc.content.foreword).map((text): Block => ({ kind: 'paragraph', text }))] : []),
    ...doc.content.sections.flatMap((s, i): Block[] => [
      { kind: 'heading', level: 1, text: `${i + 1}. ${s.title}` },
      ...paragraphsOf(s.text).map((text): Block => ({ kind: 'paragraph', text })),
      ...(figures ? figureBlocks(s.key, figures) : []),
    ]),
  ];
}

const facts = (doc: CouncilReportDocument): [string, string][] => [['Gremium', doc.council], ['Stand', doc.stand]];

function pdfBlock(b: Block): Content[] {
  switch (b.kind) {
    case 'heading': return [{ text: b.text, fontSize: b.level === 1 ? 14 : 11.5, bold: true, color: INK, margin: [0, b.level === 1 ? 14 : 8, 0, 5], headlineLevel: b.level } as Content];
    case 'paragraph': return [{ text: b.text, margin: [0, 0, 0, 6] }];
    case 'note': return [{ text: b.text, fontSize: 8.5, italics: true, color: MUTED, margin: [0, 0, 0, 8] }];
    case 'bullets': return [{ ul: [...b.items], margin: [0, 0, 0, 8] }];
    case 'chart': return [{ svg: b.svg, width: 470, margin: [0, 4, 0, 8] } as Content];
    case 'table': return [{ text: b.caption, italics: true, fontSize: 9, margin: [0, 4, 0, 2] }, pdfTable(b.columns, b.rows, b.numeric, b.wide)];
  }
}

export async function councilReportPdf(doc: CouncilReportDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: `${doc.content.title} – ${doc.council}`, subject: doc.content.title, creator: CREATOR, author: doc.council },
    language: 'de-DE',
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    ...(doc.draft ? { watermark: { text: REPORT_DRAFT_LABEL, color: DRAFT_RED, opacity: 0.1, bold: true, fontSize: 40 } } : {}),
    header: (current) => (doc.draft && current > 1 ? { text: REPORT_DRAFT_LABEL, color: DRAFT_RED, bold: true, fontSize: 9, alignment: 'right', margin: [56, 24, 56, 0] } : ''),
    footer: (current, total) => ({ text: `${doc.content.title} · ${doc.council} · Seite ${current} von ${total}`, alignment: 'center', fontSize: 8, color: MUTED, margin: [0, 20, 0, 0] }),
    content: [
      pdfLetterhead(doc.letterhead, doc.council),
      ...(doc.draft ? [{ text: REPORT_DRAFT_LABEL, color: DRAFT_RED, bold: true, margin: [0, 0, 0, 6] } as Content] : []),
      { text: doc.content.title, fontSize: 22, bold: true, color: INK, margin: [0, 0, 0, 6] },
      { text: `${doc.council} · ${doc.letterhead.officialName}`, fontSize: 12, color: INK, margin: [0, 0, 0, 12] },
      pdfFacts(facts(doc)),
      ...blocksOf(doc).flatMap(pdfBlock),
    ],
  };
  return renderPdf(definition);
}

const svgSize = (svg: string) => ({ width: Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 640), height: Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 300) });

function docxBlock(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading': return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(b.text)] })];
    case 'paragraph': return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(b.text)] })];
    case 'note': return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: b.text, italics: true, size: 17, color: MUTED.slice(1) })] })];
    case 'bullets': return b.items.map((t) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(t)] }));
    case 'chart': {
      const { width, height } = svgSize(b.svg);
      const scale = Math.min(1, 600 / width);
      const png = svgToPng(b.svg, Math.round(width * 2));
      return [new Paragraph({ children: [new ImageRun({ type: 'svg', data: Buffer.from(b.svg), fallback: { type: 'png', data: png }, transformation: { width: width * scale, height: height * scale }, altText: { name: 'Diagramm', description: b.alt, title: b.alt } })] })];
    }
    case 'table': return [new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: b.caption, italics: true, size: 18 })] }), ...docxTable(b.columns, b.rows, b.numeric)];
  }
}

export async function councilReportDocx(doc: CouncilReportDocument): Promise<Buffer> {
  const label = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, bold: true, color: DRAFT_RED.slice(1), size: 18 })] });
  const document = new Document({
    creator: CREATOR, title: `${doc.content.title} – ${doc.council}`, subject: doc.content.title, description: doc.stand,
    styles: DOCX_STYLES,
    sections: [{
      headers: { default: new Header({ children: [doc.draft ? label(REPORT_DRAFT_LABEL) : new Paragraph('')] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${doc.content.title} · ${doc.council} · Seite `, PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
      children: [
        ...docxLetterhead(doc.letterhead, doc.council),
        ...(doc.draft ? [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: REPORT_DRAFT_LABEL, bold: true, color: DRAFT_RED.slice(1), size: 24 })] })] : []),
        new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 80 }, children: [new TextRun({ text: doc.content.title, bold: true, size: 44 })] }),
        new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: `${doc.council} · ${doc.letterhead.officialName}`, size: 26 })] }),
        docxFacts(facts(doc)),
        ...blocksOf(doc).flatMap(docxBlock),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
