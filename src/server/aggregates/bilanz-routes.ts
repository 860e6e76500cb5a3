import type { App } from '../modules.js';
import { fileSlug, sendDownload } from '../http/download.js';
import { bilanzPolicy, communeBilanz } from './bilanz.js';
import { bilanzPdf } from './bilanz-pdf.js';
import { ZBilanz, ZCommuneParams, ZFile } from './aggregates.types.js';

const tags = ['Beteiligungsstufen und Bilanz'];

/** A commune's Bilanz from every module's timeline. The address keeps the /alliance prefix it had before it moved into the core. */
export async function bilanzRoutes(app: App) {
  const { db } = app.database;

  app.get('/alliance/communes/:ags/timeline', {
    config: bilanzPolicy.route('read', 'ags'),
    schema: { tags, summary: 'Bilanz: alle Ereignisse einer Kommune in zeitlicher Folge', params: ZCommuneParams, response: { 200: ZBilanz } },
  }, async (request) => communeBilanz(db, app.platformModules, request.actor, bilanzPolicy.of(request)));

  app.get('/alliance/communes/:ags/timeline.pdf', {
    config: bilanzPolicy.route('read', 'ags'),
    schema: { tags, summary: 'Bilanz als PDF', params: ZCommuneParams, response: { 200: ZFile('PDF') } },
  }, async (request, reply) => {
    const bilanz = await communeBilanz(db, app.platformModules, request.actor, bilanzPolicy.of(request));
    return sendDownload(reply, `ASSKomm-Bilanz-${fileSlug(bilanz.commune.name)}.pdf`, 'pdf', await bilanzPdf(bilanz));
  });
}
