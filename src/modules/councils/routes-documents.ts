import type { App } from '../../server/modules.js';
import { access } from '../../server/http/access.js';
import { auditContext } from '../../server/audit/record.js';
import { sendDownload } from '../../server/http/download.js';
import { notFound } from '../../server/http/problem.js';
import { councilPolicy as policy } from './policy.js';
import { publicCouncil as findPublicCouncil } from './public-councils.js';
import { ZCouncilChildParams, ZCouncilParams } from './councils.types.js';
import * as T from './documents.types.js';
import { minutesFileName, minutesModel } from './minutes-model.js';
import { meetingOf } from './council-records.js';
import { minutesDocx, minutesPdf } from './render-minutes.js';
import { councilReportOf, listCouncilReports } from './council-report-records.js';
import { presentCouncilReport } from './present-council-report.js';
import { generateCouncilReport } from './generate-council-report.js';
import { updateCouncilReport } from './update-council-report.js';
import { publishCouncilReport } from './publish-council-report.js';
import { readCouncilReportFile, reportFileName } from './read-council-report-file.js';

const FORMATS = ['pdf', 'docx'] as const;

/**
 * The council's documents: the Ergebnisprotokoll of a meeting (PDF/DOCX; internally with non-public items and
 * as a draft, publicly only approved and only public items) and the annual Präventionsbericht (generate, edit,
 * publish; downloads internally as a draft preview, publicly once published).
 */
export async function documentRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Präventionsräte: Protokolle und Präventionsbericht'];
  const publicTags = ['Öffentlich: Präventionsräte'];

  const publicCouncil = (id: string) => findPublicCouncil(db, id);

  for (const format of FORMATS) {
    const label = format === 'pdf' ? 'PDF' : 'DOCX';
    app.get(`/councils/:id/meetings/:childId/minutes.${format}`, {
      config: policy.route('read'),
      schema: { tags, summary: `Ergebnisprotokoll einer Sitzung als ${label} (alle Tagesordnungspunkte; ein nicht genehmigtes Protokoll als Entwurf gekennzeichnet)`, params: ZCouncilChildParams, response: { 200: T.ZDocumentFile } },
    }, async (request, reply) => {
      const model = await minutesModel(db, app.files, policy.of(request), request.params.childId, { publicOnly: false });
      return sendDownload(reply, minutesFileName(model, format), format, format === 'pdf' ? await minutesPdf(model) : await minutesDocx(model));
    });

    app.get(`/public/councils/:id/meetings/:childId/minutes.${format}`, {
      config: { access: access.public },
      schema: { tags: publicTags, summary: `Genehmigtes Ergebnisprotokoll einer Sitzung als ${label} (nur öffentliche Tagesordnungspunkte)`, params: ZCouncilChildParams, response: { 200: T.ZDocumentFile } },
    }, async (request, reply) => {
      const council = await publicCouncil(request.params.id);
      const meeting = await meetingOf(db, council.id, request.params.childId);
      if (meeting.minutesState !== 'genehmigt') throw notFound('Zu dieser Sitzung gibt es (noch) kein genehmigtes Protokoll.');
      const model = await minutesModel(db, app.files, council, meeting.id, { publicOnly: true });
      return sendDownload(reply, minutesFileName(model, format), format, format === 'pdf' ? await minutesPdf(model) : await minutesDocx(model));
    });

    app.get(`/councils/:id/reports/:childId/report.${format}`, {
      config: policy.route('read'),
      schema: { tags, summary: `Präventionsbericht als ${label} (ein Entwurf wird als Vorschau erzeugt und ist gekennzeichnet)`, params: ZCouncilChildParams, response: { 200: T.ZDocumentFile } },
    }, async (request, reply) => {
      const council = policy.of(request);
      const row = await councilReportOf(db, council.id, request.params.childId);
      return sendDownload(reply, reportFileName(council, row, format), format, await readCouncilReportFile(db, app.files, council, row, format));
    });

    app.get(`/public/councils/:id/reports/:childId/report.${format}`, {
      config: { access: access.public },
      schema: { tags: publicTags, summary: `Veröffentlichter Präventionsbericht als ${label}`, params: ZCouncilChildParams, response: { 200: T.ZDocumentFile } },
    }, async (request, reply) => {
      const council = await publicCouncil(request.params.id);
      const row = await councilReportOf(db, council.id, request.params.childId, { publishedOnly: true });
      return sendDownload(reply, reportFileName(council, row, format), format, await readCouncilReportFile(db, app.files, council, row, format));
    });
  }

  app.get('/councils/:id/reports', {
    config: policy.route('read'),
    schema: { tags, summary: 'Präventionsberichte des Rates (Entwürfe und veröffentlichte), neuestes Jahr zuerst', params: ZCouncilParams, response: { 200: T.ZCouncilReportList } },
  }, async (request) => {
    const council = policy.of(request);
    const can = await policy.can(db, request.actor, council);
    return { items: (await listCouncilReports(db, council.id)).map((r) => presentCouncilReport(r)), can: { manage: can.manage } };
  });

  app.post('/councils/:id/reports', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Entwurf des Präventionsberichts für ein Jahr erzeugen (ein vorhandener Entwurf wird neu erzeugt; mit keepTexts bleiben bearbeitete Texte erhalten)', params: ZCouncilParams, body: T.ZGenerateReportInput, response: { 200: T.ZCouncilReport, 201: T.ZCouncilReport } },
  }, async (request, reply) => {
    const { report, created } = await generateCouncilReport(db, auditContext(request), policy.of(request), request.body);
    return reply.status(created ? 201 : 200).send(report);
  });

  app.get('/councils/:id/reports/:childId', {
    config: policy.route('read'),
    schema: { tags, summary: 'Ein Präventionsbericht mit Texten und Kennzahlen', params: ZCouncilChildParams, response: { 200: T.ZCouncilReport } },
  }, async (request) => presentCouncilReport(await councilReportOf(db, policy.of(request).id, request.params.childId)));

  app.put('/councils/:id/reports/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Texte eines Entwurfs bearbeiten (Titel, Vorwort, Abschnitte; die Kennzahlen bleiben wie erzeugt)', params: ZCouncilChildParams, body: T.ZReportUpdate, response: { 200: T.ZCouncilReport } },
  }, async (request) => updateCouncilReport(db, auditContext(request), policy.of(request), request.params.childId, request.body));

  app.post('/councils/:id/reports/:childId/publish', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Entwurf veröffentlichen: PDF und DOCX werden erzeugt und gespeichert; danach ist der Bericht abgeschlossen', params: ZCouncilChildParams, body: T.ZPublishReportInput, response: { 200: T.ZCouncilReport } },
  }, async (request) => publishCouncilReport(db, app.files, auditContext(request), policy.of(request), request.params.childId, request.body.version));

  app.get('/public/councils/:id/reports', {
    config: { access: access.public },
    schema: { tags: publicTags, summary: 'Veröffentlichte Präventionsberichte eines Rates', params: ZCouncilParams, response: { 200: T.ZPublicReportList } },
  }, async (request) => {
    const council = await publicCouncil(request.params.id);
    return { items: (await listCouncilReports(db, council.id, { publishedOnly: true })).map((r) => {
      const p = presentCouncilReport(r, 'public');
      return { id: p.id, year: p.year, title: p.title, generatedAt: p.generatedAt, publishedAt: p.publishedAt, downloads: p.downloads };
    }) };
  });
}
