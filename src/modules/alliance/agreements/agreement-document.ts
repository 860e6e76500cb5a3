import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { renderPdf } from '../../../server/documents/pdf.js';
import type { Content } from 'pdfmake/interfaces.js';
import { formatDateDe } from '../../../lib/dates.js';
import { moduleLabel } from './agreement.js';
import type { TAgreementRecord } from './agreements.types.js';

/** The document's text, shared by the DOCX and PDF renderers so that both say the same. */
function agreementOutline(a: TAgreementRecord) {
  const signed = a.state === 'signed' || a.state === 'ended' || a.revisions.some((r) => r.revision === a.revision);
  const extras: Record<string, string[]> = {
    ziele: a.goals,
    aufgaben_partner: a.modules.length ? [`Vereinbarte Module: ${a.modules.map(moduleLabel).join(', ')}`] : [],
    themen: a.topics.map((t) => t.label),
    massnahmen: a.measures,
  };
  return {
    title: a.kindLabel,
    subtitle: 'im Rahmen der Landesstrategie »Allianz Sichere Sächsische Kommunen« (ASSKomm)',
    status: signed ? null : `ENTWURF – Stand ${a.stateLabel}, Fassung ${a.revision}`,
    parties: a.parties.map((p) => ({ label: p.label, representedBy: p.signatoryName ? `vertreten durch ${[p.signatoryOffice, p.signatoryName].filter(Boolean).join(' ')}` : '' })),
    sections: a.sections.map((s, i) => ({ heading: `§ ${i + 1} ${s.title}`, text: s.text, items: extras[s.key] ?? [] })),
    placeAndDate: `${a.signedPlace || '____________________'}, den ${a.signedOn ? formatDateDe(a.signedOn) : '____________________'}`,
    signatures: a.parties.map((p) => ({ party: p.label, name: p.signatoryName, office: p.signatoryOffice })),
    footer: `${a.title} · Fassung ${a.revision}`,
  };
}

export async function agreementDocx(a: TAgreementRecord): Promise<Buffer> {
  const o = agreementOutline(a);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(o.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: o.subtitle, italics: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('zwischen')] }),
  ];
  o.parties.forEach((p, i) => {
    if (i > 0) body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children: [new TextRun(i === o.parties.length - 1 ? 'und' : '–')] }));
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: p.label, bold: true })] }));
    if (p.representedBy) body.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(p.representedBy)] }));
  });
  for (const s of o.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 360 }, children: [new TextRun(s.heading)] }));
    for (const para of s.text.split(/\n{2,}/)) body.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun(para)] }));
    for (const item of s.items) body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
  }
  body.push(new Paragraph({ spacing: { before: 480, after: 480 }, children: [new TextRun(o.placeAndDate)] }));
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cell = (sig: { party: string; name: string; office: string } | undefined) => new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    borders: { top: none, bottom: none, left: none, right: none },
    children: sig ? [
      new Paragraph({ spacing: { before: 720 }, children: [new TextRun('______________________________')] }),
      new Paragraph({ children: [new TextRun({ text: sig.name || ' ', bold: true })] }),
      new Paragraph({ children: [new TextRun(sig.office)] }),
      new Paragraph({ children: [new TextRun({ text: sig.party, italics: true })] }),
    ] : [new Paragraph('')],
  });
  const rows: TableRow[] = [];
  for (let i = 0; i < o.signatures.length; i += 2) rows.push(new TableRow({ cantSplit: true, children: [cell(o.signatures[i]), cell(o.signatures[i + 1])] }));
  body.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
  const doc = new Document({
    creator: 'ASSKomm-Plattform', title: `${a.title} (Fassung ${a.revision})`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{
      headers: { default: new Header({ children: o.status ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: o.status, bold: true, color: 'B00020' })] })] : [] }) },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [`${o.footer} · Seite `, PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 18 })],
          })],
        }),
      },
      children: body,
    }],
  });
  return Packer.toBuffer(doc);
}


export async function agreementPdf(a: TAgreementRecord): Promise<Buffer> {
  const o = agreementOutline(a);
  const content: Content[] = [
    { text: o.title, fontSize: 20, bold: true, alignment: 'center' },
    { text: o.subtitle, italics: true, alignment: 'center', margin: [0, 4, 0, 16] },
    { text: 'zwischen', alignment: 'center', margin: [0, 0, 0, 6] },
  ];
  o.parties.forEach((p, i) => {
    if (i > 0) content.push({ text: i === o.parties.length - 1 ? 'und' : '–', alignment: 'center', margin: [0, 4, 0, 4] });
    content.push({ text: p.label, bold: true, alignment: 'center' });
    if (p.representedBy) content.push({ text: p.representedBy, alignment: 'center' });
  });
  for (const s of o.sections) {
    content.push({ text: s.heading, fontSize: 13, bold: true, margin: [0, 16, 0, 6] });
    for (const para of s.text.split(/\n{2,}/)) content.push({ text: para, margin: [0, 0, 0, 6] });
    if (s.items.length) content.push({ ul: s.items, margin: [0, 0, 0, 6] });
  }
  content.push({ text: o.placeAndDate, margin: [0, 24, 0, 12] });
  const block = (sig?: { party: string; name: string; office: string }): Content => sig
    ? { stack: [{ text: '', margin: [0, 36, 0, 0] }, { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 210, y2: 0, lineWidth: 0.7 }] }, { text: sig.name || ' ', bold: true, margin: [0, 4, 0, 0] }, { text: sig.office }, { text: sig.party, italics: true }], unbreakable: true }
    : { text: '' };
  const rows: Content[][] = [];
  for (let i = 0; i < o.signatures.length; i += 2) rows.push([block(o.signatures[i]), block(o.signatures[i + 1])]);
  content.push({ table: { widths: ['*', '*'], body: rows, dontBreakRows: true }, layout: 'noBorders' });
  return renderPdf({
    info: { title: `${a.title} (Fassung ${a.revision})`, creator: 'ASSKomm-Plattform', subject: a.kindLabel },
    language: 'de-DE',
    pageMargins: [56, 56, 56, 56],
    header: o.status ? { text: o.status, alignment: 'right', color: '#B00020', bold: true, margin: [56, 24, 56, 0] } : undefined,
    footer: (current, total) => ({ text: `${o.footer} · Seite ${current} von ${total}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content,
  });
}
