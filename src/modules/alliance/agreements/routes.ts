import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { fileSlug, sendDownload } from '../../../server/http/download.js';
import { readUpload } from '../../../server/http/form-fields.js';
import { agreementPolicy } from '../policy.js';
import { ZIdParams } from '../alliance.types.js';
import * as T from './agreements.types.js';
import { listAgreements } from './list-agreements.js';
import { createAgreement } from './create-agreement.js';
import { updateAgreement } from './update-agreement.js';
import { transitionAgreement } from './transition-agreement.js';
import { getAgreementRevision } from './get-agreement-revision.js';
import { agreementDocx, agreementPdf } from './agreement-document.js';
import { acceptScanType, MAX_SCAN_BYTES, scanTooLarge, uploadAgreementScan } from './upload-agreement-scan.js';
import { readAgreementScan } from './read-agreement-scan.js';
import { deleteAgreement } from './delete-agreement.js';
import { z } from 'zod';
import { ZVersionParam } from '../../../server/http/zod.js';

/** Cooperation agreements: drafts, signing, revisions, documents and the signed scan. */
export async function agreementRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Vereinbarungen'];

  app.get('/agreements', {
    config: { access: agreementPolicy.door('read') },
    schema: { tags, summary: 'Vereinbarungen und Entwürfe (Kommune: eigene, Polizei: ihre Direktion)', querystring: T.ZAgreementListQuery, response: { 200: T.ZAgreementList } },
  }, async (request) => listAgreements(db, request.actor, request.query));

  app.post('/agreements', {
    config: { access: agreementPolicy.door('manage') },
    schema: { tags, summary: 'Entwurf anlegen (aus der Mustervorlage; Polizei: zuständige Direktion)', body: T.ZAgreementInput, response: { 201: T.ZAgreement } },
  }, async (request, reply) => reply.status(201).send(await agreementPolicy.withCan(db, request.actor, await createAgreement(db, auditContext(request), request.body))));

  app.get('/agreements/:id', {
    config: agreementPolicy.route('read'),
    schema: { tags, summary: 'Eine Vereinbarung', params: ZIdParams, response: { 200: T.ZAgreement } },
  }, async (request) => agreementPolicy.withCan(db, request.actor, agreementPolicy.of(request)));

  app.put('/agreements/:id', {
    config: agreementPolicy.route('manage'),
    schema: { tags, summary: 'Vereinbarung bearbeiten; nach Unterzeichnung entsteht eine neue Fassung', params: ZIdParams, body: T.ZAgreementUpdate, response: { 200: T.ZAgreement } },
  }, async (request) => agreementPolicy.withCan(db, request.actor, await updateAgreement(db, auditContext(request), agreementPolicy.of(request).id, request.body)));

  app.delete('/agreements/:id', {
    config: agreementPolicy.route('manage'),
    schema: { tags, summary: 'Einen Entwurf löschen, der noch nie unterzeichnet wurde (sonst 409)', params: ZIdParams, querystring: z.object({ version: ZVersionParam }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteAgreement(db, auditContext(request), agreementPolicy.of(request).id, request.query.version);
    return reply.status(204).send(null);
  });

  app.post('/agreements/:id/transitions', {
    config: agreementPolicy.route('manage'),
    schema: { tags, summary: 'Abstimmen, wieder öffnen, unterzeichnen oder beenden', params: ZIdParams, body: T.ZAgreementTransition, response: { 200: T.ZAgreement } },
  }, async (request) => agreementPolicy.withCan(db, request.actor, await transitionAgreement(db, auditContext(request), agreementPolicy.of(request).id, request.body)));

  app.get('/agreements/:id/revisions/:revision', {
    config: agreementPolicy.route('read'),
    schema: { tags, summary: 'Eine unterzeichnete Fassung, wie sie unterzeichnet wurde', params: T.ZRevisionParams, response: { 200: T.ZAgreementRecord } },
  }, async (request) => getAgreementRevision(db, agreementPolicy.of(request).id, request.params.revision));

  app.get('/agreements/:id/document', {
    config: agreementPolicy.route('read'),
    schema: { tags, summary: 'Vereinbarung als DOCX oder PDF (aktuelle oder unterzeichnete Fassung)', params: ZIdParams, querystring: T.ZDocumentQuery, response: { 200: T.ZAgreementDocument } },
  }, async (request, reply) => {
    const current = agreementPolicy.of(request);
    const a = request.query.revision ? await getAgreementRevision(db, current.id, request.query.revision) : current;
    const name = `${fileSlug(a.title)}-Fassung-${a.revision}.${request.query.format}`;
    return sendDownload(reply, name, request.query.format, request.query.format === 'docx' ? await agreementDocx(a) : await agreementPdf(a));
  });

  app.post('/agreements/:id/scan', {
    config: agreementPolicy.route('manage'),
    schema: { tags, summary: `Scan der unterzeichneten Vereinbarung hochladen (PDF, höchstens ${MAX_SCAN_BYTES / 1024 / 1024} MB)`, params: ZIdParams, consumes: ['multipart/form-data'], response: { 200: T.ZAgreement } },
  }, async (request, reply) => {
    const file = await readUpload(request, reply, {
      maxBytes: MAX_SCAN_BYTES, tooLarge: scanTooLarge().detail, missing: 'Bitte wählen Sie eine Datei aus.', accept: (f) => acceptScanType(f.filename, f.mimetype),
    });
    const agreement = await uploadAgreementScan(db, app.files, auditContext(request), agreementPolicy.of(request).id, { name: file.filename, mimetype: file.mimetype, data: file.data });
    return agreementPolicy.withCan(db, request.actor, agreement);
  });

  app.get('/agreements/:id/scan', {
    config: agreementPolicy.route('read'),
    schema: { tags, summary: 'Scan der unterzeichneten Vereinbarung', params: ZIdParams, querystring: T.ZScanQuery, response: { 200: T.ZAgreementScan } },
  }, async (request, reply) => {
    const scan = await readAgreementScan(db, app.files, agreementPolicy.of(request).id, request.query.revision);
    return sendDownload(reply, scan.name, 'pdf', scan.data);
  });
}
