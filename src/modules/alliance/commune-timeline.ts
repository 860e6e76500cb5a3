import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { PlatformModule } from '../../server/modules.js';
import { formatDateDe, todayIso } from '../../lib/dates.js';
import { communeStage } from './commune-stage.js';
import { sortTimeline } from './timeline.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { assertCommuneVisible } from './visibility.js';

/** A commune's Bilanz: every module's entries in date order, with the current stage. */
export async function communeTimeline(db: Db, modules: PlatformModule[], actor: Actor | null, ags: string) {
  const stage = await communeStage(db, ags, todayIso());
  await assertCommuneVisible(db, actor, ags);
  const entries = [];
  for (const m of modules) if (m.timeline) entries.push(...await m.timeline(db, ags, actor));
  return { commune: { ags, name: stage.name }, stage: stage.stage, stageLabel: stage.stageLabel, entries: sortTimeline(entries) };
}

export async function communeTimelinePdf(t: Awaited<ReturnType<typeof communeTimeline>>) {
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
