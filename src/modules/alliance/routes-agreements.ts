import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { fileSlug, sendDownload } from '../../server/http/download.js';
import { ZIntParam } from '../../server/http/zod.js';
import { readUpload } from '../../server/http/form-fields.js';
import { alliancePolicy as policy } from './policy.js';
import * as T from './alliance.types.js';
import { getAgreementRevision } from './agreements.js';
import { createAgreement } from './create-agreement.js';
import { updateAgreement } from './update-agreement.js';
import { transitionAgreement } from './transition-agreement.js';
import { getVisibleAgreement, listAgreements } from './list-agreements.js';
import { agreementDocx, agreementPdf } from './agreement-document.js';
import { acceptScanType, MAX_SCAN_BYTES, readAgreementScan, scanTooLarge, uploadAgreementScan } from './upload-agreement-scan.js';

export async function agreementRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Vereinbarungen'];

  app.get('/agreements', {
    config: { access: policy.readInternal },
    schema: { tags, summary: 'Vereinbarungen und Entwürfe (Kommune: eigene, Polizei: ihre Direktion)', querystring: T.ZAgreementListQuery, response: { 200: z.object({ items: z.array(T.ZAgreement) }) } },
  }, async (request) => listAgreements(db, request.actor, request.query));

  app.post('/agreements', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Entwurf anlegen (aus der Mustervorlage; Polizei: zuständige Direktion)', body: T.ZAgreementInput, response: { 201: T.ZAgreement } },
  }, async (request, reply) => reply.status(201).send(await createAgreement(db, auditContext(request), request.body)));

  app.get('/agreements/:id', {
    config: { access: policy.readInternal },
    schema: { tags, summary: 'Eine Vereinbarung', params: T.ZIdParams, response: { 200: T.ZAgreement } },
  }, async (request) => getVisibleAgreement(db, request.actor, request.params.id));

  app.put('/agreements/:id', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Vereinbarung bearbeiten; nach Unterzeichnung entsteht eine neue Fassung', params: T.ZIdParams, body: T.ZAgreementUpdate, response: { 200: T.ZAgreement } },
  }, async (request) => updateAgreement(db, auditContext(request), request.params.id, request.body));

  app.post('/agreements/:id/transitions', {
    config: { access: policy.manage },
    schema: { tags, summary: 'Abstimmen, wieder öffnen, unterzeichnen oder beenden', params: T.ZIdParams, body: T.ZAgreementTransition, response: { 200: T.ZAgreement } },
  }, async (request) => transitionAgreement(db, auditContext(request), request.params.id, request.body));

  app.get('/agreements/:id/revisions/:revision', {
    config: { access: policy.readInternal },
    schema: { tags, summary: 'Eine unterzeichnete Fassung, wie sie unterzeichnet wurde', params: T.ZRevisionParams, response: { 200: T.ZAgreement } },
  }, async (request) => {
    await getVisibleAgreement(db, request.actor, request.params.id);
    return getAgreementRevision(db, request.params.id, request.params.revision);
  });

  app.get('/agreements/:id/document', {
    config: { access: policy.readInternal },
    schema: { tags, summary: 'Vereinbarung als DOCX oder PDF (aktuelle oder unterzeichnete Fassung)', params: T.ZIdParams, querystring: T.ZDocumentQuery },
  }, async (request, reply) => {
    const current = await getVisibleAgreement(db, request.actor, request.params.id);
    const a = request.query.revision ? await getAgreementRevision(db, current.id, request.query.revision) : current;
    const name = `${fileSlug(a.title)}-Fassung-${a.revision}.${request.query.format}`;
    return sendDownload(reply, name, request.query.format, request.query.format === 'docx' ? await agreementDocx(a) : await agreementPdf(a));
  });

  app.post('/agreements/:id/scan', {
    config: { access: policy.manage },
    schema: { tags, summary: `Scan der unterzeichneten Vereinbarung hochladen (PDF, höchstens ${MAX_SCAN_BYTES / 1024 / 1024} MB)`, params: T.ZIdParams, consumes: ['multipart/form-data'], response: { 200: T.ZAgreement } },
  }, async (request, reply) => {
    const file = await readUpload(request, reply, {
      maxBytes: MAX_SCAN_BYTES, tooLarge: scanTooLarge().detail, missing: 'Bitte wählen Sie eine Datei aus.', accept: (f) => acceptScanType(f.filename, f.mimetype),
    });
    return uploadAgreementScan(db, app.files, auditContext(request), request.params.id, { name: file.filename, mimetype: file.mimetype, data: file.data });
  });

  app.get('/agreements/:id/scan', {
    config: { access: policy.readInternal },
    schema: { tags, summary: 'Scan der unterzeichneten Vereinbarung', params: T.ZIdParams, querystring: z.object({ revision: ZIntParam(1).optional() }) },
  }, async (request, reply) => {
    await getVisibleAgreement(db, request.actor, request.params.id);
    const scan = await readAgreementScan(db, app.files, request.params.id, request.query.revision);
    return sendDownload(reply, scan.name, 'pdf', scan.data);
  });
}
