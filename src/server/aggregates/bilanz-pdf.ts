import { formatDateDe, todayIso } from '../../lib/dates.js';
import { renderPdf } from '../documents/pdf.js';
import type { TBilanz } from './aggregates.types.js';

/** The Bilanz as a PDF: a heading with the stage and one table row per entry. */
export async function bilanzPdf(t: TBilanz) {
  const today = todayIso();
  return renderPdf({
    info: { title: `ASSKomm-Bilanz ${t.commune.name}`, creator: 'ASSKomm-Plattform' },
    pageMargins: [56, 56, 56, 56],
    footer: (current, total) => ({ text: `ASSKomm-Bilanz ${t.commune.name} · Stand ${formatDateDe(today)} · Seite ${current} von ${total}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content: [
      { text: `ASSKomm-Bilanz: ${t.commune.name}`, fontSize: 18, bold: true },
      { text: `AGS ${t.commune.ags} · Stufe: ${t.stageLabel ?? 'keine'} · Stand ${formatDateDe(today)}`, margin: [0, 4, 0, 16] },
      t.entries.length
        ? {
          table: {
            headerRows: 1, widths: [62, 150, '*'],
            body: [
              [{ text: 'Datum', bold: true }, { text: 'Ereignis', bold: true }, { text: 'Einzelheiten', bold: true }],
              ...t.entries.map((e) => [formatDateDe(e.date), e.title, e.detail]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
        : { text: 'Für diese Kommune sind noch keine Ereignisse erfasst.' },
    ],
  });
}
