import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { FileStorage } from '../../../server/files/storage.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { Problem, unprocessable } from '../../../server/http/problem.js';
import { checkPdf } from '../../../server/files/pdf-check.js';
import { recordAllianceAudit } from '../audit.js';
import { agreementRevisions } from '../schema.js';
import { getAgreement, getAgreementRow } from './agreement.js';
import type { TAgreementRecord } from './agreements.types.js';

export const MAX_SCAN_BYTES = 15 * 1024 * 1024;
export const scanTooLarge = () => new Problem(413, 'file_too_large', `Der Scan darf höchstens ${MAX_SCAN_BYTES / 1024 / 1024} MB groß sein.`, { field: 'file' });

/** A scan is sent as a PDF (by type or name); checked when the upload starts and again here. */
export function acceptScanType(name: string, mimetype: string) {
  if (mimetype !== 'application/pdf' && !name.toLowerCase().endsWith('.pdf')) {
    throw new Problem(415, 'unsupported_file_type', 'Bitte laden Sie den Scan als PDF-Datei hoch.', { field: 'file' });
  }
}

/** Stores the scan of the signed paper copy with the latest signed revision (a checked PDF only, size limited). */
export async function uploadAgreementScan(db: Db, files: FileStorage, ctx: AuditContext, id: string, file: { name: string; mimetype: string; data: Buffer }): Promise<TAgreementRecord> {
  acceptScanType(file.name, file.mimetype);
  if (file.data.length > MAX_SCAN_BYTES) throw scanTooLarge();
  // Parsed, not only sniffed: a file that merely starts with "%PDF-" (e.g. HTML behind it) is refused, as is
  // active content (JavaScript, launch actions, embedded files).
  const pdf = await checkPdf(file.data);
  if (!pdf.ok) {
    const code = pdf.reason === 'not_pdf' ? 'not_a_pdf' : pdf.reason === 'broken' ? 'pdf_invalid' : `pdf_${pdf.reason}`;
    throw new Problem(pdf.reason === 'not_pdf' ? 415 : 422, code, pdf.detail, { field: 'file' });
  }
  return db.transaction(async (tx) => {
    await getAgreementRow(tx, id);
    const [rev] = await tx.select().from(agreementRevisions).where(eq(agreementRevisions.agreementId, id)).orderBy(desc(agreementRevisions.revision)).limit(1);
    if (!rev) throw unprocessable('not_signed', 'Ein Scan kann erst nach der Unterzeichnung hochgeladen werden.', 'file');
    const before = await getAgreement(tx, id);
    const key = `agreements/${id}/scan-r${rev.revision}.pdf`;
    await files.put(key, file.data, 'application/pdf');
    await tx.update(agreementRevisions).set({ scanKey: key, scanName: file.name.slice(0, 200), scanSize: file.data.length, scanUploadedAt: new Date() })
      .where(and(eq(agreementRevisions.agreementId, id), eq(agreementRevisions.revision, rev.revision)));
    const after = await getAgreement(tx, id);
    await recordAllianceAudit(tx, ctx, { action: 'agreement.scan_uploaded', entityType: 'agreement', entityId: id, before: { scan: before.scan }, after: { scan: after.scan } });
    return after;
  });
}
